import { Topics } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { createServiceDataSource } from '@app/persistence';
import { LifecyclePublisher, OwnTestDatabase, TEST_CITIZEN_KEY_SECRET, testKafka } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CaseFiles } from '../../apps/console/src/cases/read-model/case-files';
import { CaseProjector } from '../../apps/console/src/cases/read-model/case-projector';
import { CitizenKey } from '../../apps/console/src/cases/read-model/citizen-key';
import { ReadModelRebuild } from '../../apps/console/src/cases/read-model/read-model-rebuild';
import { consoleDefinition } from '../../apps/console/src/console.definition';
import { CaseHistory } from '../support/case-history';
import { InProcessConsole } from '../support/console-in-process';

/**
 * The read model over the real topic: the console (in this process, a consumer group of its own reading the
 * events topic from its beginning) projects a varied history of several appeals; the rebuild empties the tables
 * and folds the topic again, and every table comes out the same, row for row.
 */
jest.setTimeout(180_000);

const database = new OwnTestDatabase('console_read_model');
const kafka = testKafka('console-read-model-int-spec');
const publisher = new LifecyclePublisher(kafka);
const groupId = `console-read-model-${randomUUID()}`;
let console_: InProcessConsole;
let db: Client;

const DUE = '2026-03-23T18:59:59.999Z';

/** Every row of every projection table, in a stable order. */
async function dump(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, string> = {
    case_file: 'appeal_id',
    case_contact: 'appeal_id',
    case_attachment: 'appeal_id, position',
    case_event: 'appeal_id, position',
  };
  const result: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables))
    result[table] = (await db.query(`SELECT * FROM console.${table} ORDER BY ${order}`)).rows;
  return result;
}

/** Until the group has committed everything on the topic: the console has seen the whole history. */
async function waitUntilCaughtUp(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitUntil(
      'the console to have consumed the whole events topic',
      async () => {
        const ends = await admin.fetchTopicOffsets(Topics.events);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [Topics.events] });
        return ends.every(({ partition, high }) => {
          const at = committed.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
          return high === '0' || at === high;
        });
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
}

function histories(): CaseHistory[] {
  const answered = new CaseHistory();
  const transferred = new CaseHistory({
    language: 'ru',
    subject: 'Ремонт дороги',
    text: 'Прошу отремонтировать дорогу во дворе.',
  });
  const escalated = new CaseHistory();
  const reopened = new CaseHistory({ category: 'housing.heating' });
  return [answered, transferred, escalated, reopened];
}

beforeAll(async () => {
  db = new Client({ connectionString: await database.create() });
  await db.connect();
  await publisher.connect();
  console_ = new InProcessConsole({
    databaseUrl: database.url,
    groupId,
    port: 3651,
    principals: {},
    wholeHistory: true,
  });
  await console_.start();
});

afterAll(async () => {
  await console_?.stop();
  await publisher.disconnect();
  await db?.end();
  await database.drop();
});

describe('console read model', () => {
  it('projects a varied history from the topic, and a rebuild from the topic comes out identical', async () => {
    const [answered, transferred, escalated, reopened] = histories();
    const extension = escalated.deadlineExtended(escalated.later(500_000));
    await publisher.publish(
      answered.registered(),
      transferred.registered(),
      escalated.registered(),
      reopened.registered(),
      answered.routed(),
      transferred.routed(),
      answered.deadlineAssigned(DUE),
      escalated.routed(),
      answered.accepted(),
      transferred.transferRequested(),
      escalated.deadlineAssigned(DUE),
      transferred.transferred('akimat-almaty-region', '190000000'),
      reopened.routed(),
      escalated.accepted(),
      extension,
      escalated.actionRefused(extension),
      answered.responded(),
      reopened.accepted(),
      escalated.deadlineWarning(DUE),
      reopened.responded(),
      escalated.escalated(),
      reopened.reopened(),
      escalated.takenUnderControl(),
      answered.resolved(),
      reopened.escalated('akimat-almaty', 'answer-rejected'),
    );
    // A redelivered event (same source and id) changes nothing.
    const routedAgain = answered.routed();
    await publisher.publish(routedAgain, routedAgain);

    await waitUntil(
      'the four cases to be projected',
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM console.case_file WHERE appeal_id = ANY($1) AND updated_at IS NOT NULL`,
          [[answered, transferred, escalated, reopened].map((history) => history.appealId)],
        );
        const { rows: last } = await db.query(`SELECT 1 FROM console.case_event WHERE event_id = $1`, [
          routedAgain.id,
        ]);
        return rows[0].n === 4 && last.length === 1;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    await waitUntilCaughtUp();

    const { rows } = await db.query<{
      appeal_id: string;
      status: string;
      organization_id: string;
      version: number;
    }>(
      `SELECT appeal_id, status, organization_id, version FROM console.case_file WHERE appeal_id = ANY($1)`,
      [[answered, transferred, escalated, reopened].map((history) => history.appealId)],
    );
    const byId = new Map(rows.map((row) => [row.appeal_id, row]));
    expect(byId.get(answered.appealId)).toMatchObject({
      status: 'new',
      organization_id: 'akimat-almaty',
      version: 7,
    });
    expect(byId.get(transferred.appealId)).toMatchObject({
      status: 'new',
      organization_id: 'akimat-almaty-region',
    });
    expect(byId.get(escalated.appealId)).toMatchObject({
      status: 'new',
      organization_id: 'central-reception',
    });
    expect(byId.get(reopened.appealId)).toMatchObject({
      status: 'new',
      organization_id: 'central-reception',
    });

    const before = await dump();
    expect(before.case_file.length).toBeGreaterThanOrEqual(4);
    await console_.stop();

    const dataSource = await createServiceDataSource({
      url: database.url,
      schema: 'console',
      entities: consoleDefinition.entities,
      migrations: consoleDefinition.migrations,
      applicationName: 'console-rebuild-test',
    }).initialize();
    try {
      const rebuild = new ReadModelRebuild(
        kafka,
        dataSource,
        new CaseProjector(new CaseFiles(), new CitizenKey(TEST_CITIZEN_KEY_SECRET)),
        groupId,
      );
      const report = await rebuild.run();
      expect(report.applied).toBe(before.case_event.length);
    } finally {
      await dataSource.destroy();
    }
    expect(await dump()).toEqual(before);
  });
});
