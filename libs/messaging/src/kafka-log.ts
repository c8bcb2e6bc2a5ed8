import { redactValues } from '@app/persistence';
import { logLevel, type logCreator } from 'kafkajs';

type WriteLine = (line: string) => void;

// kafkajs attaches the stack and message of whatever failed (a handler's database error included) to its
// log entries; only these fields, which name Kafka's own things, are copied as they are.
const KAFKA_FIELDS = [
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'generationId',
  'topic',
  'partition',
  'offset',
  'retryCount',
  'retryTime',
  'eventName',
  'correlationId',
] as const;

const MAX_TEXT_LENGTH = 500;

/** A string, or an Error's name and message (kafkajs passes either), redacted; never a stack. */
function redacted(text: unknown): string | undefined {
  const line = text instanceof Error ? `${text.name}: ${text.message}` : text;
  return typeof line === 'string' ? redactValues(line.split('\n')[0]).slice(0, MAX_TEXT_LENGTH) : undefined;
}

/**
 * kafkajs logs as JSON lines, warnings and errors only (its info level is chatty), with known Kafka fields
 * and the message and error text redacted, never a stack: a crashed consumer's entry quotes the error that
 * crashed it, and that error may quote a citizen's data.
 */
export function redactingKafkaLogCreator(
  write: WriteLine = (line) => process.stderr.write(line),
): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      if (level > logLevel.WARN) return;
      const fields: Record<string, unknown> = {};
      for (const field of KAFKA_FIELDS) {
        const value: unknown = log[field];
        if (['string', 'number', 'boolean'].includes(typeof value)) fields[field] = value;
      }
      write(
        `${JSON.stringify({
          level: level === logLevel.ERROR ? 'error' : 'warn',
          time: Date.now(),
          component: `kafkajs.${namespace}`,
          msg: redacted(log.message),
          error: redacted(log.error),
          ...fields,
        })}\n`,
      );
    };
}
