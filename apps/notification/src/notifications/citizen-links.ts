import { citizenDecisionSecret, MIN_CITIZEN_LINK_KEY_LENGTH } from '@app/contracts';
import type { CitizenLinks } from './notification-plan';

export interface CitizenLinkSettings {
  /** The public site citizens open (the console's host): `NOTIFICATION_CITIZEN_PORTAL_URL`. */
  portalUrl?: URL;
  /** The key the console checks answer links with: `CONSOLE_CITIZEN_LINK_KEY`, held by both services. */
  linkKey?: string;
}

/** Read once at start-up; a bad value stops the service, a missing one leaves the links out of the messages. */
export function citizenLinkSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CitizenLinkSettings {
  const rawUrl = env.NOTIFICATION_CITIZEN_PORTAL_URL?.trim();
  let portalUrl: URL | undefined;
  if (rawUrl) {
    try {
      portalUrl = new URL(rawUrl.endsWith('/') ? rawUrl : `${rawUrl}/`);
    } catch {
      throw new Error(`NOTIFICATION_CITIZEN_PORTAL_URL must be an http(s) URL, got "${rawUrl}"`);
    }
    if (portalUrl.protocol !== 'https:' && portalUrl.protocol !== 'http:')
      throw new Error(`NOTIFICATION_CITIZEN_PORTAL_URL must be an http(s) URL, got "${rawUrl}"`);
  }
  const linkKey = env.CONSOLE_CITIZEN_LINK_KEY?.trim() || undefined;
  if (linkKey !== undefined && linkKey.length < MIN_CITIZEN_LINK_KEY_LENGTH)
    throw new Error(`CONSOLE_CITIZEN_LINK_KEY must be at least ${MIN_CITIZEN_LINK_KEY_LENGTH} characters`);
  return { portalUrl, linkKey };
}

/**
 * The citizen's links: the public status page of the tracking number, and the answer page whose secret lets
 * the citizen accept or reject that one answer without an account (the console checks it).
 */
export class PortalLinks implements CitizenLinks {
  constructor(private readonly settings: CitizenLinkSettings) {}

  trackUrl(trackingNumber: string): string | undefined {
    return this.page(`track/${encodeURIComponent(trackingNumber)}`)?.href;
  }

  decisionUrl(appealId: string, trackingNumber: string, responseId: string): string | undefined {
    const { linkKey } = this.settings;
    const page = this.page(`track/${encodeURIComponent(trackingNumber)}/answer`);
    if (!page || !linkKey) return undefined;
    page.searchParams.set('response', responseId);
    page.searchParams.set('secret', citizenDecisionSecret(linkKey, appealId, responseId));
    return page.href;
  }

  private page(relative: string): URL | undefined {
    return this.settings.portalUrl ? new URL(relative, this.settings.portalUrl) : undefined;
  }
}
