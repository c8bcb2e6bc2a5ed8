import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's deliveries are its webhook rows (recipient = subscription id): the delivery log pages
 * through them newest first, a disabled subscription holds its pending ones, redelivery requeues them.
 */
export class WebhookDeliveries1764000000910 implements MigrationInterface {
  readonly name = 'WebhookDeliveries1764000000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX notification_webhook_recipient_idx ON notification.notification (recipient, id)
        WHERE channel = 'webhook'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification.notification_webhook_recipient_idx`);
  }
}
