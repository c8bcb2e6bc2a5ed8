import http from 'node:http';
import type { OutgoingMessage } from './delivery-channel';
import { HttpSmsGatewayChannel } from './http-sms-gateway-channel';
import { smsGatewayConfigFromEnv } from './sms-gateway-config';

/** A real HTTP server plays the gateway, on this helper's ports (41020-41039). */
const PORT = 41021;
const NOBODY_LISTENS = 41022;
const GATEWAY = `http://127.0.0.1:${PORT}/v1/sms`;

const message: OutgoingMessage = {
  notificationId: '7d1c2a4e-0f5b-4c3e-8a9d-2b6e4f1a3c5d',
  recipient: '+77011234567',
  attempt: 2,
  content: { kind: 'sms', text: 'Өтінішіңіз тіркелді: ҚР-2025-000123' },
};

interface Request {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

type Reply = (response: http.ServerResponse, request: http.IncomingMessage) => void;

async function startGateway(reply: Reply): Promise<{ server: http.Server; requests: Request[] }> {
  const requests: Request[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: JSON.parse(body),
      });
      // Each test starts its own gateway on the same port: no pooled connection may outlive it.
      response.setHeader('connection', 'close');
      reply(response, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  return { server, requests };
}

function channelFor(env: NodeJS.ProcessEnv = {}): HttpSmsGatewayChannel {
  return new HttpSmsGatewayChannel(
    smsGatewayConfigFromEnv({ NOTIFICATION_SMS_GATEWAY_URL: GATEWAY, ...env }),
  );
}

function deliver(channel: HttpSmsGatewayChannel, timeoutMs = 5000) {
  return channel.send(message, AbortSignal.timeout(timeoutMs));
}

describe('HttpSmsGatewayChannel against a real HTTP gateway', () => {
  let server: http.Server | undefined;

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('posts the SMS with its idempotency key and credentials, and keeps the gateway message id', async () => {
    const gateway = await startGateway((response) => {
      response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'sms-42' }));
    });
    server = gateway.server;
    const channel = channelFor({
      NOTIFICATION_SMS_GATEWAY_TOKEN: 'gw-token',
      NOTIFICATION_SMS_SENDER: 'eOtinish',
    });

    await expect(deliver(channel)).resolves.toEqual({
      status: 'sent',
      providerAnswer: '202 sms-42',
    });
    const [request] = gateway.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/sms' });
    expect(request.headers['idempotency-key']).toBe(message.notificationId);
    expect(request.headers.authorization).toBe('Bearer gw-token');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      to: '+77011234567',
      text: 'Өтінішіңіз тіркелді: ҚР-2025-000123',
      sender: 'eOtinish',
    });
  });

  it('authorizes with basic credentials and keeps the beginning of an answer without an id', async () => {
    const gateway = await startGateway((response) => response.writeHead(200).end('accepted'));
    server = gateway.server;
    const channel = channelFor({
      NOTIFICATION_SMS_GATEWAY_USER: 'notifier',
      NOTIFICATION_SMS_GATEWAY_PASSWORD: 's3cret',
    });

    await expect(deliver(channel)).resolves.toEqual({
      status: 'sent',
      providerAnswer: '200 accepted',
    });
    expect(gateway.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('notifier:s3cret').toString('base64')}`,
    );
    expect(gateway.requests[0].body).toEqual({
      to: message.recipient,
      text: 'Өтінішіңіз тіркелді: ҚР-2025-000123',
    });
  });

  it('retries after the time a 429 asks for, and when the gateway fails', async () => {
    let status = 429;
    server = (
      await startGateway((response) => {
        response
          .writeHead(status, status === 429 ? { 'retry-after': '30' } : {})
          .end('{"error":"slow down"}');
      })
    ).server;
    const channel = channelFor();
    await expect(deliver(channel)).resolves.toEqual({
      status: 'retry',
      providerAnswer: '429 {"error":"slow down"}',
      retryAfterMs: 30_000,
    });
    status = 503;
    await expect(deliver(channel)).resolves.toMatchObject({
      status: 'retry',
    });
  });

  it('takes a 400 as a refusal for good', async () => {
    server = (await startGateway((response) => response.writeHead(400).end('{"error":"invalid number"}')))
      .server;
    await expect(deliver(channelFor())).resolves.toEqual({
      status: 'rejected',
      providerAnswer: '400 {"error":"invalid number"}',
    });
  });

  it('retries when the gateway is down: nothing was sent', async () => {
    const channel = new HttpSmsGatewayChannel(
      smsGatewayConfigFromEnv({ NOTIFICATION_SMS_GATEWAY_URL: `http://127.0.0.1:${NOBODY_LISTENS}/v1/sms` }),
    );
    await expect(deliver(channel)).resolves.toMatchObject({
      status: 'retry',
      providerAnswer: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('calls a hang-up after the request, and no answer before the send timeout, unknown', async () => {
    server = (await startGateway((_response, request) => request.socket.destroy())).server;
    await expect(deliver(channelFor())).resolves.toMatchObject({
      status: 'unknown',
    });
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));

    server = (await startGateway(() => undefined)).server; // never answers
    await expect(deliver(channelFor(), 300)).resolves.toMatchObject({
      status: 'unknown',
    });
  });
});
