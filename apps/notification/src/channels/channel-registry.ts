import { NotificationChannel } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { optionalEnv } from './channel-env';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './delivery-channel';

/** `NOTIFICATION_EMAIL_PROVIDER`, `NOTIFICATION_IN_APP_PROVIDER`…: which adapter a channel uses. */
export function providerVariable(channel: NotificationChannel): string {
  return `NOTIFICATION_${channel.toUpperCase().replace(/-/g, '_')}_PROVIDER`;
}

export interface ChannelChoice {
  /** The adapter of each channel that can send here. */
  adapters: Map<NotificationChannel, DeliveryChannel>;
  /** One line per channel that cannot, naming what to set; its notifications wait until it can. */
  waiting: string[];
}

function chooseFor(channel: NotificationChannel, all: DeliveryChannel[], env: NodeJS.ProcessEnv) {
  const candidates = all.filter((adapter) => adapter.channel === channel);
  const known = candidates.map((adapter) => adapter.provider);
  if (new Set(known).size < known.length)
    throw new Error(`two ${channel} adapters are both named ${known.join(', ')}`);
  const variable = providerVariable(channel);
  const wanted = optionalEnv(env, variable);
  if (wanted === undefined && candidates.length > 1)
    throw new Error(`${variable} must choose the ${channel} provider: one of ${known.join(', ')}`);
  const adapter = wanted === undefined ? candidates[0] : candidates.find((one) => one.provider === wanted);
  if (wanted !== undefined && !adapter)
    throw new Error(`${variable} must name one of ${known.join(', ') || 'no providers'}, got "${wanted}"`);
  return adapter;
}

/**
 * Per channel: the adapter NOTIFICATION_<CHANNEL>_PROVIDER names, or the only one there is. An unknown name
 * stops the service; an adapter that is not configured leaves its channel waiting (an outage or a missing
 * setting must delay messages, not lose them).
 */
export function chooseAdapters(all: DeliveryChannel[], env: NodeJS.ProcessEnv): ChannelChoice {
  const choice: ChannelChoice = { adapters: new Map(), waiting: [] };
  for (const channel of Object.values(NotificationChannel)) {
    const adapter = chooseFor(channel, all, env);
    if (!adapter) choice.waiting.push(`${channel}: no adapter in this build; its notifications wait`);
    else if (adapter.missingConfiguration)
      choice.waiting.push(
        `${channel} (${adapter.provider}) is not configured: set ${adapter.missingConfiguration}; ` +
          'its notifications wait until it is',
      );
    else choice.adapters.set(channel, adapter);
  }
  return choice;
}

/** Which adapter delivers each channel here; chosen once at start-up. */
@Injectable()
export class ChannelRegistry {
  private readonly adapters: Map<NotificationChannel, DeliveryChannel>;

  constructor(@Inject(DELIVERY_CHANNELS) all: DeliveryChannel[]) {
    const { adapters, waiting } = chooseAdapters(all, process.env);
    this.adapters = adapters;
    const log = new Logger('Channels');
    const using = [...adapters].map(([channel, adapter]) => `${channel} via ${adapter.provider}`);
    log.log(`delivering ${using.join(', ') || 'nothing'}`);
    for (const line of waiting) log.warn(line);
  }

  /** Undefined: the channel is not configured here, and its notifications stay pending. */
  adapterFor(channel: NotificationChannel): DeliveryChannel | undefined {
    return this.adapters.get(channel);
  }
}
