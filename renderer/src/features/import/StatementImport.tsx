// Bank statements: import a Norma 43 or camt.053 file, then reconcile each credit with one click.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { getDb } from '../../db/database';
import { getPlatform } from '../../platform';
import {
  importStatements,
  ledgerOpenItems,
  unlinkedPaymentsNear,
  unmatchedCredits,
  type MovementWithSuggestions,
} from '../../db/statements-repo';
import { createSuggester } from '../../db/statements/suggester';
import { processReturnedDebits } from '../../db/returned-debits-repo';
import type { BankMovementRecord } from '../../../../shared/domain/records';
import { isValidationError } from '../../../../shared/domain/validation';
import { translateIssue, useLanguage } from '../../i18n';
import { readBankStatement } from '../../../../shared/formats/bank-statement';
import { ReconciliationRow } from './ReconciliationRow';
import { PendingReturns } from './PendingReturns';
import { fileErrorText } from './file-error-text';
import { statementWarningText } from './statement-warning-text';

const FILTERS = [
  { name: 'Norma 43 / camt.053', extensions: ['n43', 'txt', 'aeb', 'csb', 'xml', 'q43'] },
];

export function StatementImport() {
  const t = useT();
  const language = useLanguage();
  const { money, date, count } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  // Three live queries, so each reruns only for its own tables: the open items (indexed in the
  // worker, the costly part) are read again only when the ledger changes, not when a movement is
  // ignored or another statement arrives; suggestions already computed against them are reused.
  const movements = useLiveQuery(() => unmatchedCredits(getDb()), []);
  const items = useLiveQuery(() => ledgerOpenItems(getDb()), []);
  const dates = movements?.flatMap((movement) => [movement.date, movement.valueDate]).sort();
  const first = dates?.[0];
  const last = dates?.[dates.length - 1];
  const near = useLiveQuery(
    async () => ({
      first,
      last,
      payments:
        first === undefined || last === undefined
          ? []
          : await unlinkedPaymentsNear(getDb(), [{ date: first, valueDate: last }]),
    }),
    [first, last],
  );
  // Only the payments near these movements' dates: a run against the previous dates is wasted.
  const recorded = near && near.first === first && near.last === last ? near.payments : undefined;
  // One suggester (a Web Worker, started on first use) per visit of the screen, ended when leaving
  // it. Effects run in order and the worker takes messages in order: the ledger and payments reach
  // it before a run.
  const [suggester] = useState(createSuggester);
  useEffect(() => () => suggester.dispose(), [suggester]);
  useEffect(() => {
    if (items) void suggester.setLedger(items);
  }, [suggester, items]);
  useEffect(() => {
    if (recorded) suggester.setRecorded(recorded);
  }, [suggester, recorded]);
  const [progress, setProgress] = useState<{
    /** The movements the run is for: until its first batch, an earlier run's rows show. */
    movements: BankMovementRecord[];
    list: MovementWithSuggestions[];
    done: number;
    total: number;
  } | null>(null);

  // Suggestions in batches from the worker: the first rows show while the rest are computed.
  // After a change, rows not recomputed yet keep their earlier suggestions (no list collapsing).
  useEffect(() => {
    if (!movements || !items || !recorded) return undefined;
    const run = suggester.suggest(movements, (ready, total) => {
      setProgress((previous) => {
        const pending = new Set(movements.slice(ready.length).map((row) => row.id));
        const rest = (previous?.list ?? []).filter((row) => pending.has(row.movement.id));
        return { movements, list: [...ready, ...rest], done: ready.length, total };
      });
    });
    return () => run.cancel();
  }, [suggester, movements, items, recorded]);
  const list = progress?.list;
  // From the moment the movements are known: while the worker indexes, the count shows 0.
  const done = progress && progress.movements === movements ? progress.done : 0;
  const total = movements?.length ?? 0;
  const searching = done < total;

  async function choose(): Promise<void> {
    setError(null);
    setWarnings([]);
    const file = await getPlatform().openFile(FILTERS);
    if (!file) return;
    try {
      const statements = readBankStatement(file.content);
      const result = await importStatements(getDb(), statements, file.name);
      setWarnings(
        statements.flatMap((statement) =>
          statement.warnings.map((warning) => statementWarningText(t, money, warning)),
        ),
      );
      // Returned direct debits reopen the installments they had paid (legal feature).
      const returns = await processReturnedDebits(getDb());
      if (returns.reversed + returns.unexplained > 0)
        showToast({
          tone: returns.unexplained > 0 ? 'error' : 'success',
          message:
            returns.unexplained > 0
              ? t('sepa.returned.found', { ...returns })
              : t('sepa.returned.explained', { reversed: returns.reversed }),
        });
      showToast({
        tone: 'success',
        message: t('import.bank.done', {
          added: count(result.added),
          skipped: count(result.alreadyStored),
        }),
      });
    } catch (caught) {
      if (isValidationError(caught)) {
        setError(caught.issues.map((issue) => translateIssue(language, issue)).join(' '));
      } else {
        setError(fileErrorText(t, file.name, caught));
      }
    }
  }

  return (
    <>
      <div className="card">
        <p className="screen__lead">{t('import.bank.intro')}</p>
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={() => void choose()}>
            {t('import.bank.choose')}
          </button>
        </div>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        {warnings.length > 0 && (
          <div className="alert alert--warning" role="status" data-testid="statement-warnings">
            <p>{t('import.bank.warnings')}</p>
            <ul>
              {warnings.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <PendingReturns />
      <div className="card">
        <h2>{t('import.recon.title')}</h2>
        {searching && (
          <p className="screen__lead" role="status" data-testid="recon-progress">
            {t('import.recon.progress', { done: count(done), total: count(total) })}
          </p>
        )}
        {list && list.length === 0 && (
          <div className="empty-state">
            <p>{t('import.recon.empty')}</p>
          </div>
        )}
        {list && list.length > 0 && (
          <table className="table import-recon" aria-label={t('import.recon.title')}>
            <thead>
              <tr>
                <th scope="col">{t('import.recon.date')}</th>
                <th scope="col">{t('import.recon.concept')}</th>
                <th scope="col">{t('import.recon.amount')}</th>
                <th scope="col">{t('import.recon.suggestion')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry) => (
                <ReconciliationRow
                  key={entry.movement.id}
                  entry={entry}
                  money={money}
                  date={date}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
