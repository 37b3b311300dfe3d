// Ajustes › Reclamaciones: the Ley 3/2004 rate per semester, editable, with a way back to the official table.
import { useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { translateIssue, useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getLegalRates, resetLegalRates, saveLegalRates } from '../../db/legal-rates-repo';
import {
  MAX_LEGAL_RATE_PERCENT,
  type LegalRateEntry,
} from '../../../../shared/domain/legal-interest-rates';
import { isValidationError, type FieldIssue } from '../../../../shared/domain/validation';

interface Row {
  year: string;
  half: '01' | '07';
  rate: string;
  assumed: boolean;
}

const rowOf = (entry: LegalRateEntry): Row => ({
  year: entry.from.slice(0, 4),
  half: entry.from.slice(5, 7) === '07' ? '07' : '01',
  rate: String(entry.ratePercent).replace('.', ','),
  assumed: entry.assumed === true,
});

const entryOf = (row: Row): LegalRateEntry => ({
  from: `${row.year.trim().padStart(4, '0')}-${row.half}-01`,
  ratePercent: row.rate.trim() === '' ? Number.NaN : Number(row.rate.replace(',', '.')),
});

function RatesForm({ initial, edited }: { initial: readonly LegalRateEntry[]; edited: boolean }) {
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
    const next: Row = last
      ? last.half === '01'
        ? { ...last, half: '07', assumed: false }
        : { ...last, year: String(Number(last.year) + 1), half: '01', assumed: false }
      : { year: '2026', half: '01', rate: '', assumed: false };
    setRows([...rows, next]);
  }

  async function save() {
    setIssues([]);
    try {
      await saveLegalRates(getDb(), rows.map(entryOf));
      showToast({ tone: 'success', message: t('coll.rates.saved') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      setIssues([...error.issues]);
    }
  }

  async function reset() {
    if (!window.confirm(t('coll.rates.resetConfirm'))) return;
    await resetLegalRates(getDb());
    showToast({ tone: 'success', message: t('coll.rates.resetDone') });
  }

  // Enter in a rate saves the rates, not the reminder settings of the surrounding form.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    void save();
  };

  return (
    <section className="legal-rates" data-testid="legal-rates" onKeyDown={onKeyDown}>
      <h3>{t('coll.rates.title')}</h3>
      <p className="screen__lead">
        {t('coll.rates.intro')}{' '}
        {edited ? t('coll.rates.usingEdited') : t('coll.rates.usingShipped')}
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
            const label = `${row.year} ${t(`coll.rates.half.${row.half}`)}`;
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
                    value={row.half}
                    onChange={(e) => update(index, { half: e.target.value === '07' ? '07' : '01' })}
                  >
                    <option value="01">{t('coll.rates.half.01')}</option>
                    <option value="07">{t('coll.rates.half.07')}</option>
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
          {t('coll.rates.add')}
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
  const current = useLiveQuery(() => getLegalRates(getDb()), []);
  if (!current) return null;
  // Remounted when the table in force changes (saved or reset), so the rows show what is stored.
  const key = `${current.edited}:${current.rates.map((row) => `${row.from}=${row.ratePercent}`).join()}`;
  return <RatesForm key={key} initial={current.rates} edited={current.edited} />;
}
