import { markdownTable, memoryTable, renderReport } from './markdown';
import type { TableRow } from './table';

const row: TableRow = {
  scenario: 'a | b',
  measured: '1 msg/s',
  comparedTo: '—',
  ratio: '—',
  target: '—',
  verdict: 'info',
};

describe('markdownTable', () => {
  it('writes a header, a rule and the lines, a pipe in a cell escaped', () => {
    expect(markdownTable(['x', 'y'], [['a|b', 1]])).toBe('| x | y |\n| --- | --- |\n| a\\|b | 1 |');
  });
});

describe('memoryTable', () => {
  it('puts processes down and scenarios across, with a dash where a process did not run', () => {
    const table = memoryTable([
      { scenario: 'throughput', process: 'intake', peakMb: 180.4, method: 'VmRSS', isService: true },
      { scenario: 'hops', process: 'raw-hop', peakMb: 90, method: 'VmRSS', isService: false },
    ]);
    expect(table.split('\n')).toEqual([
      '| process | throughput (MB) | hops (MB) | read as |',
      '| --- | --- | --- | --- |',
      '| intake | 180 | — | VmRSS |',
      '| raw-hop | — | 90 | VmRSS |',
    ]);
  });
});

describe('renderReport', () => {
  it('names the machine, the command and the sizes above the table and links the chart', () => {
    const report = renderReport([row], [], {
      machine: {
        cpus: 2,
        cpuModel: 'Xeon',
        memoryGb: 24,
        os: 'Debian 12',
        node: 'v20.19.0',
        kafka: '4.4.0',
        postgres: '15.20',
      },
      date: '2026-12-01T00:00:00.000Z',
      command: 'npm run bench -- 5000',
      parameters: { N: 5000 },
    });
    expect(report).toContain('`npm run bench -- 5000` (N 5000)');
    expect(report).toContain(
      '2 × Xeon, 24 GB memory, Debian 12; Node v20.19.0, Kafka 4.4.0, PostgreSQL 15.20.',
    );
    expect(report).toContain('| a \\| b | 1 msg/s | — | — | — | info |');
    expect(report).toContain('![throughput chart](latest.svg)');
  });
});
