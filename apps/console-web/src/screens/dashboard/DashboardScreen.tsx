import type { Figures, WeekFigures } from '@app/contracts/console-api/figures';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { RegionNumbersTable, type NumberColumn } from '../../components/RegionNumbersTable';
import { useAsync } from '../../components/useAsync';
import { formatDate, formatDayMonth } from '../../format/kazakhstan-time';
import { regionName } from '../../format/regions';
import { localeOf } from '../../i18n/languages';
import { ChartCard } from './ChartCard';
import {
  barChartHeight,
  figureTotals,
  leader,
  onTimeOption,
  regionRows,
  trendOption,
  volumesOption,
  WEEK_CHOICES,
  weeklyTrend,
  weeksFrom,
  weekStart,
  type ChartFormat,
  type ChartTexts,
  type RegionRow,
} from './figure-charts';
import { useNarrowScreen } from './useNarrowScreen';
import './dashboard.css';

export function DashboardScreen() {
  const { t, i18n } = useTranslation('dashboard');
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const weeks = weeksFrom(params.get('weeks'));
  const trendRegion = params.get('region') ?? '';
  const figures = useAsync(() => api.get<Figures>('/api/v1/figures', { weeks }), String(weeks));
  const language = i18n.language;
  const compact = useNarrowScreen();

  const format = useMemo<ChartFormat>(() => {
    const locale = localeOf(language);
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      region: (kato) => regionName(kato, language),
      week: (monday) => formatDayMonth(weekStart(monday), language),
      number: (value) => numbers.format(value),
      percent: (value) => percents.format(value / 100),
    };
  }, [language]);

  const texts = useMemo<ChartTexts>(
    () => ({
      received: t('series.received'),
      answered: t('series.answered'),
      answeredOnTime: t('series.answeredOnTime'),
      overdueNow: t('series.overdueNow'),
      escalated: t('series.escalated'),
      onTimePercent: t('series.onTimePercent'),
      cases: t('axis.cases'),
      week: t('axis.week'),
      noAnswers: t('noAnswers'),
    }),
    [t],
  );

  const data = figures.data;
  const rows = useMemo(
    () => (data ? regionRows(data, format, localeOf(language)) : []),
    [data, format, language],
  );
  const trendKato = rows.some((row) => row.regionKato === trendRegion) ? trendRegion : '';
  const trend = useMemo(() => (data ? weeklyTrend(data, trendKato || undefined) : []), [data, trendKato]);
  const layout = useMemo(() => ({ compact }), [compact]);
  const options = useMemo(
    () => ({
      volumes: volumesOption(rows, texts, format, layout),
      onTime: onTimeOption(rows, texts, format, layout),
      trend: trendOption(trend, texts, format, layout),
    }),
    [rows, trend, texts, format, layout],
  );

  const choose = (name: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const totals = figureTotals(rows);
  const percent = (value: number | null) => (value === null ? t('noAnswers') : format.percent(value));
  const mostReceived = leader(rows, (row) => row.received);
  const trendName = trendKato ? regionName(trendKato, language) : t('allRegions');

  return (
    <>
      <PageHeading title={t('title')} />
      <div className="filters">
        <FormField label={t('weeks.label')}>
          <select value={weeks} onChange={(event) => choose('weeks', event.target.value)}>
            {WEEK_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </FormField>
        {rows.length > 1 && (
          <FormField label={t('trendRegion.label')}>
            <select value={trendKato} onChange={(event) => choose('region', event.target.value)}>
              <option value="">{t('allRegions')}</option>
              {rows.map((row) => (
                <option key={row.regionKato} value={row.regionKato}>
                  {row.label}
                </option>
              ))}
            </select>
          </FormField>
        )}
      </div>
      <ErrorNotice error={figures.error} />
      {!data && !figures.error && <p role="status">{t('common:state.loading')}</p>}
      {data && (
        <>
          <p className="dashboard__period" aria-live="polite">
            {t('period', { since: formatDate(data.since, language), weeks: data.weeks })}
            {figures.loading && ` ${t('common:state.loading')}`}
          </p>
          {rows.length === 0 ? (
            <p className="notice notice--info">{t('empty')}</p>
          ) : (
            <>
              <dl className="dashboard__totals" aria-label={t('totals.label')}>
                <Total term={t('series.received')} value={format.number(totals.received)} />
                <Total term={t('series.onTimePercent')} value={percent(totals.answeredOnTimePercent)} />
                <Total term={t('series.overdueNow')} value={format.number(totals.overdueNow)} />
                <Total term={t('series.escalated')} value={format.number(totals.escalated)} />
              </dl>
              <div className="dashboard__charts">
                <ChartCard
                  id="chart-volumes"
                  title={t('volumes.title')}
                  label={[
                    t('volumes.label', { weeks: data.weeks }),
                    mostReceived &&
                      t('volumes.leader', { region: mostReceived.label, value: mostReceived.value }),
                    t('seeTable'),
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  option={options.volumes}
                  height={barChartHeight(rows.length, 3, layout)}
                  table={<VolumesTable rows={rows} />}
                />
                <ChartCard
                  id="chart-on-time"
                  title={t('onTime.title')}
                  label={[
                    t('onTime.label', { weeks: data.weeks }),
                    t('onTime.all', { percent: percent(totals.answeredOnTimePercent) }),
                    t('seeTable'),
                  ].join(' ')}
                  option={options.onTime}
                  height={barChartHeight(rows.length, 1, layout)}
                  table={<OnTimeTable rows={rows} percent={percent} />}
                />
              </div>
              <ChartCard
                id="chart-trend"
                title={t('trend.title', { region: trendName })}
                label={[
                  t('trend.label', {
                    region: trendName,
                    from: formatDate(data.since, language),
                    weeks: data.weeks,
                  }),
                  t('trend.sums', {
                    received: sumOf(trend, (week) => week.received),
                    answered: sumOf(trend, (week) => week.answered),
                  }),
                  t('seeTable'),
                ].join(' ')}
                option={options.trend}
                height={compact ? 340 : 360}
                table={<TrendTable weeks={trend} region={trendName} />}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

function sumOf(weeks: readonly WeekFigures[], pick: (week: WeekFigures) => number): number {
  return weeks.reduce((sum, week) => sum + pick(week), 0);
}

function Total({ term, value }: { term: string; value: string }) {
  return (
    <div className="dashboard__total">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function VolumesTable({ rows }: { rows: readonly RegionRow[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <RegionFiguresTable
      caption={t('volumes.caption')}
      rows={rows}
      columns={[
        { heading: t('series.received'), value: (row) => row.received },
        { heading: t('series.overdueNow'), value: (row) => row.overdueNow },
        { heading: t('series.escalated'), value: (row) => row.escalated },
      ]}
    />
  );
}

function OnTimeTable({
  rows,
  percent,
}: {
  rows: readonly RegionRow[];
  percent: (value: number | null) => string;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <RegionFiguresTable
      caption={t('onTime.caption')}
      rows={rows}
      columns={[
        { heading: t('series.answered'), value: (row) => row.answered },
        { heading: t('series.answeredOnTime'), value: (row) => row.answeredOnTime },
        { heading: t('series.onTimePercent'), value: (row) => percent(row.answeredOnTimePercent) },
      ]}
    />
  );
}

function RegionFiguresTable({
  caption,
  rows,
  columns,
}: {
  caption: string;
  rows: readonly RegionRow[];
  columns: ReadonlyArray<NumberColumn<RegionRow>>;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <RegionNumbersTable
      caption={caption}
      regionHeading={t('column.region')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.regionKato}
      rowHeader={(row) => row.label}
      numberClassName="dashboard__number"
    />
  );
}

function TrendTable({ weeks, region }: { weeks: readonly WeekFigures[]; region: string }) {
  const { t, i18n } = useTranslation('dashboard');
  return (
    <table>
      <caption>{t('trend.caption', { region })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('column.week')}</th>
          <th scope="col" className="dashboard__number">
            {t('series.received')}
          </th>
          <th scope="col" className="dashboard__number">
            {t('series.answered')}
          </th>
          <th scope="col" className="dashboard__number">
            {t('series.answeredOnTime')}
          </th>
          <th scope="col" className="dashboard__number">
            {t('series.escalated')}
          </th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.week}>
            <th scope="row">{formatDate(weekStart(week.week), i18n.language)}</th>
            <td className="dashboard__number">{week.received}</td>
            <td className="dashboard__number">{week.answered}</td>
            <td className="dashboard__number">{week.answeredOnTime}</td>
            <td className="dashboard__number">{week.escalated}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
