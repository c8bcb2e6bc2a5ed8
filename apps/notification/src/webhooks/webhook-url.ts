import type { FieldError } from '@app/contracts';
import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Why `raw` cannot be a webhook's URL, as the 400 names it (field `url`), or [] when it can: https (http only
 * where `allowInsecure`), no user name or password in it (they would be kept and shown), at most 2048 characters.
 */
export function webhookUrlErrors(raw: string, allowInsecure: boolean): FieldError[] {
  const refused = (reason: string, code: string, params?: FieldError['params']): FieldError[] => [
    { field: 'url', reason, code, ...(params ? { params } : {}) },
  ];
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return refused(`url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`, 'maxLength', {
      max: MAX_WEBHOOK_URL_LENGTH,
      count: MAX_WEBHOOK_URL_LENGTH,
    });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused('url must be an https URL', 'httpsUrl');
  }
  const schemes = allowInsecure ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol) || url.hostname === '')
    return refused('url must be an https URL', 'httpsUrl');
  if (url.username !== '' || url.password !== '')
    return refused('url must not contain a user name or password', 'urlUserinfo');
  return [];
}

/** An address of the public internet: not loopback, private, link-local, unique-local, CGNAT, multicast… */
export function isPublicAddress(address: string): boolean {
  // process() reads an IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it is.
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';
}

/**
 * Refuses, as a field error on `url`, a host that does not resolve or resolves to any address that is not
 * public (so a system cannot make notification call into the cluster: SSRF). Checked when subscribing; the
 * webhook's HTTP agent checks every connection again, since DNS may change after this.
 */
export async function webhookHostErrors(
  url: string,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<FieldError[]> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = await resolve(host).catch(() => []);
  if (addresses.length === 0)
    return [{ field: 'url', reason: "url's host does not resolve", code: 'unresolvableHost' }];
  if (!addresses.every(isPublicAddress))
    return [{ field: 'url', reason: "url's host must be on the public internet", code: 'nonPublicHost' }];
  return [];
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map(({ address }) => address);
}
