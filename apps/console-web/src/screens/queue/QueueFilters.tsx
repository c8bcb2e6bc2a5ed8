import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_LEVELS,
  QUEUE_SORTS,
  QUEUE_STATUSES,
  SORT_ORDERS,
  type QueueSort,
  type QueueStatus,
  type SortOrder,
} from '../../api/types/queue';
import { FormField } from '../../components/FormField';
import { RegionOptions } from '../../components/RegionOptions';
import { KZ_REGIONS, regionName } from '../../format/regions';
import { DEFAULT_VIEW, type QueueView } from './queue-params';

interface QueueFiltersProps {
  view: QueueView;
  /** The API's messages for the fields it refused (`category`, `region`, `level`, …). */
  fieldError: (field: string) => string | undefined;
  onApply: (filters: Omit<QueueView, 'offset' | 'q'>) => void;
  onReset: () => void;
}

type Draft = Omit<QueueView, 'offset' | 'q'>;

/**
 * The queue's filters and sort, applied together with one button (so typing a category does not reload the list
 * on every key). Rendered with a `key` of the address: going back in history shows the filters of that address.
 */
export function QueueFilters({ view, fieldError, onApply, onReset }: QueueFiltersProps) {
  const { t, i18n } = useTranslation('queue');
  const headingId = useId();
  const overdueId = useId();
  const [draft, setDraft] = useState<Draft>({
    status: view.status,
    level: view.level,
    category: view.category,
    region: view.region,
    overdueOnly: view.overdueOnly,
    sort: view.sort,
    order: view.order,
  });
  const change = (patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, category: draft.category.trim(), level: draft.level.trim() });
  };
  const levels: readonly string[] =
    draft.level && !(CASE_LEVELS as readonly string[]).includes(draft.level)
      ? [...CASE_LEVELS, draft.level]
      : CASE_LEVELS;
  const statusLabel = (status: QueueStatus) =>
    status === 'open'
      ? t('filters.statusOpen')
      : status === 'all'
        ? t('filters.statusAll')
        : t(`common:status.${status}`);
  const sortLabel: Record<QueueSort, string> = {
    due: t('filters.sortDue'),
    received: t('filters.sortReceived'),
    updated: t('filters.sortUpdated'),
  };
  const orderLabel: Record<SortOrder, string> = { asc: t('filters.asc'), desc: t('filters.desc') };

  return (
    <section className="card queue-filters" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('filters.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="filters">
          <FormField label={t('filters.status')} error={fieldError('status')}>
            <select
              name="status"
              value={draft.status}
              onChange={(event) => change({ status: event.target.value as QueueStatus })}
            >
              {QUEUE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t('filters.level')} error={fieldError('level')}>
            <select
              name="level"
              value={draft.level}
              onChange={(event) => change({ level: event.target.value })}
            >
              <option value="">{t('filters.anyLevel')}</option>
              {levels.map((level) => (
                <option key={level} value={level}>
                  {t(`common:level.${level}`, { defaultValue: level })}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t('filters.region')} error={fieldError('region')}>
            <select
              name="region"
              value={draft.region}
              onChange={(event) => change({ region: event.target.value })}
            >
              <option value="">{t('filters.anyRegion')}</option>
              {draft.region && !KZ_REGIONS.some((region) => region.katoCode === draft.region) && (
                <option value={draft.region}>{regionName(draft.region, i18n.language)}</option>
              )}
              <RegionOptions language={i18n.language} />
            </select>
          </FormField>
          <FormField label={t('filters.sort')} error={fieldError('sort')}>
            <select
              name="sort"
              value={draft.sort}
              onChange={(event) => change({ sort: event.target.value as QueueSort })}
            >
              {QUEUE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {sortLabel[sort]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t('filters.order')} error={fieldError('order')}>
            <select
              name="order"
              value={draft.order}
              onChange={(event) => change({ order: event.target.value as SortOrder })}
            >
              {SORT_ORDERS.map((order) => (
                <option key={order} value={order}>
                  {orderLabel[order]}
                </option>
              ))}
            </select>
          </FormField>
          <div className="queue-filters__category">
            <FormField
              label={t('filters.category')}
              hint={t('filters.categoryHint')}
              error={fieldError('category')}
            >
              <input
                name="category"
                value={draft.category}
                onChange={(event) => change({ category: event.target.value })}
                autoCapitalize="none"
                spellCheck={false}
                maxLength={64}
              />
            </FormField>
          </div>
          <div className="field field--check">
            <input
              id={overdueId}
              name="overdue"
              type="checkbox"
              checked={draft.overdueOnly}
              onChange={(event) => change({ overdueOnly: event.target.checked })}
            />
            <label htmlFor={overdueId}>{t('filters.overdueOnly')}</label>
          </div>
        </div>
        <div className="queue-filters__buttons">
          <button type="submit" className="button button--primary">
            {t('filters.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={onReset}
            disabled={
              draft.status === DEFAULT_VIEW.status &&
              !draft.level &&
              !draft.category &&
              !draft.region &&
              !draft.overdueOnly &&
              view.status === DEFAULT_VIEW.status &&
              !view.level &&
              !view.category &&
              !view.region &&
              !view.overdueOnly
            }
          >
            {t('filters.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
