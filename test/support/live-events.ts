/** One server-sent event of the console's live stream: its name and its JSON data. */
export interface LiveEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Reads the server-sent events of a live stream (`…/api/v1/live`) into `received` until aborted. `opened`
 * resolves with the answer's status once the stream's headers arrive.
 */
export function listenToLive(
  streamUrl: string,
  token: string,
  received: LiveEvent[],
): { abort: AbortController; opened: Promise<number> } {
  const abort = new AbortController();
  const response = fetch(streamUrl, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  void response
    .then(async ({ body }) => {
      if (!body) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) received.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    })
    .catch(() => undefined);
  return { abort, opened: response.then(({ status }) => status) };
}
