import { createBrowserRouter, Navigate } from 'react-router';
import { AdminAuditScreen } from '../screens/admin/AdminAuditScreen';
import { AdminUsersScreen } from '../screens/admin/AdminUsersScreen';
import { BoardScreen } from '../screens/board/BoardScreen';
import { CaseScreen } from '../screens/case/CaseScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { AnswerScreen } from '../screens/tracking/AnswerScreen';
import { TrackingScreen } from '../screens/tracking/TrackingScreen';
import { HomeRedirect } from './HomeRedirect';
import { PublicLayout } from './PublicLayout';
import { RequireRole } from './RequireRole';
import { StaffLayout } from './StaffLayout';

/**
 * The screens and who may open them. The server decides what each caller may read; these guards only keep a
 * screen that would answer 403 out of the menu and the address bar.
 */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginScreen /> },
      // The citizen's pages: the links notification puts in its messages.
      { path: '/track', element: <TrackingScreen /> },
      { path: '/track/:trackingNumber', element: <TrackingScreen /> },
      { path: '/track/:trackingNumber/answer', element: <AnswerScreen /> },
    ],
  },
  {
    element: <StaffLayout />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      {
        element: <RequireRole roles={['operator', 'supervisor', 'central-reception']} />,
        children: [
          { path: '/queue', element: <QueueScreen /> },
          { path: '/cases/:appealId', element: <CaseScreen /> },
          { path: '/dashboard', element: <DashboardScreen /> },
        ],
      },
      {
        element: <RequireRole roles={['supervisor', 'central-reception']} />,
        children: [{ path: '/board', element: <BoardScreen /> }],
      },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: '/admin/users', element: <AdminUsersScreen /> },
          { path: '/admin/audit', element: <AdminAuditScreen /> },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
