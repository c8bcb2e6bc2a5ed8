import { logLevel, type LogEntry } from 'kafkajs';
import { redactingKafkaLogCreator } from './kafka-log';

const CITIZEN = ['Әсел Нұрланқызы', '900101400017', 'asel@example.kz', '+77011234567', 'жолды жөндеу қажет'];

/** What the log creator writes for one kafkajs entry, parsed (undefined when it writes nothing). */
function logged(level: logLevel, log: Record<string, unknown>): Record<string, unknown> | undefined {
  const written: string[] = [];
  const entry = { namespace: 'Consumer', level, label: 'ERROR', log: { timestamp: 'now', ...log } };
  redactingKafkaLogCreator((line) => written.push(line))(logLevel.WARN)(entry as LogEntry);
  return written.length ? (JSON.parse(written.join('')) as Record<string, unknown>) : undefined;
}

describe('redactingKafkaLogCreator', () => {
  it("prints no stack and none of the data a crashed handler's error quotes", () => {
    const failure = `invalid input syntax for type bigint: "${CITIZEN[1]}"`;
    const entry = logged(logLevel.ERROR, {
      message: `Crash: QueryFailedError: ${failure}`,
      error: failure,
      stack: `QueryFailedError: ${failure}\n    at ${CITIZEN.join(' ')}`,
      groupId: 'intake',
      retryCount: 3,
      cause: { parameters: CITIZEN },
    });
    for (const value of CITIZEN) expect(JSON.stringify(entry)).not.toContain(value);
    expect(entry).toEqual({
      level: 'error',
      time: expect.any(Number),
      component: 'kafkajs.Consumer',
      msg: 'Crash: QueryFailedError: invalid input syntax for type bigint: "…"',
      error: 'invalid input syntax for type bigint: "…"',
      groupId: 'intake',
      retryCount: 3,
    });
  });

  it('keeps the fields that say which broker, topic and partition', () => {
    const entry = logged(logLevel.WARN, {
      message: 'Response Metadata failed',
      broker: '127.0.0.1:9092',
      clientId: 'intake',
      topic: 'appeals.intake.v1',
      partition: 2,
      retryTime: 400,
    });
    expect(entry).toMatchObject({
      level: 'warn',
      msg: 'Response Metadata failed',
      broker: '127.0.0.1:9092',
      clientId: 'intake',
      topic: 'appeals.intake.v1',
      partition: 2,
      retryTime: 400,
    });
  });

  it('keeps only values, not objects hiding under a known field name', () => {
    expect(logged(logLevel.WARN, { message: 'x', topic: { name: CITIZEN[0] } })).not.toHaveProperty('topic');
  });

  it('writes nothing below warnings', () => {
    expect(logged(logLevel.INFO, { message: CITIZEN[0] })).toBeUndefined();
  });
});
