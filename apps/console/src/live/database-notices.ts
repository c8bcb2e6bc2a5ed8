import { databaseUrlFromEnv } from '@app/persistence';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';
import { CASE_CHANGES_CHANNEL, type CaseChange } from './case-change';
import { STAFF_MESSAGES_CHANNEL, type StaffMessageNotice } from './staff-message-notice';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;

/**
 * Hears every committed change of the read model and every in-app message that arrived, whichever console
 * instance (or its Kafka consumer) wrote it, over one dedicated LISTEN connection; reconnects with backoff
 * when the database goes away.
 */
@Injectable()
export class DatabaseNotices implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DatabaseNotices.name);
  private readonly subjects = {
    [CASE_CHANGES_CHANNEL]: new Subject<CaseChange>(),
    [STAFF_MESSAGES_CHANNEL]: new Subject<StaffMessageNotice>(),
  };
  private client?: Client;
  private stopped = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer?: NodeJS.Timeout;

  get caseChanges(): Observable<CaseChange> {
    return this.subjects[CASE_CHANGES_CHANNEL].asObservable();
  }

  get staffMessages(): Observable<StaffMessageNotice> {
    return this.subjects[STAFF_MESSAGES_CHANNEL].asObservable();
  }

  onModuleInit(): void {
    void this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    for (const subject of Object.values(this.subjects)) subject.complete();
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
      const subject: Subject<unknown> | undefined = (this.subjects as Record<string, Subject<unknown>>)[
        message.channel
      ];
      if (!subject || !message.payload) return;
      try {
        subject.next(JSON.parse(message.payload));
      } catch {
        this.logger.warn(`${message.channel}: a notice that is not JSON was ignored`);
      }
    });
    try {
      await client.connect();
      for (const channel of Object.keys(this.subjects)) await client.query(`LISTEN ${channel}`);
      this.reconnectDelay = RECONNECT_MIN_MS;
      this.logger.log('listening for case changes and staff messages');
    } catch (error) {
      this.logger.warn(`live notices: cannot listen yet (${(error as Error).message}); retrying`);
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
