import type { Figures, RegionFigures } from '@app/contracts/console-api/figures';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import {
  barChartHeight,
  escapeHtml,
  figureTotals,
  leader,
  onTimeOption,
  percentOf,
  regionRows,
  trendOption,
  volumesOption,
  weekStart,
  weeklyTrend,
  weeksFrom,
  type ChartFormat,
  type ChartTexts,
} from './figure-charts';

const texts: ChartTexts = {
  received: 'Received',
  answered: 'Answered',
  answeredOnTime: 'On time',
  overdueNow: 'Overdue now',
  escalated: 'Escalated',
  onTimePercent: 'On time, %',
  cases: 'Appeals',
  week: 'Week',
  noAnswers: 'no answers',
};
const NAMES: Record<string, string> = {
  '750000000': 'Almaty',
  '710000000': 'Astana',
  '790000000': 'Shymkent',
};
const format: ChartFormat = {
  region: (kato) => NAMES[kato] ?? kato,
  week: (day) => day.slice(5),
  number: (value) => String(value),
  percent: (value) => `${value}%`,
};
const wide = { compact: false };

function region(regionKato: string, figures: Partial<RegionFigures>): RegionFigures {
  return {
    regionKato,
    received: 0,
    answered: 0,
    answeredOnTime: 0,
    answeredOnTimePercent: null,
    escalated: 0,
    overdueNow: 0,
    weeks: [
      { week: '2026-11-23', received: 0, answered: 0, answeredOnTime: 0, escalated: 0 },
      { week: '2026-11-30', received: 0, answered: 0, answeredOnTime: 0, escalated: 0 },
    ],
    ...figures,
  };
}

const figures: Figures = {
  since: '2026-11-22T19:00:00.000Z',
  weeks: 2,
  regions: [
    region('710000000', {
      received: 5,
      answered: 4,
      answeredOnTime: 3,
      answeredOnTimePercent: 75,
      escalated: 1,
      overdueNow: 2,
      weeks: [
        { week: '2026-11-23', received: 2, answered: 1, answeredOnTime: 1, escalated: 0 },
        { week: '2026-11-30', received: 3, answered: 3, answeredOnTime: 2, escalated: 1 },
      ],
    }),
    region('750000000', {
      received: 7,
      escalated: 3,
      weeks: [
        { week: '2026-11-23', received: 4, answered: 0, answeredOnTime: 0, escalated: 1 },
        { week: '2026-11-30', received: 3, answered: 0, answeredOnTime: 0, escalated: 2 },
      ],
    }),
    region('790000000', { received: 1 }),
  ],
};

