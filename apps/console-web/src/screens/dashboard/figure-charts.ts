import type { Figures, RegionFigures, WeekFigures } from '@app/contracts/console-api/figures';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { ChartOption } from '../../components/chart-option';

/** The chart texts, already in the UI language. */
export interface ChartTexts {
  received: string;
  answered: string;
  answeredOnTime: string;
  overdueNow: string;
  escalated: string;
  onTimePercent: string;
  cases: string;
  week: string;
  /** Shown for a region that answered nothing in the period. */
  noAnswers: string;
}

/** How numbers, regions and weeks are written in the UI language. */
export interface ChartFormat {
  region(kato: string): string;
  /** `YYYY-MM-DD` (a Monday) as a short axis label. */
  week(day: string): string;
  number(value: number): string;
  percent(value: number): string;
}

export interface Layout {
  /** A narrow screen: shorter region labels, less padding. */
  compact: boolean;
}

/** The series colours: the console's own, dark enough on white (WCAG 3:1 for graphics); patterns tell them apart too. */
export const SERIES_COLOURS = {
  received: '#00587a',
  answered: '#1e6b35',
  answeredOnTime: '#5a8f29',
  overdueNow: '#a4161a',
  escalated: '#6a3d9a',
} as const;

const AXIS_TEXT = '#1b2330';
const GRID_LINE = '#c9d1dc';

/** A region row of the dashboard: its figures under its name in the UI language. */
export interface RegionRow extends Omit<RegionFigures, 'weeks' | 'name'> {
  label: string;
}

