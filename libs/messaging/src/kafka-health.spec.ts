import type { Kafka } from 'kafkajs';
import { probeKafka } from './kafka-health';

interface FakeAdmin {
  connect: jest.Mock;
  describeCluster: jest.Mock;
  disconnect: jest.Mock;
}

/** A Kafka client whose admin does what the test says; only admin() is used by the probe. */
function kafkaWith(admin: Partial<FakeAdmin>): { kafka: Kafka; admin: FakeAdmin } {
  const full: FakeAdmin = {
    connect: jest.fn().mockResolvedValue(undefined),
    describeCluster: jest.fn().mockResolvedValue({ brokers: [{}, {}, {}], controller: 1, clusterId: 'c' }),
    disconnect: jest.fn().mockResolvedValue(undefined),
    ...admin,
  };
  return { kafka: { admin: () => full } as unknown as Kafka, admin: full };
}

describe('probeKafka', () => {
  it('is up with the number of brokers when the cluster answers, and disconnects', async () => {
    const { kafka, admin } = kafkaWith({});
    await expect(probeKafka(kafka)).resolves.toEqual({ up: true, brokers: 3 });
    expect(admin.connect).toHaveBeenCalledTimes(1);
    expect(admin.disconnect).toHaveBeenCalledTimes(1);
  });

  it('is down with the reason when the admin cannot connect, and still disconnects', async () => {
    const { kafka, admin } = kafkaWith({
      connect: jest.fn().mockRejectedValue(new Error('Connection error: connect ECONNREFUSED')),
    });
    await expect(probeKafka(kafka)).resolves.toEqual({
      up: false,
      reason: 'Connection error: connect ECONNREFUSED',
    });
    expect(admin.disconnect).toHaveBeenCalledTimes(1);
  });

  it('is down when describeCluster fails', async () => {
    const { kafka } = kafkaWith({ describeCluster: jest.fn().mockRejectedValue(new Error('not ready')) });
    await expect(probeKafka(kafka)).resolves.toEqual({ up: false, reason: 'not ready' });
  });

  it('gives up after the timeout when Kafka does not answer, and disconnects', async () => {
    const { kafka, admin } = kafkaWith({ connect: jest.fn(() => new Promise(() => undefined)) });
    const started = Date.now();
    await expect(probeKafka(kafka, 50)).resolves.toEqual({
      up: false,
      reason: 'Kafka did not answer within 50 ms',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(admin.disconnect).toHaveBeenCalledTimes(1);
  });

  it('does not fail when disconnecting fails', async () => {
    const { kafka } = kafkaWith({ disconnect: jest.fn().mockRejectedValue(new Error('already closed')) });
    await expect(probeKafka(kafka)).resolves.toEqual({ up: true, brokers: 3 });
  });
});
