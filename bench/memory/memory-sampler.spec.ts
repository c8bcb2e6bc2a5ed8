import { processName } from './memory-sampler';

describe('processName', () => {
  it('names services and peers by their built entry', () => {
    expect(processName('/usr/bin/node --enable-source-maps /repo/dist/apps/intake/src/main.js')).toBe(
      'intake',
    );
    expect(processName('node --cpu-prof /repo/dist/apps/notification/src/main.js')).toBe('notification');
    expect(processName('node /repo/dist/bench/peers/raw-hop.js')).toBe('raw-hop');
    expect(processName('node /repo/dist/bench/peers/stock-nestjs/main.js')).toBe('stock-nestjs');
  });

  it('leaves other children alone', () => {
    expect(processName('java -cp kafka.jar kafka.Kafka')).toBeUndefined();
  });
});
