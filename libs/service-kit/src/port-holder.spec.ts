import { createServer, type Server } from 'node:net';
import { findPortHolders, portInUseMessage } from './port-holder';

async function listen(host: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return server;
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

describe('who holds a port (Linux /proc)', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('names the pid and command line of the listener, over IPv4 and IPv6', async () => {
    for (const host of ['127.0.0.1', '::1']) {
      const server = await listen(host);
      servers.push(server);

      expect(await findPortHolders(portOf(server))).toEqual([
        { pid: process.pid, commandLine: expect.stringContaining(process.argv0) as string },
      ]);
    }
  });

  it('says a port chosen by the system lies in the ephemeral range and asks for one below it', async () => {
    const server = await listen('127.0.0.1');
    servers.push(server);
    const port = portOf(server);

    const message = await portInUseMessage('127.0.0.1', port);

    expect(message).toContain(`127.0.0.1:${port} is already in use by pid ${process.pid} (`);
    expect(message).toMatch(/lies in the ephemeral port range \d+–\d+, .* choose a port below \d+/);
  });

  it('finds nobody on a free port', async () => {
    const server = await listen('127.0.0.1');
    const port = portOf(server);
    await new Promise((resolve) => server.close(resolve));

    expect(await findPortHolders(port)).toEqual([]);
  });
});
