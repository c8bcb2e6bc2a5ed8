import type { NotificationPage } from '@app/contracts/console-api/notifications';
import { useEffect } from 'react';
import { useLiveEvents } from '../../api/live';
import { useSession } from '../../api/session';
import { MAX_NOTIFICATION_PAGE } from '../../api/types/notifications';
import { useAsync } from '../../components/useAsync';
import { unreadLabelOf } from './message-list';
import { onMessagesChanged } from './messages-changed';

export interface UnreadCount {
  /** Unread messages, at most 200 (one page). */
  count: number;
  /** The page was full: there may be more. */
  more: boolean;
  /** What to show: `3`, or `200+`. */
  label: string;
  /** False until the first answer. */
  loaded: boolean;
  reload(this: void): void;
}

const NONE: NotificationPage = { items: [], nextBefore: null };

/**
 * The caller's unread messages, counted from `GET /api/v1/notifications?unread=true` (the API has no count of
 * its own), read again whenever the messages change in this tab. Admins have no messages (the API answers them
 * 403): their count is 0 without asking. No live stream of its own: see `useUnreadCount`.
 */
export function useUnreadCountOnce(): UnreadCount {
  const { api, state } = useSession();
  const hasMessages = state.status === 'signed-in' && state.me.role !== 'admin';
  const unread = useAsync(
    () =>
      hasMessages
        ? api.get<NotificationPage>('/api/v1/notifications', { unread: 'true', limit: MAX_NOTIFICATION_PAGE })
        : Promise.resolve(NONE),
    `unread:${hasMessages}`,
  );
  const { reload } = unread;
  useEffect(() => onMessagesChanged(reload), [reload]);
  const count = unread.data?.items.length ?? 0;
  const more = unread.data?.nextBefore != null;
  return { count, more, label: unreadLabelOf(count, more), loaded: unread.data !== undefined, reload };
}

/** The unread counter for the header: as `useUnreadCountOnce`, and kept current by the live stream. */
export function useUnreadCount(): UnreadCount {
  const unread = useUnreadCountOnce();
  useLiveEvents({ onNotification: unread.reload, onReconnected: unread.reload });
  return unread;
}
