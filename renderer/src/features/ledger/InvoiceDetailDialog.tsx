// One invoice: its figures, dues and credit notes, and what can happen to it next (its life).
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { StatusBadge } from '../../components/StatusBadge';
import { useT, translateIssue, useLanguage } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { getDb } from '../../db/database';
import { getInvoiceDetail, type InvoiceDetail } from '../../db/invoices/queries';
import { deleteCreditNote } from '../../db/invoices/credit-notes';
import { settleDues, settledCentsOf } from '../../../../shared/domain/invoice';
import { isValidationError } from '../../../../shared/domain/validation';
import {
  ConfirmLifeStep,
  CreditNoteForm,
  type DisputeToSettle,
  type LifeAction,
} from './InvoiceLifeSteps';

type Step = 'summary' | 'credit' | LifeAction;

function Figures({ detail }: { detail: InvoiceDetail }) {
  const t = useT();
  const { money, date } = useFormat();
  const { invoice } = detail;
  return (
    <dl
      className="summary-list"
      data-testid="invoice-figures"
      style={{ justifyContent: 'start', marginBottom: 'var(--space-4)' }}
    >
      <dt>{t('life.client')}</dt>
      <dd>{detail.clientName}</dd>
      <dt>{t('life.issueDate')}</dt>
      <dd>{date(invoice.issueDate)}</dd>
      <dt>{t('invoices.col.status')}</dt>
      <dd>
        <StatusBadge status={detail.state.status} inPlan={detail.state.inPlan} />
        {invoice.closedDate &&
          (invoice.lifecycle === 'written_off' || invoice.lifecycle === 'cancelled') && (
            <span className="screen__lead">
              {' '}
              {t(`life.closedDate.${invoice.lifecycle}`, { date: date(invoice.closedDate) })}
            </span>
          )}
      </dd>
      <dt>{t('life.payable')}</dt>
      <dd>{money(invoice.payableCents)}</dd>
      <dt>{t('life.paid')}</dt>
      <dd>{money(invoice.paidCents)}</dd>
      <dt>{t('life.credited')}</dt>
      <dd data-testid="invoice-credited">{money(invoice.creditedCents ?? 0)}</dd>
      <dt className="summary-list__strong">{t('life.outstanding')}</dt>
      <dd className="summary-list__strong" data-testid="invoice-outstanding">
        {money(invoice.outstandingCents)}
      </dd>
    </dl>
  );
}

function Dues({ detail }: { detail: InvoiceDetail }) {
  const t = useT();
  const { money, date } = useFormat();
  const dues = settleDues(detail.invoice.dues, settledCentsOf(detail.invoice));
  return (
    <>
      <h3>{t('life.dues')}</h3>
      <ul>
        {dues.map((due) => (
          <li key={due.dueDate}>
            {date(due.dueDate)}: {money(due.amountCents)}
            {due.outstandingCents !== due.amountCents &&
              ` · ${t('life.outstanding').toLowerCase()} ${money(due.outstandingCents)}`}
          </li>
        ))}
      </ul>
    </>
  );
}

function CreditNotes({ detail }: { detail: InvoiceDetail }) {
  const t = useT();
  const language = useLanguage();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  async function remove(id: string, number: string, amountCents: number) {
    if (
      !window.confirm(t('life.creditNotes.deleteConfirm', { number, amount: money(amountCents) }))
    )
      return;
    try {
      await deleteCreditNote(getDb(), id);
      showToast({ tone: 'success', message: t('life.creditNotes.deleted', { number }) });
    } catch (error) {
      const message = isValidationError(error)
        ? error.issues.map((issue) => translateIssue(language, issue)).join(' ')
        : t('error.generic', { message: String(error) });
      showToast({ tone: 'error', message });
    }
  }
  return (
    <>
      <h3>{t('life.creditNotes')}</h3>
      {detail.creditNotes.length === 0 ? (
        <p className="screen__lead">{t('life.creditNotes.none')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="table" data-testid="credit-notes">
            <thead>
              <tr>
                <th scope="col">{t('life.creditNotes.col.number')}</th>
                <th scope="col">{t('life.creditNotes.col.date')}</th>
                <th scope="col" className="num">
                  {t('life.creditNotes.col.amount')}
                </th>
                <th scope="col">{t('life.creditNotes.col.reason')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('life.creditNotes.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.creditNotes.map((note) => (
                <tr key={note.id}>
                  <td>
                    {note.number}
                    {note.source === 'import' && ` (${t('life.creditNotes.imported')})`}
                  </td>
                  <td>{date(note.date)}</td>
                  <td className="num">{money(note.amountCents)}</td>
                  <td style={{ whiteSpace: 'normal' }}>{note.reason}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => void remove(note.id, note.number, note.amountCents)}
                    >
                      {t('life.creditNotes.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Actions({ detail, onStep }: { detail: InvoiceDetail; onStep: (step: Step) => void }) {
  const t = useT();
  const openDialog = useUiStore((state) => state.openDialog);
  const { invoice } = detail;
  const owes = invoice.outstandingCents > 0;
  const issued = invoice.lifecycle === 'issued';
  const closed = invoice.lifecycle === 'written_off' || invoice.lifecycle === 'cancelled';
  const creditable = owes && (issued || invoice.lifecycle === 'written_off');
  return (
    <div className="toolbar" role="group" aria-label={t('life.actions')}>
      <button
        type="button"
        className="button"
        onClick={() =>
          openDialog({ kind: 'invoice', clientId: invoice.clientId, invoiceId: invoice.id })
        }
      >
        {t('life.action.edit')}
      </button>
      {creditable && (
        <button type="button" className="button" onClick={() => onStep('credit')}>
          {t('life.action.credit')}
        </button>
      )}
      {issued && owes && (
        <button type="button" className="button" onClick={() => onStep('writeOff')}>
          {t('life.action.writeOff')}
        </button>
      )}
      {issued && (
        <button type="button" className="button button--danger" onClick={() => onStep('cancel')}>
          {t('life.action.cancel')}
        </button>
      )}
      {closed && (
        <button type="button" className="button" onClick={() => onStep('reopen')}>
          {t('life.action.reopen')}
        </button>
      )}
    </div>
  );
}

export function InvoiceDetailDialog({
  invoiceId,
  settleDispute,
}: {
  invoiceId: string;
  settleDispute?: DisputeToSettle;
}) {
  const t = useT();
  const closeDialog = useUiStore((state) => state.closeDialog);
  const today = useToday();
  const detail = useLiveQuery(
    () => getInvoiceDetail(getDb(), invoiceId, today),
    [invoiceId, today],
  );
  const [step, setStep] = useState<Step>(settleDispute ? 'credit' : 'summary');
  const title = detail ? t('life.title', { number: detail.invoice.number }) : t('invoices.title');
  return (
    <Dialog title={title} onClose={closeDialog} testId="invoice-detail">
      {detail === undefined ? (
        <p>{t('common.loading')}</p>
      ) : detail === null ? (
        <p>{t('issue.not_found')}</p>
      ) : step === 'summary' ? (
        <>
          <Figures detail={detail} />
          <Actions detail={detail} onStep={setStep} />
          <Dues detail={detail} />
          <CreditNotes detail={detail} />
        </>
      ) : step === 'credit' ? (
        <CreditNoteForm
          invoice={detail.invoice}
          settleDispute={settleDispute}
          onDone={() => setStep('summary')}
        />
      ) : (
        <ConfirmLifeStep action={step} invoice={detail.invoice} onDone={() => setStep('summary')} />
      )}
    </Dialog>
  );
}
