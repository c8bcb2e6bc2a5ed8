import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PeerAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A real HTTP server for tests (an SMS gateway, a webhook receiver): reads each body, answers as told. */
export class HttpPeer {
  private server?: Server;

  constructor(private readonly answer: (request: IncomingMessage, body: string) => PeerAnswer) {}

  /** Starts on a free port of 127.0.0.1; the URL of `path` there. */
  async start(path: string): Promise<string> {
    const server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const { status, body: answer, headers } = this.answer(request, body);
        response.writeHead(status, headers).end(answer ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
