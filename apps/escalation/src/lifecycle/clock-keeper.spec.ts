import { WorkingCalendar } from '@app/calendar';
import { EventTypes, type AppealRoutedData, type CloudEvent } from '@app/contracts';
import { InvalidMessageError } from '@app/messaging';
import type { EntityManager } from 'typeorm';
import { EscalationChain } from '../chain/escalation-chain';
import type { ClockRepository } from '../clock/clock-repository';
import { ClockRules } from '../clock/clock-rules';
import type { ClockWriter } from '../clock/clock-writer';
import { DeadlineCalculator } from '../deadlines/deadline-calculator';
import {
  LEGAL_DEFAULT_POLICY,
  LEGAL_DEFAULT_RULES,
  parsePolicy,
  parseRules,
} from '../policies/deadline-policy';
import type { PolicyBook } from '../policies/policy-book';
import { ClockKeeper } from './clock-keeper';

const rules = new ClockRules(
  new EscalationChain([
    { code: 'regional-akimat', rank: 10, holder: 'routed', enabled: true },
    { code: 'central-reception', rank: 30, holder: 'central-reception', enabled: true },
  ]),
  { policyFor: () => parsePolicy(LEGAL_DEFAULT_POLICY), legal: parseRules(LEGAL_DEFAULT_RULES) },
  new DeadlineCalculator(WorkingCalendar.load({ warn: () => undefined })),
);
const inserted: unknown[] = [];
const keeper = new ClockKeeper(
  {
    watchedAmong: async () => new Set<string>(),
    insertAll: async (_manager: EntityManager, clocks: unknown[]) => {
      inserted.push(...clocks);
      return clocks.length;
    },
  } as unknown as ClockRepository,
  { announce: async () => 0 } as unknown as ClockWriter,
  { rules: async () => rules } as unknown as PolicyBook,
);
/** A routed event of the appeal, received at `receivedAt`. */
const routedAt = (receivedAt: string): CloudEvent<AppealRoutedData> => ({
  specversion: '1.0',
  id: 'routed-1',
  source: 'urn:appeal-routing:routing',
  type: EventTypes.routed,
  data: { ...routed, receivedAt },
});

const routed = {
  appealId: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
  trackingNumber: 'KZ-1990-000001',
  organizationId: 'akimat-almaty',
  organizationName: 'Алматы қаласы әкімдігі',
  routedAt: '2026-03-20T10:00:00+05:00',
  isFallback: false,
  kind: 'complaint' as const,
  language: 'kk' as const,
};

describe('ClockKeeper', () => {
  it('dead-letters a routed event whose receipt no calendar year covers, instead of retrying it', async () => {
    await expect(keeper.routed({} as EntityManager, routedAt('1990-01-01T00:00:00Z'))).rejects.toBeInstanceOf(
      InvalidMessageError,
    );
    expect(inserted).toHaveLength(0);
  });

  it('starts the clock of a routed event from its receipt', async () => {
    await expect(keeper.routed({} as EntityManager, routedAt('2026-03-19T10:00:00+05:00'))).resolves.toBe(
      'applied',
    );
    expect(inserted).toEqual([
      expect.objectContaining({ registeredOn: '2026-03-19', level: 'regional-akimat' }),
    ]);
  });
});
