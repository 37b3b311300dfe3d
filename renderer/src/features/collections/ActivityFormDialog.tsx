// Log a contact (call, email, visit…) with its outcome, the next follow-up and, if made, a promise.
import { FormFooter } from '../../components/FormFooter';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { ACTIVITY_KINDS, logActivity } from '../../db/activities-repo';
import { useToday } from '../../app/use-today';
import { formatDate } from '../../../../shared/domain/dates';
import { formatCentsInput } from '../../../../shared/domain/money';
import type { ActivityKind, InvoiceRecord } from '../../../../shared/domain/records';
import type { FieldIssue } from '../../../../shared/domain/validation';
import { tryCents, tryDate } from '../ledger/invoice-draft';
import './collections.css';

interface Props {
  client: { id: string; name: string };
  /** The client's open invoices, for the invoice picker and the promise's default amount. */
  invoices: InvoiceRecord[];
  withPromise: boolean;
  onClose: () => void;
}

export function ActivityFormDialog({ client, invoices, withPromise, onClose }: Props) {
  const t = useT();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showIssues, showError } = useFormErrors();
  const owed = invoices.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
  const [draft, setDraft] = useState({
    kind: 'call' as ActivityKind,
    date: formatDate(today),
    invoiceId: '',
    who: '',
    outcome: '',
    text: '',
    followUp: '',
    promise: withPromise,
    promiseAmount: owed > 0 ? formatCentsInput(owed) : '',
    promiseDate: '',
  });
  const set = (change: Partial<typeof draft>) => setDraft((old) => ({ ...old, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const issues: FieldIssue[] = [];
    const date = tryDate(draft.date);
    if (date === null) issues.push({ field: 'date', code: 'date_invalid' });
    const followUp = draft.followUp.trim() === '' ? null : tryDate(draft.followUp);
    if (followUp === null && draft.followUp.trim() !== '') {
      issues.push({ field: 'followUpDate', code: 'date_invalid' });
    }
    const amount = tryCents(draft.promiseAmount);
    const promised = tryDate(draft.promiseDate);
    if (draft.promise) {
      if (amount === null) issues.push({ field: 'promise.amountCents', code: 'amount_invalid' });
      if (promised === null) {
        issues.push({
          field: 'promise.promisedDate',
          code: draft.promiseDate.trim() ? 'date_invalid' : 'required',
        });
      }
    }
    if (issues.length > 0) {
      showIssues(issues);
      return;
    }
    const invoiceId = draft.invoiceId || null;
    try {
      await logActivity(getDb(), {
        clientId: client.id,
        invoiceId,
        kind: draft.kind,
        date: date ?? today,
        who: draft.who,
        outcome: draft.outcome,
        text: draft.text,
        followUpDate: followUp,
        promise: draft.promise
          ? {
              invoiceIds: invoiceId ? [invoiceId] : invoices.map((invoice) => invoice.id),
              amountCents: amount ?? 0,
              promisedDate: promised ?? '',
            }
          : null,
      });
      showToast({ tone: 'success', message: t('coll.activity.saved') });
      onClose();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Dialog
      title={t('coll.activity.title', { name: client.name })}
      onClose={onClose}
      testId="activity-dialog"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <Field label={t('coll.activity.kind')}>
            <select
              value={draft.kind}
              onChange={(e) => set({ kind: e.target.value as ActivityKind })}
            >
              {ACTIVITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`coll.activity.kind.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coll.activity.date')} error={errors.byField.date}>
            <input value={draft.date} onChange={(e) => set({ date: e.target.value })} />
          </Field>
          <Field label={t('coll.activity.who')} optional>
            <input value={draft.who} onChange={(e) => set({ who: e.target.value })} />
          </Field>
          <Field label={t('coll.activity.invoice')} optional>
            <select value={draft.invoiceId} onChange={(e) => set({ invoiceId: e.target.value })}>
              <option value="">{t('coll.activity.allInvoices')}</option>
              {invoices.map((invoice) => (
                <option key={invoice.id} value={invoice.id}>
                  {invoice.number}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coll.activity.outcome')} optional wide error={errors.byField.outcome}>
            <input value={draft.outcome} onChange={(e) => set({ outcome: e.target.value })} />
          </Field>
          <Field label={t('coll.activity.text')} optional wide error={errors.byField.text}>
            <textarea rows={3} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          </Field>
          <Field
            label={t('coll.activity.followUp')}
            optional
            hint={t('coll.activity.followUpHint')}
            error={errors.byField.followUpDate}
          >
            <input
              value={draft.followUp}
              placeholder="dd/mm/aaaa"
              onChange={(e) => set({ followUp: e.target.value })}
            />
          </Field>
        </div>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={draft.promise}
            onChange={(e) => set({ promise: e.target.checked })}
          />
          {t('coll.activity.withPromise')}
        </label>
        {draft.promise && (
          <div className="form-grid">
            <Field
              label={t('coll.activity.promiseAmount')}
              error={errors.byField['promise.amountCents']}
            >
              <input
                inputMode="decimal"
                value={draft.promiseAmount}
                onChange={(e) => set({ promiseAmount: e.target.value })}
              />
            </Field>
            <Field
              label={t('coll.activity.promiseDate')}
              error={errors.byField['promise.promisedDate']}
            >
              <input
                value={draft.promiseDate}
                placeholder="dd/mm/aaaa"
                onChange={(e) => set({ promiseDate: e.target.value })}
              />
            </Field>
          </div>
        )}
        <FormFooter error={errors.general} saving={false} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
