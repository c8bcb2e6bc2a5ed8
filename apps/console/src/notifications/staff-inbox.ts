import {
  NotificationChannel,
  RecipientKind,
  type CloudEvent,
  type NotificationSentData,
} from '@app/contracts';
import { ChunkedWork } from '@app/messaging';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { staffLanguageOf } from '../access/staff-language';
import { PAGE_LIMIT } from '../identity/query-fields';
import { announceStaffMessages } from '../live/staff-message-notice';
import { messageScopeOf } from './message-scope';
import type { NotificationListQuery, NotificationPage } from './notifications.dto';
import { viewIn } from './staff-message';
import { StaffMessageRepository, type NewStaffMessage } from './staff-message.repository';

/** The in-app message a `sent` outcome carries for an organisation's staff; undefined for any other outcome. */
export function staffMessageOf(data: NotificationSentData): NewStaffMessage | undefined {
  if (data.channel !== NotificationChannel.inApp || data.recipientKind !== RecipientKind.organization)
    return undefined;
  if (!data.organizationId || !data.inApp) return undefined;
  return {
    id: data.notificationId,
    organizationId: data.organizationId,
    appealId: data.appealId,
    trackingNumber: data.trackingNumber,
    eventType: data.eventType,
    template: data.template,
    title: data.inApp.title,
    body: data.inApp.body,
    sentAt: data.sentAt,
  };
}

/** Another organisation's message answers exactly as one that does not exist. */
export function notificationNotFound(): NotFoundException {
  return new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    code: 'notification-not-found',
    message: 'no notification with this id is addressed to you',
  });
}

/** The in-app messages of a run of `sent` outcomes, kept after the last of them in two statements. */
interface ArrivedMessages {
  messages: NewStaffMessage[];
}

/**
 * Staff's in-app messages: kept once per notification id as they arrive (and announced to the live stream),
 * listed in the reader's language within the caller's message scope, marked read per user. They hold no
 * personal data (tracking numbers and bodies' names only), so reading them is not audited.
 */
@Injectable()
export class StaffInbox extends ChunkedWork<ArrivedMessages> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: StaffMessageRepository,
  ) {
    super();
  }

  /** Keeps the message a `sent` outcome carries for an organisation's staff; other outcomes are not for them. */
  async receive(manager: EntityManager, event: CloudEvent<NotificationSentData>): Promise<void> {
    const message = staffMessageOf(event.data);
    if (message) await this.within(manager, event, (run) => run.messages.push(message));
  }

  protected load(): Promise<ArrivedMessages> {
    return Promise.resolve({ messages: [] });
  }

  /** A message already kept (the same notification id) is neither kept nor announced again. */
  protected async write(manager: EntityManager, { messages }: ArrivedMessages): Promise<void> {
    const places = await this.messages.insertAll(manager, messages);
    await announceStaffMessages(manager, places);
  }

  async list(caller: Principal, query: NotificationListQuery): Promise<NotificationPage> {
    const limit = query.limit ?? PAGE_LIMIT.fallback;
    const rows = await this.messages.page(this.dataSource.manager, messageScopeOf(caller), userIdOf(caller), {
      before: query.before,
      limit,
      unread: query.unread === 'true',
    });
    const language = staffLanguageOf(caller);
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ message, read }) => viewIn(language, message, read)),
      nextBefore: rows.length > limit ? page[page.length - 1].message.seq : null,
    };
  }

  async markRead(caller: Principal, id: string): Promise<void> {
    const found = await this.messages.markRead(
      this.dataSource.manager,
      messageScopeOf(caller),
      userIdOf(caller),
      id,
    );
    if (!found) throw notificationNotFound();
  }

  async markAllRead(caller: Principal): Promise<{ marked: number }> {
    const marked = await this.messages.markAllRead(
      this.dataSource.manager,
      messageScopeOf(caller),
      userIdOf(caller),
    );
    return { marked };
  }
}

/** The routes are open to staff only; a system has no read marks (its scope is none, so nothing is marked). */
function userIdOf(caller: Principal): string {
  return caller.kind === 'staff' ? caller.userId : caller.clientId;
}
