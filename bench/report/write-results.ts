import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderThroughputChart } from './chart';
import { renderReport, type ReportContext } from './markdown';
import type { BenchResults } from './results';
import type { TableRow } from './table';

/** bench/results/latest.{md,svg,json}: the table with its machine, the chart, and every figure. */
export function writeResults(
  directory: string,
  results: BenchResults,
  rows: TableRow[],
  context: ReportContext,
): string[] {
  mkdirSync(directory, { recursive: true });
  const files: Array<[string, string]> = [
    ['latest.md', renderReport(rows, results.memory, context)],
    ['latest.svg', renderThroughputChart(results, `${context.machine.cpus} cores, ${context.date}`)],
    ['latest.json', `${JSON.stringify({ ...context, results, table: rows }, null, 2)}\n`],
  ];
  return files.map(([name, content]) => {
    const file = path.join(directory, name);
    writeFileSync(file, content);
    return file;
  });
}
