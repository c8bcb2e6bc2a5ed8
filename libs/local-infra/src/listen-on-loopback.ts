import type { AddressInfo } from 'node:net';

interface Listener {
  listen(port: number, host: string, callback: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/** Listens on 127.0.0.1 (a busy port rejects instead of crashing the process); resolves with the port. */
export function listenOnLoopback(
  server: Listener,
  port: number,
  address: () => AddressInfo,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(address().port);
    });
  });
}