/** The regions by name in the UI language (the API sends them by КАТО code). */
export function regionRows(
  figures: Figures,
  format: Pick<ChartFormat, 'region'>,
  locale: string,
): RegionRow[] {
  return figures.regions
    .map(({ weeks: _weeks, name: _name, ...region }) => ({
      ...region,
      label: format.region(region.regionKato),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export interface FigureTotals {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Over every region's answers; null when nothing was answered. */
  answeredOnTimePercent: number | null;
  overdueNow: number;
  escalated: number;
}

export function figureTotals(regions: readonly Omit<RegionFigures, 'weeks' | 'name'>[]): FigureTotals {
  const sum = (pick: (region: Omit<RegionFigures, 'weeks' | 'name'>) => number) =>
    regions.reduce((total, region) => total + pick(region), 0);
  const answered = sum((region) => region.answered);
  const answeredOnTime = sum((region) => region.answeredOnTime);
  return {
    received: sum((region) => region.received),
    answered,
    answeredOnTime,
    answeredOnTimePercent: percentOf(answeredOnTime, answered),
    overdueNow: sum((region) => region.overdueNow),
    escalated: sum((region) => region.escalated),
  };
}

/** Percent with one decimal, as the API rounds it; null of nothing. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** The weekly trend of one region, or of every region together (`regionKato` absent), oldest week first. */
export function weeklyTrend(figures: Figures, regionKato?: string): WeekFigures[] {
  const regions = regionKato
    ? figures.regions.filter((region) => region.regionKato === regionKato)
    : figures.regions;
  const byWeek = new Map<string, WeekFigures>();
  for (const region of regions)
    for (const week of region.weeks) {
      const sum = byWeek.get(week.week) ?? {
        week: week.week,
        received: 0,
        answered: 0,
        answeredOnTime: 0,
        escalated: 0,
      };
      sum.received += week.received;
      sum.answered += week.answered;
      sum.answeredOnTime += week.answeredOnTime;
      sum.escalated += week.escalated;
      byWeek.set(week.week, sum);
    }
  return [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/** The region with the most of something, for a chart's summary; undefined when every region has none. */
export function leader<T extends { label: string }>(
  rows: readonly T[],
  value: (row: T) => number | null,
): { label: string; value: number } | undefined {
  let best: { label: string; value: number } | undefined;
  for (const row of rows) {
    const current = value(row);
    if (current !== null && current > 0 && (!best || current > best.value))
      best = { label: row.label, value: current };
  }
  return best;
}

/** Height in pixels of a horizontal bar chart of `rows` regions with `series` bars each. */
export function barChartHeight(rows: number, series: number, layout: Layout): number {
  const perRegion = series * (layout.compact ? 12 : 14) + 16;
  return Math.max(200, 100 + rows * perRegion);
}

const textStyle = { color: AXIS_TEXT, fontSize: 13 };

function tooltip(): ChartOption['tooltip'] {
  return { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true };
}

function legend(): ChartOption['legend'] {
  return { top: 0, left: 0, textStyle, itemGap: 16 };
}

/** Region names on the category axis: cut to what fits, the whole name in the tooltip and the table. */
function regionAxis(rows: readonly RegionRow[], layout: Layout) {
  return {
    type: 'category' as const,
    // The first region on top, as in the table.
    inverse: true,
    data: rows.map((row) => row.label),
    axisTick: { show: false },
    axisLine: { lineStyle: { color: AXIS_TEXT } },
    axisLabel: {
      ...textStyle,
      width: layout.compact ? 96 : 190,
      overflow: 'truncate' as const,
      ellipsis: '…',
    },
  };
}

function valueAxis(name: string, layout: Layout, format: Pick<ChartFormat, 'number'>) {
  return {
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    nameTextStyle: textStyle,
    minInterval: 1,
    axisLabel: { ...textStyle, formatter: (value: number) => format.number(value), hideOverlap: true },
    splitLine: { lineStyle: { color: GRID_LINE } },
    splitNumber: layout.compact ? 3 : 5,
  };
}

function grid(layout: Layout, top = 40): ChartOption['grid'] {
  return { left: 4, right: layout.compact ? 16 : 32, top, bottom: 36, containLabel: true };
}

/** The patterns that tell the series apart without colour (ECharts' aria decals); ECharts' own label is off. */
const aria: ChartOption['aria'] = { enabled: true, label: { enabled: false }, decal: { show: true } };

/** Received, overdue now and escalated per region: horizontal bars, so long region names stay readable. */
export function volumesOption(
  rows: readonly RegionRow[],
  texts: ChartTexts,
  format: ChartFormat,
  layout: Layout,
): ChartOption {
  const series = (name: string, colour: string, value: (row: RegionRow) => number): BarSeriesOption => ({
    type: 'bar',
    name,
    data: rows.map(value),
    itemStyle: { color: colour },
    barMaxWidth: 14,
    label: {
      show: true,
      position: 'right',
      color: AXIS_TEXT,
      fontSize: 11,
      formatter: ({ value: count }: { value: unknown }) => (count ? format.number(Number(count)) : ''),
    },
  });
  return {
    aria,
    textStyle,
    tooltip: tooltip(),
    legend: legend(),
    grid: grid(layout, layout.compact ? 56 : 40),
    xAxis: valueAxis(texts.cases, layout, format),
    yAxis: regionAxis(rows, layout),
    series: [
      series(texts.received, SERIES_COLOURS.received, (row) => row.received),
      series(texts.overdueNow, SERIES_COLOURS.overdueNow, (row) => row.overdueNow),
      series(texts.escalated, SERIES_COLOURS.escalated, (row) => row.escalated),
    ],
  };
}

/**
 * Answered on time, in percent of what each region answered. A region that answered nothing gets no bar but
 * says so in words (an empty bar at 0 % would read as "never on time").
 */
export function onTimeOption(
  rows: readonly RegionRow[],
  texts: ChartTexts,
  format: ChartFormat,
  layout: Layout,
): ChartOption {
  const percentOrNone = (value: number | null) => (value === null ? texts.noAnswers : format.percent(value));
  return {
    aria,
    textStyle,
    tooltip: {
      ...tooltip(),
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const row = first?.dataIndex === undefined ? undefined : rows[first.dataIndex];
        return row
          ? `${escapeHtml(row.label)}<br/>${escapeHtml(texts.onTimePercent)}: <b>${escapeHtml(percentOrNone(row.answeredOnTimePercent))}</b>`
          : '';
      },
    },
    grid: grid(layout, 16),
    xAxis: {
      ...valueAxis(texts.onTimePercent, layout, format),
      min: 0,
      max: 100,
      minInterval: undefined,
      interval: layout.compact ? 50 : 25,
      axisLabel: { ...textStyle, formatter: (value: number) => format.percent(value) },
    },
    yAxis: regionAxis(rows, layout),
    series: [
      {
        type: 'bar',
        name: texts.onTimePercent,
        data: rows.map((row) =>
          row.answeredOnTimePercent === null
            ? { value: 0, itemStyle: { color: 'transparent' }, label: { formatter: texts.noAnswers } }
            : row.answeredOnTimePercent,
        ),
        itemStyle: { color: SERIES_COLOURS.answered },
        barMaxWidth: 16,
        label: {
          show: true,
          position: 'right',
          color: AXIS_TEXT,
          fontSize: 11,
          formatter: ({ value }: { value: unknown }) => format.percent(Number(value)),
        },
      },
    ],
  };
}

/** Tooltips are HTML: region names and texts go in as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Received, answered, answered on time and escalated week by week: lines that differ in dash and marker too. */
export function trendOption(
  weeks: readonly WeekFigures[],
  texts: ChartTexts,
  format: ChartFormat,
  layout: Layout,
): ChartOption {
  const line = (
    name: string,
    colour: string,
    value: (week: WeekFigures) => number,
    symbol: string,
    type: 'solid' | 'dashed' | 'dotted',
  ): LineSeriesOption => ({
    type: 'line',
    name,
    data: weeks.map(value),
    symbol,
    symbolSize: 8,
    lineStyle: { color: colour, width: 2.5, type },
    itemStyle: { color: colour },
  });
  return {
    aria,
    textStyle,
    tooltip: { trigger: 'axis', confine: true },
    legend: legend(),
    grid: grid(layout, layout.compact ? 64 : 40),
    xAxis: {
      type: 'category',
      name: texts.week,
      nameLocation: 'middle',
      nameGap: layout.compact ? 44 : 30,
      nameTextStyle: textStyle,
      boundaryGap: false,
      data: weeks.map((week) => format.week(week.week)),
      axisLine: { lineStyle: { color: AXIS_TEXT } },
      axisLabel: { ...textStyle, hideOverlap: true, rotate: layout.compact && weeks.length > 4 ? 45 : 0 },
    },
    yAxis: {
      ...valueAxis(texts.cases, layout, format),
      nameLocation: 'end',
      nameGap: 10,
      nameTextStyle: { ...textStyle, align: 'left' },
    },
    series: [
      line(texts.received, SERIES_COLOURS.received, (week) => week.received, 'circle', 'solid'),
      line(texts.answered, SERIES_COLOURS.answered, (week) => week.answered, 'rect', 'dashed'),
      line(
        texts.answeredOnTime,
        SERIES_COLOURS.answeredOnTime,
        (week) => week.answeredOnTime,
        'diamond',
        'dotted',
      ),
      line(texts.escalated, SERIES_COLOURS.escalated, (week) => week.escalated, 'triangle', 'solid'),
    ],
  };
}

/** A week's Monday (`YYYY-MM-DD`, Kazakhstan) as the instant it starts, for the date formatters. */
export function weekStart(day: string): string {
  return new Date(`${day}T00:00:00+05:00`).toISOString();
}

/** The periods the dashboard offers, in weeks; anything else asked for in the address falls back to 8. */
export const WEEK_CHOICES = [4, 8, 12, 26] as const;
export const DEFAULT_WEEKS = 8;

export function weeksFrom(value: string | null): number {
  const weeks = Number(value);
  return (WEEK_CHOICES as readonly number[]).includes(weeks) ? weeks : DEFAULT_WEEKS;
}