describe('regionRows and figureTotals', () => {
  it('names the regions in the UI language and sorts them by name', () => {
    const rows = regionRows(figures, format, 'en');
    expect(rows.map((row) => row.label)).toEqual(['Almaty', 'Astana', 'Shymkent']);
    expect(rows[1]).toMatchObject({ regionKato: '710000000', received: 5, answeredOnTimePercent: 75 });
    expect(rows[1]).not.toHaveProperty('weeks');
  });

  it('adds the regions up, the on-time share over every answer', () => {
    expect(figureTotals(figures.regions)).toEqual({
      received: 13,
      answered: 4,
      answeredOnTime: 3,
      answeredOnTimePercent: 75,
      overdueNow: 2,
      escalated: 4,
    });
    expect(figureTotals([]).answeredOnTimePercent).toBeNull();
  });

  it('rounds a percentage to one decimal as the API does', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('weeklyTrend', () => {
  it('sums every region week by week, oldest first', () => {
    expect(weeklyTrend(figures)).toEqual([
      { week: '2026-11-23', received: 6, answered: 1, answeredOnTime: 1, escalated: 1 },
      { week: '2026-11-30', received: 6, answered: 3, answeredOnTime: 2, escalated: 3 },
    ]);
  });

  it('gives one region alone, and nothing for a region without figures', () => {
    expect(weeklyTrend(figures, '750000000').map((week) => week.received)).toEqual([4, 3]);
    expect(weeklyTrend(figures, '100000000')).toEqual([]);
  });
});

describe('leader', () => {
  it('is the region with the most, none when all have none', () => {
    const rows = regionRows(figures, format, 'en');
    expect(leader(rows, (row) => row.received)).toEqual({ label: 'Almaty', value: 7 });
    expect(leader(rows, (row) => row.answeredOnTimePercent)).toEqual({ label: 'Astana', value: 75 });
    expect(leader(rows, () => 0)).toBeUndefined();
  });
});

describe('volumesOption', () => {
  it('draws received, overdue now and escalated per region as horizontal bars in the texts given', () => {
    const option = volumesOption(regionRows(figures, format, 'en'), texts, format, wide);
    const series = option.series as BarSeriesOption[];
    expect(series.map((entry) => [entry.name, entry.data])).toEqual([
      ['Received', [7, 5, 1]],
      ['Overdue now', [0, 2, 0]],
      ['Escalated', [3, 1, 0]],
    ]);
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Almaty', 'Astana', 'Shymkent'] });
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'Appeals' });
    // Patterns as well as colours; the chart's own aria-label is the component's.
    expect(option.aria).toEqual({ enabled: true, label: { enabled: false }, decal: { show: true } });
  });

  it('cuts region labels shorter on a narrow screen', () => {
    const rows = regionRows(figures, format, 'en');
    const label = (compact: boolean) =>
      (volumesOption(rows, texts, format, { compact }).yAxis as { axisLabel: { width: number } }).axisLabel
        .width;
    expect(label(true)).toBeLessThan(label(false));
  });
});

describe('onTimeOption', () => {
  it('gives a region with no answers no visible bar but the words, on a 0-100 % axis', () => {
    const option = onTimeOption(regionRows(figures, format, 'en'), texts, format, wide);
    const [series] = option.series as BarSeriesOption[];
    expect(series.data).toEqual([
      { value: 0, itemStyle: { color: 'transparent' }, label: { formatter: 'no answers' } },
      75,
      { value: 0, itemStyle: { color: 'transparent' }, label: { formatter: 'no answers' } },
    ]);
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 0 }])).toBe('Almaty<br/>On time, %: <b>no answers</b>');
    expect(tooltip.formatter([{ dataIndex: 1 }])).toBe('Astana<br/>On time, %: <b>75%</b>');
  });
});

describe('trendOption', () => {
  it('draws four lines over the weeks, told apart by marker and dash as well as colour', () => {
    const option = trendOption(weeklyTrend(figures), texts, format, wide);
    const series = option.series as LineSeriesOption[];
    expect(series.map((entry) => [entry.name, entry.data, entry.symbol])).toEqual([
      ['Received', [6, 6], 'circle'],
      ['Answered', [1, 3], 'rect'],
      ['On time', [1, 2], 'diamond'],
      ['Escalated', [1, 3], 'triangle'],
    ]);
    expect(option.xAxis).toMatchObject({ data: ['11-23', '11-30'], name: 'Week' });
  });
});

describe('helpers', () => {
  it('sizes bar charts by region and series, never below 200 px', () => {
    expect(barChartHeight(1, 1, wide)).toBe(200);
    expect(barChartHeight(20, 3, wide)).toBeGreaterThan(barChartHeight(10, 3, wide));
  });

  it('starts a week at Monday midnight in Kazakhstan', () => {
    expect(weekStart('2026-11-30')).toBe('2026-11-29T19:00:00.000Z');
  });

  it('takes the offered periods from the address and 8 weeks otherwise', () => {
    expect(weeksFrom('26')).toBe(26);
    expect(weeksFrom('7')).toBe(8);
    expect(weeksFrom(null)).toBe(8);
  });

  it('escapes HTML in tooltips', () => {
    expect(escapeHtml('<b>"A" & \'B\'</b>')).toBe('&#60;b&#62;&#34;A&#34; &#38; &#39;B&#39;&#60;/b&#62;');
  });
});
