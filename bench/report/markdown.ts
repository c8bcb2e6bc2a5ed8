import type { MachineInfo } from './machine';
import type { MemoryPeak } from './results';
import { TABLE_COLUMNS, type TableRow } from './table';

export interface ReportContext {
  machine: MachineInfo;
  date: string;
  command: string;
  /** The sizes of the run, e.g. { N: 100000, 'latency rate/s': 200 }. */
  parameters: Record<string, string | number>;
}

/** A pipe inside a cell would start a new column. */
const cell = (value: string | number): string => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(header: string[], lines: Array<Array<string | number>>): string {
  const render = (values: Array<string | number>): string => `| ${values.map(cell).join(' | ')} |`;
  return [render(header), render(header.map(() => '---')), ...lines.map(render)].join('\n');
}

export function resultsTable(rows: TableRow[]): string {
  return markdownTable(
    TABLE_COLUMNS.map(([, title]) => title),
    rows.map((row) => TABLE_COLUMNS.map(([key]) => row[key])),
  );
}

/** Processes down, scenarios across: where each one's memory went, not only its highest peak. */
export function memoryTable(memory: MemoryPeak[]): string {
  const scenarios = [...new Set(memory.map((peak) => peak.scenario))];
  const processes = [...new Set(memory.map((peak) => peak.process))];
  const peakOf = (process: string, scenario: string): string => {
    const peak = memory.find((entry) => entry.process === process && entry.scenario === scenario);
    return peak ? String(Math.round(peak.peakMb)) : '—';
  };
  const methodOf = (process: string): string =>
    memory.find((entry) => entry.process === process)?.method ?? '';
  return markdownTable(
    ['process', ...scenarios.map((scenario) => `${scenario} (MB)`), 'read as'],
    processes.map((process) => [
      process,
      ...scenarios.map((scenario) => peakOf(process, scenario)),
      methodOf(process),
    ]),
  );
}

export function renderReport(rows: TableRow[], memory: MemoryPeak[], context: ReportContext): string {
  const { machine } = context;
  const parameters = Object.entries(context.parameters)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  return [
    '# appeal-routing benchmark: latest run',
    '',
    `${context.date}, \`${context.command}\` (${parameters}).`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB memory, ${machine.os}; ` +
      `Node ${machine.node}, Kafka ${machine.kafka}, PostgreSQL ${machine.postgres}.`,
    '',
    resultsTable(rows),
    '',
    '![throughput chart](latest.svg)',
    '',
    '## Peak memory per scenario',
    '',
    memory.length > 0 ? memoryTable(memory) : 'Not sampled in this run.',
    '',
  ].join('\n');
}
