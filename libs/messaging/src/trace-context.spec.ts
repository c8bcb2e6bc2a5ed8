import { childTraceparent, currentTraceparent, newTraceparent, runInTrace } from './trace-context';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const PARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function parts(traceparent: string | undefined): { traceId: string; spanId: string; flags: string } {
  const match = TRACEPARENT.exec(traceparent ?? '');
  if (!match) throw new Error(`not a W3C traceparent: ${traceparent}`);
  return { traceId: match[1], spanId: match[2], flags: match[3] };
}

describe('newTraceparent', () => {
  it('starts a new sampled W3C trace each time', () => {
    const first = parts(newTraceparent());
    const second = parts(newTraceparent());
    expect(first.flags).toBe('01');
    expect(first.traceId).not.toBe(second.traceId);
  });
});

describe('childTraceparent', () => {
  it('keeps the trace id and flags and gives a new span id', () => {
    const child = parts(childTraceparent(PARENT));
    expect(child.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.flags).toBe('01');
    expect(child.spanId).not.toBe('00f067aa0ba902b7');
  });

  it('keeps the sampling flags of the parent', () => {
    expect(parts(childTraceparent(PARENT.replace(/-01$/, '-00'))).flags).toBe('00');
  });

  it.each([
    undefined,
    '',
    'garbage',
    '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    PARENT.toUpperCase(),
  ])('starts a new trace for the invalid parent %p', (parent) => {
    const child = parts(childTraceparent(parent));
    expect(child.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('starts a new trace for an all-zero trace id', () => {
    const child = parts(childTraceparent(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`));
    expect(child.traceId).not.toBe('0'.repeat(32));
  });

  it('starts a new trace for an all-zero parent span id', () => {
    const child = parts(childTraceparent(`00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`));
    expect(child.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});

describe('runInTrace', () => {
  it('exposes a child of the given parent while the work runs', () => {
    const seen = runInTrace(PARENT, () => currentTraceparent());
    expect(parts(seen).traceId).toBe(parts(PARENT).traceId);
    expect(parts(seen).spanId).not.toBe(parts(PARENT).spanId);
  });

  it('keeps the trace across awaits and returns what the work returns', async () => {
    const seen = await runInTrace(PARENT, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentTraceparent();
    });
    expect(parts(seen).traceId).toBe(parts(PARENT).traceId);
  });

  it('starts a new trace when there is no parent', () => {
    const seen = runInTrace(undefined, () => currentTraceparent());
    expect(seen).toMatch(TRACEPARENT);
  });

  it('has no trace outside, and restores the outer trace after a nested one', () => {
    expect(currentTraceparent()).toBeUndefined();
    runInTrace(PARENT, () => {
      const outer = currentTraceparent();
      const other = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      expect(parts(runInTrace(other, () => currentTraceparent())).traceId).toBe(parts(other).traceId);
      expect(currentTraceparent()).toBe(outer);
    });
    expect(currentTraceparent()).toBeUndefined();
  });
});
