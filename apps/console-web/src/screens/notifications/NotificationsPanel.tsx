import type {
  NotificationPage,
  ReadAllAnswer,
  StaffMessageView,
} from '@app/contracts/console-api/notifications';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveEvents } from '../../api/live';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsync } from '../../components/useAsync';
import { formatDateTime } from '../../format/kazakhstan-time';
import { mergeMessages, messageOf } from './message-list';
import { announceMessagesChanged } from './messages-changed';
import { useUnreadCountOnce } from './useUnreadCount';
import './notifications.css';

/** Messages on the first page, and on each older one. */
const PAGE_SIZE = 10;

/**
 * Staff's in-app messages (`GET /api/v1/notifications`), newest first, each with a link to its case; marked read
 * one by one or all at once (for this user only), and new ones arrive live. A section with an h2: put it under
 * a screen's h1.
 */
export function NotificationsPanel() {
  const { t, i18n } = useTranslation('notifications');
  const { api } = useSession();
  const headingId = useId();
  const itemId = useId();
  const first = useAsync(
    () => api.get<NotificationPage>('/api/v1/notifications', { limit: PAGE_SIZE }),
    'notifications',
  );
  const [older, setOlder] = useState<NotificationPage[]>([]);
  const [arrived, setArrived] = useState<StaffMessageView[]>([]);
  const [markedRead, setMarkedRead] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState({ text: '', round: 0 });
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const unread = useUnreadCountOnce();

  const announce = (text: string) => setAnnouncement((previous) => ({ text, round: previous.round + 1 }));

  useLiveEvents({
    onNotification: (data) => {
      const message = messageOf(data);
      if (!message) return;
      setArrived((previous) => [message, ...previous.filter((item) => item.id !== message.id)]);
      announce(t('arrived', { title: message.title }));
      announceMessagesChanged();
    },
    onReconnected: () => {
      first.reload();
      announceMessagesChanged();
    },
  });

  const messages = useMemo(
    () => mergeMessages(arrived, [first.data?.items ?? [], ...older.map((page) => page.items)], markedRead),
    [arrived, first.data, older, markedRead],
  );
  const nextBefore = older.length > 0 ? older[older.length - 1].nextBefore : (first.data?.nextBefore ?? null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await work();
      announceMessagesChanged();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const markRead = (message: StaffMessageView) =>
    act(async () => {
      await api.send('POST', `/api/v1/notifications/${encodeURIComponent(message.id)}/read`);
      setMarkedRead((previous) => new Set(previous).add(message.id));
      announce(t('markedRead', { title: message.title }));
      // The button goes away: keep the keyboard on the message it belonged to.
      document.getElementById(`${itemId}-${message.id}`)?.focus();
    });

  const markAllRead = () =>
    act(async () => {
      await api.send<ReadAllAnswer>('POST', '/api/v1/notifications/read-all');
      setMarkedRead(new Set(messages.map((message) => message.id)));
      announce(t('allMarked'));
    });

  const showOlder = () =>
    act(async () => {
      if (nextBefore === null) return;
      const page = await api.get<NotificationPage>('/api/v1/notifications', {
        limit: PAGE_SIZE,
        before: nextBefore,
      });
      setOlder((previous) => [...previous, page]);
    });

  const unreadNow = unread.loaded ? unread.count : messages.filter((message) => !message.read).length;

  return (
    <section className="card messages" aria-labelledby={headingId}>
      <div className="messages__head">
        <h2 id={headingId}>
          {t('heading')}{' '}
          <span className={`badge ${unreadNow > 0 ? 'badge--due-soon' : 'badge--ok'}`}>
            {t('unread', { count: unread.loaded ? unread.label : unreadNow })}
          </span>
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => void markAllRead()}
          disabled={busy || unreadNow === 0}
        >
          {t('markAllRead')}
        </button>
      </div>
      <div className="visually-hidden" aria-live="polite">
        {announcement.text && <p key={announcement.round}>{announcement.text}</p>}
      </div>
      <ErrorNotice error={actionError ?? first.error} />
      {first.data === undefined && first.loading && <p role="status">{t('common:state.loading')}</p>}
      {first.data !== undefined && messages.length === 0 && <p>{t('empty')}</p>}
      {messages.length > 0 && (
        <ul className="messages__list" aria-label={t('listLabel')}>
          {messages.map((message) => (
            <li key={message.id}>
              <article
                id={`${itemId}-${message.id}`}
                tabIndex={-1}
                aria-labelledby={`${itemId}-${message.id}-title`}
                className={`message${message.read ? '' : ' message--unread'}`}
              >
                <h3 id={`${itemId}-${message.id}-title`} className="message__title">
                  {message.title}
                </h3>
                <p className="message__meta">
                  <span className={`badge ${message.read ? 'badge--ok' : 'badge--due-soon'}`}>
                    {message.read ? t('read') : t('unreadOne')}
                  </span>{' '}
                  <span>
                    {t('sentAt')}:{' '}
                    <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, i18n.language)}</time>
                  </span>
                </p>
                <p className="message__body">{message.body}</p>
                <div className="message__actions">
                  <Link to={`/cases/${message.appealId}`}>
                    {t('openCase', { trackingNumber: message.trackingNumber })}
                  </Link>
                  {!message.read && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void markRead(message)}
                      disabled={busy}
                      aria-describedby={`${itemId}-${message.id}-title`}
                    >
                      {t('markRead')}
                    </button>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {nextBefore !== null && first.data !== undefined && (
        <button type="button" className="button" onClick={() => void showOlder()} disabled={busy}>
          {t('older')}
        </button>
      )}
    </section>
  );
}
