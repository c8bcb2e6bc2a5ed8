/** A live `notification` event's data, if it has the shape of a message (anything else is ignored). */
export function messageOf(data: unknown): StaffMessageView | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const item = data as Record<string, unknown>;
  const texts = ['id', 'appealId', 'trackingNumber', 'title', 'body', 'sentAt'] as const;
  if (!texts.every((key) => typeof item[key] === 'string')) return undefined;
  return { ...(item as unknown as StaffMessageView), read: item.read === true };
}

/**
 * The messages shown: those that arrived live (newest first) ahead of the loaded pages, each once (the same
 * message can be both live and on a page reloaded after it), newest first, read where the user marked it here.
 */
export function mergeMessages(
  arrived: readonly StaffMessageView[],
  pages: readonly (readonly StaffMessageView[])[],
  markedRead: ReadonlySet<string>,
): StaffMessageView[] {
  const seen = new Set<string>();
  const merged: StaffMessageView[] = [];
  for (const item of [...arrived, ...pages.flat()]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    merged.push(markedRead.has(item.id) && !item.read ? { ...item, read: true } : item);
  }
  return merged.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

/** The unread count as shown: `200+` when the page of unread messages was full and more may exist. */
export function unreadLabelOf(count: number, more: boolean): string {
  return more ? `${count}+` : String(count);
}
import type { StaffMessageView } from '@app/contracts/console-api/notifications';
