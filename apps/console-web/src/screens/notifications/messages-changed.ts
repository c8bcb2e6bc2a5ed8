/**
 * Within the tab: "the messages changed" (one was marked read, all were, one arrived), so every unread counter
 * on the page (the panel's heading, the header's) reads its count again.
 */
const listeners = new Set<() => void>();

export function announceMessagesChanged(): void {
  for (const listener of listeners) listener();
}

/** Returns the unsubscribe, for an effect's cleanup. */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
