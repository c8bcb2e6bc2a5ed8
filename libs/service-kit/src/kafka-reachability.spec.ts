import type { KafkaProbeResult } from '@app/messaging';
import { register } from 'prom-client';
import { KafkaReachability } from './kafka-reachability';

async function reachableGauge(): Promise<number | undefined> {
  const metric = await register.getSingleMetric('appeals_kafka_reachable')?.get();
  return metric?.values[0]?.value;
}

describe('KafkaReachability', () => {
  it('reports whether the last probe reached Kafka', async () => {
    const results: KafkaProbeResult[] = [
      { up: true, brokers: 1 },
      { up: false, reason: 'ECONNREFUSED' },
    ];
    const reachability = new KafkaReachability(() => Promise.resolve(results.shift() as KafkaProbeResult));
    await reachability.probeOnce();
    expect(await reachableGauge()).toBe(1);
    await reachability.probeOnce();
    expect(await reachableGauge()).toBe(0);
  });

  it('counts a probe that throws as unreachable', async () => {
    const reachability = new KafkaReachability(() => Promise.reject(new Error('admin client gone')));
    await reachability.probeOnce();
    expect(await reachableGauge()).toBe(0);
  });

  it('never probes Kafka on the scrape path', async () => {
    const probe = jest.fn(() => Promise.resolve<KafkaProbeResult>({ up: true, brokers: 1 }));
    const reachability = new KafkaReachability(probe);
    await reachability.probeOnce();
    await register.metrics();
    await register.metrics();
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('probes again and again in the background once started', async () => {
    let probes = 0;
    let third!: () => void;
    const thirdProbe = new Promise<void>((resolve) => (third = resolve));
    const reachability = new KafkaReachability(() => {
      probes += 1;
      if (probes === 3) third();
      return Promise.resolve({ up: true, brokers: 1 });
    }, 1);
    reachability.onApplicationBootstrap();
    await thirdProbe;
    reachability.onApplicationShutdown();
  });
});
