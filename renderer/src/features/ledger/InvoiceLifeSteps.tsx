// The steps of an invoice's life inside its dialog: a credit note form and the confirmations.
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { getDb } from '../../db/database';
import { writeOffInvoice } from '../../db/invoices-repo';
import { cancelInvoice, reopenInvoice } from '../../db/invoices/invoice-life';
import { createCreditNote } from '../../db/invoices/credit-notes';
import { resolveDisputeByCreditNote } from '../../db/disputes-repo';
import { formatDate } from '../../../../shared/domain/dates';
import { formatCentsInput } from '../../../../shared/domain/money';
import type { InvoiceRecord } from '../../../../shared/domain/records';
import type { FieldIssue } from '../../../../shared/domain/validation';
import { tryCents, tryDate } from './invoice-draft';

export type LifeAction = 'writeOff' | 'cancel' | 'reopen';

const RUN: Record<LifeAction, (id: string, today: string) => Promise<InvoiceRecord>> = {
  writeOff: (id, today) => writeOffInvoice(getDb(), id, { date: today }),
  cancel: (id, today) => cancelInvoice(getDb(), id, { date: today }),
  reopen: (id) => reopenInvoice(getDb(), id),
};

/** A destructive or state-changing action says in plain words what it does before it runs. */
export function ConfirmLifeStep(props: {
  action: LifeAction;
  invoice: InvoiceRecord;
  onDone: () => void;
}) {
  const { action, invoice, onDone } = props;
  const t = useT();
  const today = useToday();
  const { money } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const amount = money(action === 'cancel' ? invoice.payableCents : invoice.outstandingCents);

  async function run() {
    setSaving(true);
    try {
      await RUN[action](invoice.id, today);
      showToast({ tone: 'success', message: t(`life.done.${action}`, { number: invoice.number }) });
      onDone();
    } catch (error) {
      showError(error, ['id', 'lifecycle', 'planId']);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div data-testid={`life-confirm-${action}`}>
      <h3>{t(`life.confirm.${action}`, { number: invoice.number, amount })}</h3>
      <p className="alert alert--warning">{t(`life.explain.${action}`)}</p>
      {errors.general && (
        <p className="alert alert--error" role="alert">
          {errors.general}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('life.back')}
        </button>
        <button
          type="button"
          className={action === 'reopen' ? 'button button--primary' : 'button button--danger'}
          disabled={saving}
          onClick={() => void run()}
        >
          {t(`life.action.${action}`)}
        </button>
      </div>
    </div>
  );
}

/** Factura rectificativa: total (the outstanding, proposed) or partial. */
/** A dispute the credit note settles: its amount and reason fill the form. */
export interface DisputeToSettle {
  id: string;
  amountCents: number;
  reason: string;
}

export function CreditNoteForm({
  invoice,
  settleDispute,
  onDone,
}: {
  invoice: InvoiceRecord;
  settleDispute?: DisputeToSettle;
  onDone: () => void;
}) {
  const t = useT();
  const today = useToday();
  const { money, locale } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showIssues, showError } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [number, setNumber] = useState(`R-${invoice.number}`);
  const [date, setDate] = useState(formatDate(today, locale));
  const [amount, setAmount] = useState(
    formatCentsInput(
      Math.min(settleDispute?.amountCents ?? invoice.outstandingCents, invoice.outstandingCents),
    ),
  );
  const [reason, setReason] = useState(settleDispute?.reason ?? '');

  async function save(event: FormEvent) {
    event.preventDefault();
    const amountCents = tryCents(amount);
    const isoDate = tryDate(date);
    const issues: FieldIssue[] = [];
    if (amountCents === null) {
      issues.push({ field: 'amountCents', code: amount.trim() ? 'amount_invalid' : 'required' });
    }
    if (isoDate === null) {
      issues.push({ field: 'date', code: date.trim() ? 'date_invalid' : 'required' });
    }
    if (amountCents === null || isoDate === null) {
      showIssues(issues);
      return;
    }
    setSaving(true);
    try {
      const credit = { number, date: isoDate, amountCents, reason };
      if (settleDispute) {
        await resolveDisputeByCreditNote(getDb(), settleDispute.id, credit);
        showToast({ tone: 'success', message: t('life.done.disputeCredit', { number }) });
      } else {
        const result = await createCreditNote(getDb(), { invoiceId: invoice.id, ...credit });
        showToast({
          tone: 'success',
          message: t('life.done.credit', {
            number: result.note.number,
            outstanding: money(result.invoice.outstandingCents),
          }),
        });
      }
      onDone();
    } catch (error) {
      showError(error, ['lifecycle', 'planId']);
    } finally {
      setSaving(false);
    }
  }

  const e = errors.byField;
  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="credit-note-form">
      <p className="alert alert--info">
        {t(settleDispute ? 'life.explain.disputeCredit' : 'life.explain.credit')}
      </p>
      <div className="form-grid">
        <Field label={t('life.credit.number')} error={e.number}>
          <input value={number} onChange={(ev) => setNumber(ev.target.value)} />
        </Field>
        <Field label={t('life.credit.date')} error={e.date}>
          <input
            value={date}
            onChange={(ev) => setDate(ev.target.value)}
            placeholder="dd/mm/aaaa"
          />
        </Field>
        <div>
          <Field label={t('life.credit.amount')} error={e.amountCents}>
            <input
              value={amount}
              inputMode="decimal"
              onChange={(ev) => setAmount(ev.target.value)}
            />
          </Field>
          <button
            type="button"
            className="button button--link"
            onClick={() => setAmount(formatCentsInput(invoice.outstandingCents))}
          >
            {t('life.credit.total', { amount: money(invoice.outstandingCents) })}
          </button>
        </div>
        <Field label={t('life.credit.reason')} optional wide>
          <input value={reason} onChange={(ev) => setReason(ev.target.value)} />
        </Field>
      </div>
      {errors.general && (
        <p className="alert alert--error" role="alert" style={{ marginTop: 'var(--space-4)' }}>
          {errors.general}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('life.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('life.credit.save')}
        </button>
      </div>
    </form>
  );
}
