// The ledger's search box and filters; every change goes to the store, so the Panel can set them too.
// One row holds the search and the main filters; dates, amounts and the rest open under "Más filtros"
// (they open when a saved view or the Panel sets one, and the button counts the active ones).
import { useMemo, useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { DateInput } from '../../components/DateInput';
import { AGING_BUCKETS, type AgingBucket } from '../../../../shared/domain/aging';
import { parseEuros, formatCentsInput } from '../../../../shared/domain/money';
import type { InvoiceStatus } from '../../../../shared/domain/records';
import type { LedgerFilter } from '../../../../shared/domain/ledger-filter';
import type { LedgerClient } from '../../db/ledger-queries';
import { ChoiceFilter } from './ChoiceFilter';

const STATUSES: InvoiceStatus[] = [
  'pending',
  'partial',
  'overdue',
  'paid',
  'credited',
  'disputed',
  'in_plan',
  'written_off',
  'cancelled',
  'draft',
];

interface LedgerFiltersProps {
  filter: LedgerFilter;
  onChange: (filter: LedgerFilter) => void;
  clients: readonly LedgerClient[];
  searchRef: RefObject<HTMLInputElement | null>;
  /** The "Quitar filtros" button, shown at the end of the main row when a filter is set. */
  clear?: ReactNode;
}

function AmountInput(props: {
  id: string;
  label: string;
  cents: number | null;
  onChange: (cents: number | null) => void;
}) {
  const t = useT();
  const [text, setText] = useState(props.cents === null ? '' : formatCentsInput(props.cents));
  const [invalid, setInvalid] = useState(false);
  const [seen, setSeen] = useState(props.cents);
  // A saved view or the Panel may change the bound from outside: show its value.
  if (seen !== props.cents) {
    setSeen(props.cents);
    setText(props.cents === null ? '' : formatCentsInput(props.cents));
    setInvalid(false);
  }
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="input"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${props.id}-error` : undefined}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          if (value.trim() === '') {
            setInvalid(false);
            setSeen(null);
            props.onChange(null);
            return;
          }
          try {
            const cents = parseEuros(value);
            setInvalid(false);
            setSeen(cents);
            props.onChange(cents);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && (
        <span id={`${props.id}-error`} className="field__error">
          {t('ledger.filter.amountInvalid')}
        </span>
      )}
    </div>
  );
}

export function LedgerFilters({ filter, onChange, clients, searchRef, clear }: LedgerFiltersProps) {
  const t = useT();
  const { date } = useFormat();
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...filter, ...patch });
  const statusLabel = (value: InvoiceStatus | 'open') =>
    value === 'open' ? t('invoices.filter.open') : t(`status.${value}`);
  const dateInput = (
    id: string,
    label: string,
    key: 'issueFrom' | 'issueTo' | 'dueFrom' | 'dueTo',
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput id={id} value={filter[key]} onChange={(value) => set({ [key]: value })} />
    </div>
  );
  const clientOptions = useMemo(
    () => clients.map((entry) => ({ value: entry.id, label: entry.name })),
    [clients],
  );
  const extraCount = countExtraFilters(filter);
  const [open, setOpen] = useState(extraCount > 0);
  const [seenCount, setSeenCount] = useState(extraCount);
  // A saved view or the Panel setting one of the extra filters opens them, so it is seen.
  if (seenCount !== extraCount) {
    setSeenCount(extraCount);
    if (extraCount > seenCount) setOpen(true);
  }
  const showMore = open;

  return (
    <div className="ledger-filters" role="search">
      <div className="ledger-filters__main">
        <div className="field ledger-search">
          <label htmlFor="ledger-search">{t('common.search')}</label>
          <input
            id="ledger-search"
            ref={searchRef}
            className="input"
            type="search"
            placeholder={t('invoices.searchPlaceholder')}
            value={filter.search}
            onChange={(event) => set({ search: event.target.value })}
          />
        </div>
        <ChoiceFilter<InvoiceStatus | 'open'>
          id="ledger-status"
          label={t('invoices.filter.status')}
          chosen={filter.statuses}
          allLabel={t('invoices.filter.allStatuses')}
          manyLabel={filter.statuses.map(statusLabel).join(', ')}
          options={(['open', ...STATUSES] as const).map((value) => ({
            value,
            label: statusLabel(value),
          }))}
          onChange={(statuses) => set({ statuses })}
        />
        <ChoiceFilter<AgingBucket>
          id="ledger-bucket"
          label={t('ledger.filter.bucket')}
          chosen={filter.buckets}
          allLabel={t('ledger.filter.allBuckets')}
          manyLabel={filter.buckets.map((value) => t(`aging.${value}`)).join(', ')}
          options={AGING_BUCKETS.map((value) => ({ value, label: t(`aging.${value}`) }))}
          onChange={(buckets) => set({ buckets })}
        />
        <ChoiceFilter
          id="ledger-client"
          label={t('ledger.filter.client')}
          chosen={filter.clientIds}
          allLabel={t('ledger.filter.allClients')}
          manyLabel={t('ledger.filter.someClients', { count: filter.clientIds.length })}
          options={clientOptions}
          onChange={(clientIds) => set({ clientIds })}
          lazy
        />
        <button
          type="button"
          className="button ledger-filters__more"
          aria-expanded={showMore}
          aria-controls="ledger-more-filters"
          onClick={() => setOpen(!open)}
        >
          {extraCount > 0
            ? t('ledger.filter.moreActive', { count: extraCount })
            : t('ledger.filter.more')}
        </button>
        {clear}
      </div>
      {showMore && (
        <div id="ledger-more-filters" className="ledger-filters__more-panel">
          {dateInput('ledger-issue-from', t('ledger.filter.issueFrom'), 'issueFrom')}
          {dateInput('ledger-issue-to', t('ledger.filter.issueTo'), 'issueTo')}
          {dateInput('ledger-due-from', t('ledger.filter.dueFrom'), 'dueFrom')}
          {dateInput('ledger-due-to', t('ledger.filter.dueTo'), 'dueTo')}
          <AmountInput
            id="ledger-min"
            label={t('ledger.filter.min')}
            cents={filter.minCents}
            onChange={(minCents) => set({ minCents })}
          />
          <AmountInput
            id="ledger-max"
            label={t('ledger.filter.max')}
            cents={filter.maxCents}
            onChange={(maxCents) => set({ maxCents })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={filter.overdueOnly}
              onChange={(event) => set({ overdueOnly: event.target.checked })}
            />{' '}
            {t('ledger.filter.overdueOnly')}
          </label>
          {filter.notContactedSince !== null && (
            <label className="checkbox">
              <input type="checkbox" checked onChange={() => set({ notContactedSince: null })} />{' '}
              {t('ledger.filter.notContacted', { date: date(filter.notContactedSince) })}
            </label>
          )}
        </div>
      )}
    </div>
  );
}

/** How many of the filters behind "Más filtros" are set. */
export function countExtraFilters(filter: LedgerFilter): number {
  return (
    [
      filter.issueFrom,
      filter.issueTo,
      filter.dueFrom,
      filter.dueTo,
      filter.minCents,
      filter.maxCents,
      filter.notContactedSince,
    ].filter((value) => value !== null).length + (filter.overdueOnly ? 1 : 0)
  );
}
