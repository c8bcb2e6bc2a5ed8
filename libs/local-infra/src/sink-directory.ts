import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A directory a local sink keeps what it receives in, one file per message, named by the time it came and a
 * sequence number (`2025-03-01T10-00-00-000Z-0001.eml`), so that `ls` lists them in order.
 */
export class SinkDirectory {
  private sequence = 0;

  constructor(
    readonly directory: string,
    private readonly extension: string,
  ) {}

  /** Writes one message and returns the file's path. */
  async keep(content: string | Buffer): Promise<string> {
    await mkdir(this.directory, { recursive: true });
    this.sequence += 1;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(
      this.directory,
      `${stamp}-${String(this.sequence).padStart(4, '0')}.${this.extension}`,
    );
    await writeFile(file, content);
    return file;
  }
}
