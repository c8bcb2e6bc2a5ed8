import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SinkOptions } from './mail-sink';
import { listenOnLoopback } from './listen-on-loopback';
import { SinkDirectory } from './sink-directory';

const MAX_BODY = 64 * 1024;

function answer(response: http.ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) {
        resolve(undefined);
        request.destroy();
      }
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function parseSms(body: string): { to: string; text: string; sender?: string } | undefined {
  try {
    const sms = JSON.parse(body) as { to?: unknown; text?: unknown; sender?: unknown };
    if (typeof sms.to !== 'string' || typeof sms.text !== 'string') return undefined;
    return { to: sms.to, text: sms.text, sender: typeof sms.sender === 'string' ? sms.sender : undefined };
  } catch {
    return undefined;
  }
}

/**
 * An SMS gateway on 127.0.0.1 speaking the gateway contract of docs/notification.md that sends nothing: it
 * keeps every SMS as a `.txt` file (the whole number: it is the developer's own machine; never on the
 * console) and, as a real gateway must, answers a repeated Idempotency-Key with the first message's id.
 */
export class SmsSink {
  private constructor(
    private readonly server: http.Server,
    readonly port: number,
    readonly directory: string,
  ) {}

  static async start({ directory, port, onFile }: SinkOptions): Promise<SmsSink> {
    const files = new SinkDirectory(directory, 'txt');
    const idsByKey = new Map<string, string>();
    const receive = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
      if (request.method !== 'POST') return answer(response, 405, { error: 'POST an SMS' });
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !key)
        return answer(response, 400, { error: 'Idempotency-Key is required' });
      const sms = parseSms((await readBody(request)) ?? '');
      if (!sms) return answer(response, 400, { error: 'the body must be JSON {to, text, sender?}' });
      const known = idsByKey.get(key);
      if (known) return answer(response, 200, { id: known });
      const id = randomUUID();
      const lines = [`To: ${sms.to}`, `Sender: ${sms.sender ?? ''}`, `Idempotency-Key: ${key}`, `Id: ${id}`];
      const file = await files.keep(`${lines.join('\n')}\n\n${sms.text}\n`);
      idsByKey.set(key, id);
      onFile?.(file);
      answer(response, 200, { id });
    };
    const server = http.createServer((request, response) => {
      receive(request, response).catch(() => answer(response, 500, { error: 'could not keep the SMS' }));
    });
    const bound = await listenOnLoopback(server, port, () => server.address() as AddressInfo);
    return new SmsSink(server, bound, directory);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
