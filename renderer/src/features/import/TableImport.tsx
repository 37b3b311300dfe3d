// The CSV/XLSX wizard: file → what was detected → columns → preview with each row's errors → import.
import { fileErrorText } from './file-error-text';
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { getDb } from '../../db/database';
import { getPlatform } from '../../platform';
import {
  RowValidationError,
  commitClientRows,
  commitInvoiceRows,
  findPartyConflicts,
  findStoredDuplicates,
  listPresets,
  partyIssues,
  savePreset,
  type PartyConflict,
} from '../../db/import-repo';
import {
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
} from '../../../../shared/formats/column-mapping';
import {
  checkClientRows,
  checkInvoiceRows,
  type RowIssue,
} from '../../../../shared/formats/row-validation';
import { detectFormats, readTableFile, type TableFile } from './read-table';
import { MappingForm } from './MappingForm';
import { RowPreview } from './RowPreview';
import { PartyQuestions } from './PartyQuestions';
import { useToday } from '../../app/use-today';
import { prescriptionStatus } from '../../../../shared/domain/prescription';

const FILTERS = [{ name: 'CSV / Excel', extensions: ['csv', 'txt', 'tsv', 'xlsx'] }];

export function TableImport() {
  const t = useT();
  const { count, date } = useFormat();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const [kind, setKind] = useState<ImportKind>('invoices');
  const [table, setTable] = useState<TableFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [stored, setStored] = useState<{
    check: object | null;
    issues: RowIssue[];
    parties: PartyConflict[];
  }>({ check: null, issues: [], parties: [] });
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [rejected, setRejected] = useState<RowIssue[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const presets = useLiveQuery(() => listPresets(getDb(), kind), [kind]) ?? [];

  const formats = useMemo(() => (table ? detectFormats(table, mapping) : null), [table, mapping]);
  const invoiceCheck = useMemo(
    () =>
      table && formats && kind === 'invoices'
        ? checkInvoiceRows(table.header, table.rows, mapping, formats.decimal)
        : null,
    [table, mapping, formats, kind],
  );
  const clientCheck = useMemo(
    () => (table && kind === 'clients' ? checkClientRows(table.header, table.rows, mapping) : null),
    [table, mapping, kind],
  );
  const checked = invoiceCheck ?? clientCheck;

  // Duplicates already stored are looked up for this exact check; a newer check ignores old answers.
  useEffect(() => {
    if (!invoiceCheck) return;
    let live = true;
    void Promise.all([
      findStoredDuplicates(getDb(), invoiceCheck.rows),
      findPartyConflicts(getDb(), invoiceCheck.rows),
    ]).then(
      ([found, parties]) => live && setStored({ check: invoiceCheck, issues: found, parties }),
    );
    return () => {
      live = false;
    };
  }, [invoiceCheck]);

  const parties = stored.check === invoiceCheck ? stored.parties : [];
  const issues = useMemo(() => {
    const current = stored.check === invoiceCheck;
    const storedIssues = current ? stored.issues : [];
    const partyRows = current ? partyIssues(stored.parties, confirmed) : [];
    const rejectedNow = rejected.filter(
      (issue) => issue.code !== 'party_mismatch' || !confirmed.has(String(issue.params?.taxId)),
    );
    return [...(checked?.issues ?? []), ...storedIssues, ...partyRows, ...rejectedNow].sort(
      (a, b) => a.row - b.row,
    );
  }, [checked, invoiceCheck, stored, rejected, confirmed]);

  // Invoices due more than the prescription period ago: flagged, the person decides.
  const notes = useMemo(() => {
    const map = new Map<number, string>();
    for (const row of invoiceCheck?.rows ?? []) {
      const due = row.dueDate ?? row.issueDate;
      if (prescriptionStatus({ dueDate: due, interruptions: [] }, today).state === 'expired')
        map.set(row.row, t('import.prescribed', { date: date(due) }));
    }
    return map;
  }, [invoiceCheck, today, t, date]);

  async function choose(): Promise<void> {
    setFileError(null);
    setRejected([]);
    setConfirmed(new Set());
    const file = await getPlatform().openFile(FILTERS);
    if (!file) return;
    try {
      const read = await readTableFile(file.name, file.content);
      setTable(read);
      setMapping(suggestMapping(kind, read.header));
    } catch (error) {
      setTable(null);
      setFileError(fileErrorText(t, file.name, error));
    }
  }

  async function commit(): Promise<void> {
    if (!checked || !table) return;
    setProgress({ done: 0, total: checked.rows.length });
    try {
      if (invoiceCheck) {
        const rows = invoiceCheck.rows;
        const result = await commitInvoiceRows(
          getDb(),
          rows,
          issues,
          table.name,
          (done, total) => setProgress({ done, total }),
          confirmed,
        );
        showToast({
          tone: 'success',
          message: t('import.done.invoices', {
            count: count(result.invoices),
            clients: count(result.clientsCreated),
          }),
        });
      } else if (clientCheck) {
        const done = await commitClientRows(getDb(), clientCheck.rows, issues, table.name);
        showToast({ tone: 'success', message: t('import.done.clients', { count: count(done) }) });
      }
      setTable(null);
    } catch (error) {
      if (!(error instanceof RowValidationError)) throw error;
      setRejected([...error.rowIssues]);
      showToast({
        tone: 'error',
        message: t('import.rejected', { count: count(error.rowIssues.length) }),
      });
    } finally {
      setProgress(null);
    }
  }

  const delimiterName: Record<string, string> = {
    ';': t('import.delimiter.semicolon'),
    ',': t('import.delimiter.comma'),
    '\t': t('import.delimiter.tab'),
    sheet: t('import.delimiter.sheet'),
  };

  return (
    <>
      <div className="card">
        <div className="toolbar">
          <div className="field">
            <label htmlFor="import-kind">{t('import.table.kind')}</label>
            <select
              id="import-kind"
              className="input"
              value={kind}
              onChange={(event) => {
                const next = event.target.value === 'clients' ? 'clients' : 'invoices';
                setKind(next);
                if (table) setMapping(suggestMapping(next, table.header));
              }}
            >
              <option value="invoices">{t('import.table.kind.invoices')}</option>
              <option value="clients">{t('import.table.kind.clients')}</option>
            </select>
          </div>
          <button type="button" className="button button--primary" onClick={() => void choose()}>
            {t('import.table.choose')}
          </button>
        </div>
        {fileError && (
          <p className="alert alert--error" role="alert">
            {fileError}
          </p>
        )}
        {!table && !fileError && <p className="screen__lead">{t('import.table.empty')}</p>}
        {table && formats && (
          <dl className="import-detected" aria-label={t('import.detected')}>
            <div>
              <dt>{t('import.detected.encoding')}</dt>
              <dd>{table.encoding === 'xlsx' ? 'Excel' : table.encoding.toUpperCase()}</dd>
            </div>
            <div>
              <dt>{t('import.detected.delimiter')}</dt>
              <dd>{delimiterName[table.delimiter] ?? table.delimiter}</dd>
            </div>
            <div>
              <dt>{t('import.detected.decimal')}</dt>
              <dd>
                {formats.decimal === ',' ? t('import.decimal.comma') : t('import.decimal.point')}
              </dd>
            </div>
            <div>
              <dt>{t('import.detected.dateFormat')}</dt>
              <dd>{formats.dateFormat}</dd>
            </div>
            <div>
              <dt>{t('import.detected.rows')}</dt>
              <dd>{count(table.rows.length)}</dd>
            </div>
          </dl>
        )}
      </div>
      {table && (
        <MappingForm
          kind={kind}
          header={table.header}
          mapping={mapping}
          presets={presets}
          onChange={(next) => {
            setRejected([]);
            setMapping(next);
          }}
          onSavePreset={(name) =>
            void savePreset(getDb(), { name, kind, mapping }).then(() =>
              showToast({ tone: 'success', message: t('import.preset.saved', { name }) }),
            )
          }
        />
      )}
      {table && checked && (
        <RowPreview
          table={table}
          notes={notes}
          questions={
            <PartyQuestions
              conflicts={parties}
              confirmed={confirmed}
              onConfirm={(taxId) => setConfirmed(new Set([...confirmed, taxId]))}
            />
          }
          issues={issues}
          validCount={checked.rows.length}
          progress={progress}
          onCommit={() => void commit()}
        />
      )}
    </>
  );
}
