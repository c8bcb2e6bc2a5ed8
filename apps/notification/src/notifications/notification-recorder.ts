import { EventTypes, type AppealRegisteredData, type CloudEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppealContact } from './appeal-contact.entity';
import { planNotifications, type CitizenContact } from './notification-plan';
import { Notification } from './notification.entity';

interface LifecycleData {
  appealId: string;
  organizationId?: string;
  fromOrganizationId?: string;
  toOrganizationId?: string;
}

/** Records who must be told about each lifecycle event, once per (event, recipient, channel). */
@Injectable()
export class NotificationRecorder {
  async record(manager: EntityManager, event: CloudEvent<LifecycleData>): Promise<number> {
    const contact =
      event.type === EventTypes.registered
        ? await this.rememberContact(manager, event.data as AppealRegisteredData)
        : await manager.findOneBy(AppealContact, { appealId: event.data.appealId });
    const planned = planNotifications(
      { type: event.type, ...event.data },
      contact ? toCitizenContact(contact) : null,
    );
    if (planned.length === 0) return 0;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        planned.map((notification) => ({
          ...notification,
          eventId: event.id,
          eventType: event.type,
          appealId: event.data.appealId,
          status: 'pending',
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length;
  }

  /** Keeps the citizen's contact for later steps; a replayed `registered` keeps the first one. */
  private async rememberContact(
    manager: EntityManager,
    registered: AppealRegisteredData,
  ): Promise<AppealContact> {
    const contact = Object.assign(new AppealContact(), {
      appealId: registered.appealId,
      trackingNumber: registered.trackingNumber,
      fullName: registered.citizen.fullName,
      email: registered.citizen.email ?? null,
      phone: registered.citizen.phone ?? null,
      preferredChannel: registered.citizen.preferredChannel,
      language: registered.language,
    });
    await manager
      .createQueryBuilder()
      .insert()
      .into(AppealContact)
      .values(contact)
      .orIgnore()
      .updateEntity(false)
      .execute();
    return contact;
  }
}

function toCitizenContact(contact: AppealContact): CitizenContact {
  return {
    fullName: contact.fullName,
    email: contact.email ?? undefined,
    phone: contact.phone ?? undefined,
    preferredChannel: contact.preferredChannel,
    language: contact.language,
  };
}
