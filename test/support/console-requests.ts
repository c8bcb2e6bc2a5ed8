import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface ConsoleCall {
  /** A test token (see {@link TestTokens}); none for the public routes. */
  token?: string;
  /** A fresh key unless given; null sends none. */
  key?: string | null;
  ifMatch?: string;
  body?: unknown;
}

export interface ConsoleAnswer {
  status: number;
  etag: string | null;
  replayed: boolean;
  body: Record<string, unknown>;
}

/** A POST to the console as a client sends it: token, Idempotency-Key, If-Match, JSON body. */
export async function postToConsole(
  baseUrl: string,
  path: string,
  { token, key = randomUUID(), ifMatch, body }: ConsoleCall,
): Promise<ConsoleAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (key !== null) headers['idempotency-key'] = key;
  if (ifMatch) headers['if-match'] = ifMatch;
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    replayed: response.headers.get('idempotent-replayed') === 'true',
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

export interface SeededCase {
  appealId: string;
  trackingNumber: string;
}

/**
 * A row of the console's read model as its projection would leave it after routing (version 3), written
 * directly: tests of actions start from a case, not from the events that made it.
 */
export async function seedCaseFile(
  db: DataSource,
  overrides: Record<string, unknown> = {},
): Promise<SeededCase> {
  const appealId = randomUUID();
  const code = () => randomUUID().slice(0, 4).toUpperCase();
  const row: Record<string, unknown> = {
    appeal_id: appealId,
    tracking_number: `KZ-2026-${code()}-${code()}`,
    source: 'urn:kz:egov:portal',
    source_event_id: randomUUID(),
    external_id: `ext-${appealId}`,
    kind: 'complaint',
    category: 'roads.repair',
    region_kato: '751110000',
    subject: 'Жолды жөндеу',
    text: 'Әкімдікке өтініш',
    language: 'kk',
    received_at: new Date('2026-03-02T04:00:00Z'),
    registered_at: new Date('2026-03-02T04:00:01Z'),
    status: 'new',
    responsible_organization_id: 'akimat-almaty',
    scope_region_kato: '750000000',
    organization_id: 'akimat-almaty',
    level: 'regional-akimat',
    due_at: new Date(Date.now() + 10 * 86_400_000),
    original_due_at: new Date(Date.now() + 10 * 86_400_000),
    version: 3,
    updated_at: new Date(),
    ...overrides,
  };
  const columns = Object.keys(row);
  await db.query(
    `INSERT INTO console.case_file (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
  return { appealId, trackingNumber: String(row.tracking_number) };
}
