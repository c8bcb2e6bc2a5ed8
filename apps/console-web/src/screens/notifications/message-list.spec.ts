import type { StaffMessageView } from '@app/contracts/console-api/notifications';
import { mergeMessages, messageOf, unreadLabelOf } from './message-list';

const message = (id: string, sentAt: string, read = false): StaffMessageView => ({
  id,
  appealId: '7f1f6c2e-8a7b-4d8e-9a55-0b7f3b1c2d3e',
  trackingNumber: 'KZ-2026-000001',
  eventType: 'kz.appeals.routed.v1',
  template: 'appeal-assigned',
  language: 'kk',
  title: `title ${id}`,
  body: `body ${id}`,
  sentAt,
  createdAt: sentAt,
  read,
});

describe('messageOf', () => {
  it('takes a live event’s message, unread unless it says read', () => {
    const { read, ...rest } = message('n1', '2026-11-30T10:00:00Z');
    expect(read).toBe(false);
    expect(messageOf(rest)).toEqual({ ...rest, read: false });
  });

  it('ignores what is not a message', () => {
    expect(messageOf(null)).toBeUndefined();
    expect(messageOf('n1')).toBeUndefined();
    expect(messageOf({ id: 'n1', title: 'x' })).toBeUndefined();
  });
});

describe('mergeMessages', () => {
  const older = message('n1', '2026-11-29T10:00:00Z');
  const newer = message('n2', '2026-11-30T10:00:00Z');
  const live = message('n3', '2026-11-30T11:00:00Z');

  it('puts live messages first and shows a message on a reloaded page once', () => {
    const merged = mergeMessages([live, newer], [[newer, older]], new Set());
    expect(merged.map((item) => item.id)).toEqual(['n3', 'n2', 'n1']);
  });

  it('keeps the order by sending time across older pages', () => {
    expect(mergeMessages([], [[older], [newer]], new Set()).map((item) => item.id)).toEqual(['n2', 'n1']);
  });

  it('shows what the user marked read here as read, and leaves read ones read', () => {
    const merged = mergeMessages([], [[newer, message('n0', '2026-11-01T00:00:00Z', true)]], new Set(['n2']));
    expect(merged.map((item) => item.read)).toEqual([true, true]);
  });
});

describe('unreadLabelOf', () => {
  it('shows the count, with a plus when there may be more', () => {
    expect(unreadLabelOf(3, false)).toBe('3');
    expect(unreadLabelOf(200, true)).toBe('200+');
  });
});
