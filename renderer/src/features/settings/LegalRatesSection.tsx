// Ajustes › Reclamaciones: the Ley 3/2004 rate per semester and the interés legal del dinero per
// year, each editable, with a way back to the official table.
import { useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { translateIssue, useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import {
  getLegalRates,
  getMoneyRates,
  resetLegalRates,
  resetMoneyRates,
  saveLegalRates,
  saveMoneyRates,
} from '../../db/legal-rates-repo';
import type { CuentasDatabase } from '../../db/database';
import {
  MAX_LEGAL_RATE_PERCENT,
  type LegalRateEntry,
} from '../../../../shared/domain/legal-interest-rates';
import { isValidationError, type FieldIssue } from '../../../../shared/domain/validation';

interface Row {
  year: string;
  /** '01-01', '07-01', or the MM-DD of a change mid-period (24 February 2013, 1 April 2009). */
  start: string;
  rate: string;
  assumed: boolean;
}

const rowOf = (entry: LegalRateEntry): Row => ({
  year: entry.from.slice(0, 4),
  start: entry.from.slice(5),
  rate: String(entry.ratePercent).replace('.', ','),
  assumed: entry.assumed === true,
});

const entryOf = (row: Row): LegalRateEntry => ({
  from: `${row.year.trim().padStart(4, '0')}-${row.start}`,
  ratePercent: row.rate.trim() === '' ? Number.NaN : Number(row.rate.replace(',', '.')),
});

/** The two tables differ only in their period (semester or year) and where they are stored. */
interface RatesTable {
  testId: string;
  semesters: boolean;
  title: 'coll.rates.title' | 'coll.money.title';
  intro: 'coll.rates.intro' | 'coll.money.intro';
  add: 'coll.rates.add' | 'coll.money.add';
  save: (db: CuentasDatabase, rates: readonly LegalRateEntry[]) => Promise<unknown>;
  reset: (db: CuentasDatabase) => Promise<void>;
}

const LEGAL_TABLE: RatesTable = {
  testId: 'legal-rates',
  semesters: true,
  title: 'coll.rates.title',
  intro: 'coll.rates.intro',
  add: 'coll.rates.add',
  save: saveLegalRates,
  reset: resetLegalRates,
};

const MONEY_TABLE: RatesTable = {
  testId: 'money-rates',
  semesters: false,
  title: 'coll.money.title',
  intro: 'coll.money.intro',
  add: 'coll.money.add',
  save: saveMoneyRates,
  reset: resetMoneyRates,
};

function RatesForm({
  initial,
  edited,
  table,
}: {
  initial: readonly LegalRateEntry[];
  edited: boolean;
  table: RatesTable;
}) {
  const t = useT();
  const language = useLanguage();
  const showToast = useUiStore((state) => state.showToast);
  const [rows, setRows] = useState<Row[]>(() => initial.map(rowOf));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const messageOf = (index: number): string | null => {
    const issue = issues.find((row) => row.field.startsWith(`rates.${index}.`));
    if (!issue) return null;
    return issue.field.endsWith('.from')
      ? t('coll.rates.badSemester')
      : translateIssue(language, issue);
  };
  const update = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch, assumed: false } : row)));

  function addNext() {
    const last = rows.at(-1);
    const nextYear = (row: Row): Row => ({
      ...row,
      year: String(Number(row.year) + 1),
      start: '01-01',
      assumed: false,
    });
    const next: Row = last
      ? table.semesters && last.start < '07-01'
        ? { ...last, start: '07-01', assumed: false }
        : nextYear(last)
      : { year: '2026', start: '01-01', rate: '', assumed: false };
    setRows([...rows, next]);
  }
  const periodLabel = (start: string) =>
    start === '01-01'
      ? table.semesters
        ? t('coll.rates.half.01')
        : t('coll.rates.wholeYear')
      : start === '07-01' && table.semesters
        ? t('coll.rates.half.07')
        : t('coll.rates.half.from', { date: `${start.slice(3)}/${start.slice(0, 2)}` });

  async function save() {
    setIssues([]);
    try {
      await table.save(getDb(), rows.map(entryOf));
      showToast({ tone: 'success', message: t('coll.rates.saved') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      setIssues([...error.issues]);
    }
  }

  async function reset() {
    if (!window.confirm(t('coll.rates.resetConfirm'))) return;
    await table.reset(getDb());
    showToast({ tone: 'success', message: t('coll.rates.resetDone') });
  }

  // Enter in a rate saves the rates, not the reminder settings of the surrounding form.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    void save();
  };

  return (
    <section className="legal-rates" data-testid={table.testId} onKeyDown={onKeyDown}>
      <h3>{t(table.title)}</h3>
      <p className="screen__lead">
        {t(table.intro)} {edited ? t('coll.rates.usingEdited') : t('coll.rates.usingShipped')}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('coll.rates.year')}</th>
            <th scope="col">{t('coll.rates.half')}</th>
            <th scope="col">{t('coll.rates.rate')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('coll.rates.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const message = messageOf(index);
            const label = `${row.year} ${periodLabel(row.start)}`;
            const starts = [
              '01-01',
              ...(table.semesters ? ['07-01'] : []),
              ...(row.start === '01-01' || (table.semesters && row.start === '07-01')
                ? []
                : [row.start]),
            ];
            return (
              <tr key={index} data-testid="legal-rate-row">
                <td>
                  <input
                    inputMode="numeric"
                    size={5}
                    aria-label={t('coll.rates.yearOf', { row: index + 1 })}
                    value={row.year}
                    onChange={(e) => update(index, { year: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('coll.rates.halfOf', { row: index + 1 })}
                    value={row.start}
                    onChange={(e) => update(index, { start: e.target.value })}
                  >
                    {starts.map((start) => (
                      <option key={start} value={start}>
                        {periodLabel(start)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    inputMode="decimal"
                    size={6}
                    aria-label={t('coll.rates.rateOf', { semester: label })}
                    aria-invalid={message !== null}
                    value={row.rate}
                    onChange={(e) => update(index, { rate: e.target.value })}
                  />{' '}
                  %{row.assumed && <span className="badge">{t('coll.rates.assumed')}</span>}
                  {message && (
                    <span className="field__error" role="alert">
                      {' '}
                      {message}
                    </span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--link"
                    aria-label={t('coll.rates.removeOf', { semester: label })}
                    onClick={() => setRows(rows.filter((_, i) => i !== index))}
                  >
                    {t('coll.rates.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {issues.some((issue) => issue.field === 'rates') && (
        <p className="alert alert--error" role="alert">
          {t('coll.rates.empty')}
        </p>
      )}
      <p className="field__hint">{t('coll.rates.hint', { max: MAX_LEGAL_RATE_PERCENT })}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={addNext}>
          {t(table.add)}
        </button>
        {edited && (
          <button type="button" className="button" onClick={() => void reset()}>
            {t('coll.rates.reset')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t('coll.rates.save')}
        </button>
      </div>
    </section>
  );
}

export function LegalRatesSection() {
  const current = useLiveQuery(
    async () => ({ legal: await getLegalRates(getDb()), money: await getMoneyRates(getDb()) }),
    [],
  );
  if (!current) return null;
  // Remounted when the table in force changes (saved or reset), so the rows show what is stored.
  const keyOf = (value: typeof current.legal) =>
    `${value.edited}:${value.rates.map((row) => `${row.from}=${row.ratePercent}`).join()}`;
  return (
    <>
      <RatesForm
        key={`legal:${keyOf(current.legal)}`}
        initial={current.legal.rates}
        edited={current.legal.edited}
        table={LEGAL_TABLE}
      />
      <RatesForm
        key={`money:${keyOf(current.money)}`}
        initial={current.money.rates}
        edited={current.money.edited}
        table={MONEY_TABLE}
      />
    </>
  );
}
