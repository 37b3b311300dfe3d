// Open a dispute on an invoice: why and how much; that amount stops being chased.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { DISPUTE_REASONS, openDispute } from '../../db/disputes-repo';
import { useToday } from '../../app/use-today';
import { formatCentsInput } from '../../../../shared/domain/money';
import type { DisputeReason, InvoiceRecord } from '../../../../shared/domain/records';
import { tryCents } from '../ledger/invoice-draft';

export function DisputeFormDialog({
  invoice,
  onClose,
}: {
  invoice: InvoiceRecord;
  onClose: () => void;
}) {
  const t = useT();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showIssues, showError } = useFormErrors();
  const [reason, setReason] = useState<DisputeReason>('quality');
  const [amount, setAmount] = useState(
    formatCentsInput(invoice.outstandingCents - invoice.disputedCents),
  );
  const [note, setNote] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amountCents = tryCents(amount);
    if (amountCents === null) {
      showIssues([{ field: 'amountCents', code: 'amount_invalid' }]);
      return;
    }
    try {
      await openDispute(getDb(), {
        invoiceId: invoice.id,
        reason,
        amountCents,
        openedDate: today,
        note,
      });
      showToast({ tone: 'success', message: t('coll.dispute.saved') });
      onClose();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Dialog
      title={t('coll.dispute.title', { number: invoice.number })}
      onClose={onClose}
      testId="dispute-dialog"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <Field label={t('coll.dispute.reason')}>
            <select value={reason} onChange={(e) => setReason(e.target.value as DisputeReason)}>
              {DISPUTE_REASONS.map((value) => (
                <option key={value} value={value}>
                  {t(`coll.dispute.reason.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coll.dispute.amount')} error={errors.byField.amountCents}>
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <Field label={t('coll.dispute.note')} optional wide>
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </div>
        {errors.general && (
          <p className="alert alert--error" role="alert">
            {errors.general}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('coll.dispute.open')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
