import { EventTypes, NotificationEventTypes, type CloudEvent } from '@app/contracts';
import { ChunkParticipants, OutboxWriter } from '@app/messaging';
import { createServiceDataSource, migrateServiceSchema } from '@app/persistence';
import { AppealUnderTest, OwnTestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { deliverySettingsFromEnv } from '../../apps/notification/src/delivery/delivery-settings';
import { notificationDefinition } from '../../apps/notification/src/notification.definition';
import { PortalLinks } from '../../apps/notification/src/notifications/citizen-links';
import { NotificationPlanner } from '../../apps/notification/src/notifications/notification-plan';
import {
  NotificationRecorder,
  type LifecycleData,
} from '../../apps/notification/src/notifications/notification-recorder';
import { MessageRenderer } from '../../apps/notification/src/templates/message-renderer';
import { WebhookAudience } from '../../apps/notification/src/webhooks/webhook-audience';
import { WebhookSubscriptionRepository } from '../../apps/notification/src/webhooks/webhook-subscription.repository';

/** Says every citizen message but the one for `routed`, as a template missing a field would. */
class RendererWithoutRouted extends MessageRenderer {
  override citizen(...args: Parameters<MessageRenderer['citizen']>): ReturnType<MessageRenderer['citizen']> {
    if (args[0] === 'appeal-routed') throw new Error('the template needs a field the event lacks');
    return super.citizen(...args);
  }
}

const database = new OwnTestDatabase('notification_recorder');
let dataSource: DataSource;
let recorder: NotificationRecorder;
const participants = new ChunkParticipants();

beforeAll(async () => {
  const options = {
    url: await database.create(),
    schema: notificationDefinition.schema,
    entities: notificationDefinition.entities,
    migrations: notificationDefinition.migrations,
    applicationName: 'notification-recorder-test',
  };
  await migrateServiceSchema(options);
  dataSource = await createServiceDataSource(options).initialize();
  recorder = new NotificationRecorder(
    new NotificationPlanner(new PortalLinks({ portalUrl: undefined, linkKey: undefined })),
    new RendererWithoutRouted(),
    new WebhookAudience(new WebhookSubscriptionRepository(dataSource)),
    deliverySettingsFromEnv({}),
    new OutboxWriter(notificationDefinition.schema),
  );
  participants.join(recorder);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database.drop();
});

type Lifecycle = CloudEvent<LifecycleData>;

async function failuresAnnounced(appealId: string): Promise<Array<Record<string, unknown>>> {
  const rows = await dataSource.query<Array<{ payload: string }>>(
    `SELECT payload FROM notification.outbox_message ORDER BY id`,
  );
  return rows
    .map((row) => JSON.parse(row.payload) as CloudEvent<Record<string, unknown>>)
    .filter((event) => event.type === NotificationEventTypes.failed && event.data.appealId === appealId)
    .map((event) => event.data);
}

describe('NotificationRecorder', () => {
  it.each([
    ['alone, each event in its own transaction', false],
    ['in one chunk, registered and routed together', true],
  ])(
    'closes a message its template cannot say as failed and announces it for its appeal (%s)',
    async (_, chunked) => {
      const appeal = new AppealUnderTest();
      const events = [appeal.registered(), appeal.routed()] as unknown as Lifecycle[];
      if (chunked)
        await dataSource.transaction((manager) =>
          participants.around(manager, events, async () => {
            for (const event of events) await recorder.record(manager, event);
          }),
        );
      else
        for (const event of events)
          await dataSource.transaction((manager) => recorder.record(manager, event));

      const rows = await dataSource.query<Array<{ event_type: string; channel: string; status: string }>>(
        `SELECT event_type, channel, status FROM notification.notification
         WHERE appeal_id = $1 AND recipient_kind = 'citizen' ORDER BY id`,
        [appeal.appealId],
      );
      expect(rows).toEqual([
        { event_type: EventTypes.registered, channel: 'sms', status: 'pending' },
        { event_type: EventTypes.routed, channel: 'sms', status: 'failed' },
      ]);
      expect(await failuresAnnounced(appeal.appealId)).toEqual([
        expect.objectContaining({
          appealId: appeal.appealId,
          eventId: events[1].id,
          eventType: EventTypes.routed,
          channel: 'sms',
          recipientKind: 'citizen',
          template: 'appeal-routed',
        }),
      ]);
      // The holder from `routed` is kept for later events, whether the contact came in the same chunk or not.
      const [contact] = await dataSource.query<Array<{ holder_organization_id: string }>>(
        `SELECT holder_organization_id FROM notification.appeal_contact WHERE appeal_id = $1`,
        [appeal.appealId],
      );
      expect(contact.holder_organization_id).toBe(appeal.organizationId);
    },
  );
});
