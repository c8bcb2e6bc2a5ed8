import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart-option';
import { EChart } from '../../components/EChart';

interface ChartCardProps {
  id: string;
  title: string;
  /** The chart in words, for screen readers. */
  label: string;
  option: ChartOption;
  height: number;
  /** The same numbers as a table (caption and headers included). */
  table: ReactNode;
}

/** A chart under its heading, with its numbers as a table one click away. */
export function ChartCard({ id, title, label, option, height, table }: ChartCardProps) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="card dashboard__chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <EChart option={option} label={label} height={height} />
      <details className="dashboard__table">
        <summary>{t('showTable')}</summary>
        {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('tableOf', { chart: title })}>
          {table}
        </div>
      </details>
    </section>
  );
}
