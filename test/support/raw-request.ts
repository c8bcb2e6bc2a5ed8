import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One HTTP/1.1 request written byte for byte on a socket: fetch and node:http refuse to send a NUL in a
 * header or bytes that are not UTF-8 in a path, which is what a hostile client sends.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: Buffer | string,
  headers: [string, Buffer | string][] = [],
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const request = Buffer.concat([
    Buffer.from(`${method} `),
    Buffer.from(path),
    Buffer.from(' HTTP/1.1\r\n'),
    ...headers.flatMap(([name, value]) => [
      Buffer.from(`${name}: `),
      Buffer.from(value),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`Host: ${hostname}:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.end(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      const json = body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1);
      resolve({ status, body: json ? (JSON.parse(json) as Record<string, unknown>) : {} });
    });
  });
}
