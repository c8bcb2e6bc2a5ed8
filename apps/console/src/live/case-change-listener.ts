import { databaseUrlFromEnv } from '@app/persistence';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';
import { CASE_CHANGES_CHANNEL, type CaseChange } from './case-change';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;

/**
 * Hears every committed change of the read model, whichever console instance (or the Kafka projection)
 * made it, over one dedicated LISTEN connection; reconnects with backoff when the database goes away.
 */
@Injectable()
export class CaseChangeListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CaseChangeListener.name);
  private readonly subject = new Subject<CaseChange>();
  private client?: Client;
  private stopped = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer?: NodeJS.Timeout;

  get changes(): Observable<CaseChange> {
    return this.subject.asObservable();
  }

  onModuleInit(): void {
    void this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.subject.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: databaseUrlFromEnv(),
      application_name: 'console-live',
    });
    this.client = client;
    client.on('error', () => this.retry(client));
    client.on('end', () => this.retry(client));
    client.on('notification', (message) => {
      if (message.channel !== CASE_CHANGES_CHANNEL || !message.payload) return;
      try {
        this.subject.next(JSON.parse(message.payload) as CaseChange);
      } catch {
        this.logger.warn('case changes: a notice that is not JSON was ignored');
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CASE_CHANGES_CHANNEL}`);
      this.reconnectDelay = RECONNECT_MIN_MS;
      this.logger.log('listening for case changes');
    } catch (error) {
      this.logger.warn(`case changes: cannot listen yet (${(error as Error).message}); retrying`);
      this.retry(client);
    }
  }

  private retry(client: Client): void {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }
}
