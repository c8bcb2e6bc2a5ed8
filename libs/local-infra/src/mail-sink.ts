import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { listenOnLoopback } from './listen-on-loopback';
import { SinkDirectory } from './sink-directory';

export interface SinkOptions {
  directory: string;
  /** 0: any free port (tests). */
  port: number;
  /** Told the path of each file kept; file names carry no personal data. */
  onFile?: (file: string) => void;
}

/**
 * An SMTP server on 127.0.0.1 that delivers nowhere: it keeps every message as a `.eml` file, so a developer
 * running the system opens the e-mail a citizen would get. No TLS and no login: it listens on loopback only.
 */
export class MailSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly directory: string,
  ) {}

  static async start({ directory, port, onFile }: SinkOptions): Promise<MailSink> {
    const files = new SinkDirectory(directory, 'eml');
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: 25 * 1024 * 1024,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.keep(Buffer.concat(chunks)).then(
            (file) => {
              onFile?.(file);
              callback(null, `Ok: kept as ${file.split(/[\\/]/).pop()}`);
            },
            (error: Error) => callback(Object.assign(error, { responseCode: 451 })),
          );
        });
      },
    });
    const bound = await listenOnLoopback(server, port, () => server.server.address() as AddressInfo);
    return new MailSink(server, bound, directory);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
