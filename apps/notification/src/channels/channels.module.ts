import { Module } from '@nestjs/common';
import { HttpSmsGatewayChannel } from './http-sms-gateway-channel';
import { InAppChannel } from './in-app-channel';
import { smsGatewayConfigFromEnv } from './sms-gateway-config';
import { SmtpEmailChannel } from './smtp-email-channel';
import { smtpConfigFromEnv } from './smtp-config';

/**
 * The e-mail, SMS and in-app adapters, each configured from the environment at start-up (a bad value stops
 * the service; a missing one leaves the adapter unconfigured). The module that provides DELIVERY_CHANNELS
 * (every adapter, webhooks' too) provides the ChannelRegistry next to it.
 */
@Module({
  providers: [
    { provide: SmtpEmailChannel, useFactory: () => new SmtpEmailChannel(smtpConfigFromEnv()) },
    {
      provide: HttpSmsGatewayChannel,
      useFactory: () => new HttpSmsGatewayChannel(smsGatewayConfigFromEnv()),
    },
    InAppChannel,
  ],
  exports: [SmtpEmailChannel, HttpSmsGatewayChannel, InAppChannel],
})
export class ChannelsModule {}
