import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { EventPayloads } from './payloads/event-payloads';
import { Topics } from './topics';
import { validatePayload } from './validation';

/** The AsyncAPI document external systems read must say what the contract classes enforce. */
type Node = Record<string, unknown>;

const document = parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml'), 'utf8'),
) as Node;

/** Follows a local `$ref` (`#/components/schemas/X`, also into properties) to the node it names. */
function resolve(node: unknown): Node {
  const reference = (node as Node | undefined)?.$ref;
  if (typeof reference !== 'string') return node as Node;
  const target = reference
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((current, key) => (current as Node)[key], document);
  return resolve(target);
}

const messages = Object.values(resolve((document.components as Node).messages)) as Node[];

/** The schema of a message's `data`: inside the CloudEvent in structured mode, the whole value in binary. */
function dataSchemaOf(message: Node): Node {
  const payload = resolve(message.payload);
  const parts = (payload.allOf as Node[] | undefined)?.map(resolve) ?? [payload];
  // The envelope declares `data` too, loosely; the part after it narrows it to the type's schema.
  const withData = parts.findLast((part) => (part.properties as Node | undefined)?.data !== undefined);
  return withData ? resolve((withData.properties as Node).data) : payload;
}

function propertiesOf(payloadClass: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(payloadClass, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

const eventMessages = messages.filter((message) => message.name !== 'dead-letter');

describe('docs/asyncapi.yaml agrees with libs/contracts', () => {
  it('describes every topic as a channel, and no other', () => {
    const addresses = Object.values(document.channels as Node).map((channel) => (channel as Node).address);
    expect(addresses.sort()).toEqual(Object.values(Topics).sort());
  });

  it('has a message for every event type with a payload class, and names no other type', () => {
    const names = new Set(eventMessages.map((message) => message.name));
    expect([...names].sort()).toEqual(Object.keys(EventPayloads).sort());
  });

  it.each(eventMessages.map((message) => [String(message.title), message] as const))(
    "describes exactly the properties of the payload class in the data of '%s'",
    (_title, message) => {
      const schema = dataSchemaOf(message);
      const properties = Object.keys(schema.properties as Node).sort();
      expect(properties).toEqual(propertiesOf(EventPayloads[String(message.name)]));
      for (const required of (schema.required as string[] | undefined) ?? [])
        expect(properties).toContain(required);
    },
  );

  it('gives examples that the contract accepts', () => {
    const examples = eventMessages.flatMap((message) =>
      ((message.examples as Node[] | undefined) ?? []).map((example) => ({ message, example })),
    );
    expect(examples.length).toBeGreaterThan(0);
    for (const { message, example } of examples) {
      const payload = example.payload as Node;
      const data = 'specversion' in payload ? payload.data : payload;
      expect(validatePayload(EventPayloads[String(message.name)], data)).toMatchObject({ ok: true });
    }
  });
});
