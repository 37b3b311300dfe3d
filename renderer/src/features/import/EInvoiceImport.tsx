// Facturae and UBL files: shows the invoices found, then imports the ones in euros and the credit
// notes that name the invoice they correct.
import { fileErrorText } from './file-error-text';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { getDb } from '../../db/database';
import { getPlatform } from '../../platform';
import {
  RowValidationError,
  commitEInvoices,
  findPartyConflicts,
  type PartyConflict,
} from '../../db/import-repo';
import { getCompanyProfile } from '../../db/settings-repo';
import { foreignSellerOf, readEInvoiceFile, type EInvoiceLine } from './einvoice-drafts';
import { PartyQuestions } from './PartyQuestions';
import { useToday } from '../../app/use-today';
import { prescriptionStatus } from '../../../../shared/domain/prescription';
import { useRowIssueText } from './row-issue-text';

const FILTERS = [{ name: 'Facturae / UBL', extensions: ['xml', 'xsig'] }];

export function EInvoiceImport() {
  const t = useT();
  const { money, date, count } = useFormat();
  const describe = useRowIssueText();
  const showToast = useUiStore((state) => state.showToast);
  const today = useToday();
  const company = useLiveQuery(() => getCompanyProfile(getDb()), []);
  const [file, setFile] = useState<{
    name: string;
    lines: EInvoiceLine[];
    parties: PartyConflict[];
  } | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const importable = file?.lines.filter((line) => line.skip === null) ?? [];
  const credits = file?.lines.flatMap((line) => (line.credit ? [line.credit] : [])) ?? [];
  const unanswered = (file?.parties ?? []).filter((row) => !confirmed.has(row.taxId)).length;
  const prescribed = useMemo(
    () =>
      new Set(
        (file?.lines ?? [])
          .filter(({ draft }) => {
            const due = draft.dues[0]?.dueDate ?? draft.issueDate;
            return (
              prescriptionStatus({ dueDate: due, interruptions: [] }, today).state === 'expired'
            );
          })
          .map(({ draft }) => draft.number),
      ),
    [file, today],
  );

  async function choose(): Promise<void> {
    setError(null);
    setConfirmed(new Set());
    const opened = await getPlatform().openFile(FILTERS);
    if (!opened) return;
    try {
      const lines = readEInvoiceFile(opened.content);
      // Only invoices we issued come in: a file from a supplier is not a receivable.
      const profile = company ?? (await getCompanyProfile(getDb()));
      const foreign = foreignSellerOf(lines, profile.taxId);
      if (foreign) {
        setFile(null);
        setError(
          t('import.einvoice.foreignSeller', {
            file: opened.name,
            seller: foreign.name,
            sellerTaxId: foreign.taxId,
            company: profile.name,
            companyTaxId: profile.taxId,
          }),
        );
        return;
      }
      const parties = await findPartyConflicts(
        getDb(),
        lines.map(({ draft }, index) => ({ ...draft, row: index + 1 })),
      );
      setFile({ name: opened.name, lines, parties });
    } catch (caught) {
      setFile(null);
      setError(fileErrorText(t, opened.name, caught));
    }
  }

  async function commit(): Promise<void> {
    if (!file) return;
    try {
      const result = await commitEInvoices(
        getDb(),
        importable.map((line) => line.draft),
        file.name,
        credits,
        confirmed,
      );
      const params = {
        count: count(result.invoices),
        credits: count(result.creditNotes ?? 0),
        clients: count(result.clientsCreated),
      };
      showToast({
        tone: 'success',
        message:
          credits.length > 0 ? t('import.done.credits', params) : t('import.done.invoices', params),
      });
      setFile(null);
    } catch (caught) {
      if (!(caught instanceof RowValidationError)) throw caught;
      setError(caught.rowIssues.map(describe).join(' · '));
    }
  }

  return (
    <div className="card">
      <p className="screen__lead">{t('import.einvoice.intro')}</p>
      <div className="toolbar" style={{ marginBottom: 'var(--space-3)' }}>
        <button type="button" className="button button--primary" onClick={() => void choose()}>
          {t('import.einvoice.choose')}
        </button>
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {!file && !error && <p>{t('import.einvoice.empty')}</p>}
      {company && company.taxId.trim() === '' && (
        <p className="stat__hint">{t('import.einvoice.noCompany')}</p>
      )}
      {file && (
        <>
          <PartyQuestions
            conflicts={file.parties}
            confirmed={confirmed}
            onConfirm={(taxId) => setConfirmed(new Set([...confirmed, taxId]))}
          />
          <table className="table import-recon">
            <thead>
              <tr>
                <th scope="col">{t('import.col.number')}</th>
                <th scope="col">{t('import.col.client')}</th>
                <th scope="col">{t('import.col.issueDate')}</th>
                <th scope="col">{t('import.col.total')}</th>
                <th scope="col">{t('import.col.withholding')}</th>
                <th scope="col">{t('import.col.payable')}</th>
                <th scope="col">{t('import.col.dues')}</th>
              </tr>
            </thead>
            <tbody>
              {file.lines.map(({ draft, skip, credit }) => (
                <tr key={`${draft.clientTaxId}-${draft.number}`}>
                  <td>{draft.number}</td>
                  <td>
                    {draft.clientName} ({draft.clientTaxId})
                  </td>
                  <td>
                    {date(draft.issueDate)}
                    {prescribed.has(draft.number) && (
                      <div className="badge" data-testid="import-prescribed">
                        {t('import.prescribed', {
                          date: date(draft.dues[0]?.dueDate ?? draft.issueDate),
                        })}
                      </div>
                    )}
                  </td>
                  <td>{money(draft.totalCents)}</td>
                  <td>{money(draft.withholdingCents)}</td>
                  <td>
                    {money(draft.payableCents)}
                    {credit && (
                      <div className="badge" data-testid="einvoice-credit">
                        {t('import.einvoice.creditFor', { number: credit.correctsNumber })}
                      </div>
                    )}
                    {skip === 'credit_note' && !credit && (
                      <div className="badge">{t('import.einvoice.creditNote')}</div>
                    )}
                    {skip !== null && skip !== 'credit_note' && (
                      <div className="badge">
                        {t('import.einvoice.foreign', { currency: skip.currency })}
                      </div>
                    )}
                  </td>
                  <td>
                    {draft.dues.map((due) => (
                      <div key={due.dueDate}>
                        {date(due.dueDate)}: {money(due.amountCents)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
            <button
              type="button"
              className="button button--primary"
              disabled={(importable.length === 0 && credits.length === 0) || unanswered > 0}
              onClick={() => void commit()}
            >
              {credits.length > 0
                ? t('import.einvoice.commitWithCredits', {
                    count: count(importable.length),
                    credits: count(credits.length),
                  })
                : t('import.einvoice.commit', { count: count(importable.length) })}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
