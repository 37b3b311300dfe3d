// Record money received: how much, when, and which invoices it settles (oldest first or chosen).
import { useEffect, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { translateIssue, useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getClientDetail, listClients } from '../../db/queries';
import {
  previewPayment,
  recordPayment,
  type PaymentInput,
  type PaymentPreview,
} from '../../db/payments-repo';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { formatDate } from '../../../../shared/domain/dates';
import type { FieldIssue } from '../../../../shared/domain/validation';
import type { PaymentMethod } from '../../../../shared/domain/records';
import { tryCents, tryDate } from '../ledger/invoice-draft';

const METHODS: PaymentMethod[] = ['transfer', 'direct_debit', 'card', 'cash', 'cheque', 'other'];

interface PaymentDraft {
  clientId: string;
  date: string;
  amount: string;
  method: PaymentMethod;
  reference: string;
  note: string;
  mode: 'oldest_first' | 'chosen';
  chosen: Record<string, string>;
  keepExcessAsCredit: boolean;
}

function parseDraft(draft: PaymentDraft): { input: PaymentInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amountCents = tryCents(draft.amount);
  const date = tryDate(draft.date);
  if (!draft.clientId) issues.push({ field: 'clientId', code: 'required' });
  if (amountCents === null)
    issues.push({
      field: 'amountCents',
      code: draft.amount.trim() ? 'amount_invalid' : 'required',
    });
  if (date === null)
    issues.push({ field: 'date', code: draft.date.trim() ? 'date_invalid' : 'required' });
  const items = Object.entries(draft.chosen)
    .filter(([, text]) => text.trim() !== '')
    .map(([invoiceId, text]) => {
      const cents = tryCents(text);
      if (cents === null) issues.push({ field: `chosen.${invoiceId}`, code: 'amount_invalid' });
      return { invoiceId, amountCents: cents ?? 0 };
    });
  return {
    input: {
      clientId: draft.clientId,
      date: date ?? '',
      amountCents: amountCents ?? 0,
      method: draft.method,
      reference: draft.reference.trim(),
      note: draft.note.trim(),
      allocation:
        draft.mode === 'oldest_first' ? { mode: 'oldest_first' } : { mode: 'chosen', items },
      keepExcessAsCredit: draft.keepExcessAsCredit,
    },
    issues,
  };
}

function usePreview(draft: PaymentDraft): PaymentPreview | null {
  const [answer, setAnswer] = useState<{
    draft: PaymentDraft;
    preview: PaymentPreview | null;
  } | null>(null);
  useEffect(() => {
    const { input, issues } = parseDraft(draft);
    if (issues.length > 0) return;
    let current = true;
    previewPayment(getDb(), { ...input, keepExcessAsCredit: true })
      .then((preview) => current && setAnswer({ draft, preview }))
      .catch(() => current && setAnswer({ draft, preview: null }));
    return () => {
      current = false;
    };
  }, [draft]);
  // An answer for an older draft is stale: show nothing rather than the wrong allocation.
  return answer?.draft === draft ? answer.preview : null;
}

function PaymentForm({ initialClientId }: { initialClientId: string | null }) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const { money, date: formatShortDate, locale } = useFormat();
  const closeDialog = useUiStore((state) => state.closeDialog);
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showIssues, showError } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [draft, setDraft] = useState<PaymentDraft>(() => ({
    clientId: initialClientId ?? '',
    date: formatDate(today, locale),
    amount: '',
    method: 'transfer',
    reference: '',
    note: '',
    mode: 'oldest_first',
    chosen: {},
    keepExcessAsCredit: false,
  }));
  const update = (patch: Partial<PaymentDraft>) =>
    setDraft((current) => ({ ...current, ...patch }));

  const clients = useLiveQuery(() => listClients(getDb()), []);
  const detail = useLiveQuery(
    () =>
      draft.clientId
        ? getClientDetail(getDb(), draft.clientId).then((d) => d ?? null)
        : Promise.resolve(null),
    [draft.clientId],
  );
  const openInvoices = (detail?.invoices ?? [])
    .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
    .sort((a, b) => (a.nextDueDate ?? '').localeCompare(b.nextDueDate ?? ''));
  const preview = usePreview(draft);
  const excess = preview && preview.issues.length === 0 ? preview.unallocatedCents : 0;
  const previewIssues = preview?.issues ?? [];
  const numberOf = new Map(openInvoices.map((invoice) => [invoice.id, invoice.number]));

  async function save(event: FormEvent) {
    event.preventDefault();
    const { input, issues } = parseDraft(draft);
    if (issues.length > 0) {
      showIssues(issues);
      return;
    }
    setSaving(true);
    try {
      await recordPayment(getDb(), input);
      closeDialog();
      showToast({
        tone: 'success',
        message: t('payments.recorded', { amount: money(input.amountCents) }),
      });
    } catch (error) {
      showError(error, ['allocation', 'amountCents']);
    } finally {
      setSaving(false);
    }
  }

  const e = errors.byField;
  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <div className="form-grid">
        <Field label={t('payments.field.client')} error={e.clientId} wide>
          <select
            value={draft.clientId}
            onChange={(ev) => update({ clientId: ev.target.value, chosen: {} })}
          >
            <option value="">{t('invoices.selectClient')}</option>
            {(clients ?? []).map((client) => (
              <option key={client.id} value={client.id}>
                {client.name} ({client.taxId})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('payments.field.amount')} error={e.amountCents}>
          <input
            value={draft.amount}
            inputMode="decimal"
            autoFocus
            onChange={(ev) => update({ amount: ev.target.value, keepExcessAsCredit: false })}
          />
        </Field>
        <Field label={t('payments.field.date')} error={e.date}>
          <input
            value={draft.date}
            onChange={(ev) => update({ date: ev.target.value })}
            placeholder="dd/mm/aaaa"
          />
        </Field>
        <Field label={t('payments.field.method')}>
          <select
            value={draft.method}
            onChange={(ev) => update({ method: ev.target.value as PaymentMethod })}
          >
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`payments.method.${method}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('payments.field.reference')} optional>
          <input
            value={draft.reference}
            onChange={(ev) => update({ reference: ev.target.value })}
          />
        </Field>
        <Field label={t('payments.field.note')} optional wide>
          <input value={draft.note} onChange={(ev) => update({ note: ev.target.value })} />
        </Field>
      </div>

      <fieldset className="card" style={{ marginTop: 'var(--space-4)', boxShadow: 'none' }}>
        <legend className="field__label">{t('payments.allocation')}</legend>
        {draft.clientId && openInvoices.length === 0 && detail !== undefined ? (
          <p className="screen__lead">{t('payments.allocation.nothingOpen')}</p>
        ) : null}
        <label>
          <input
            type="radio"
            name="mode"
            checked={draft.mode === 'oldest_first'}
            onChange={() => update({ mode: 'oldest_first' })}
          />{' '}
          {t('payments.allocation.oldest')}
        </label>{' '}
        <label style={{ marginLeft: 'var(--space-4)' }}>
          <input
            type="radio"
            name="mode"
            checked={draft.mode === 'chosen'}
            onChange={() => update({ mode: 'chosen' })}
          />{' '}
          {t('payments.allocation.chosen')}
        </label>
        {draft.mode === 'chosen' && openInvoices.length > 0 && (
          <table className="table" style={{ marginTop: 'var(--space-3)' }}>
            <thead>
              <tr>
                <th scope="col">{t('invoices.col.number')}</th>
                <th scope="col">{t('invoices.col.nextDue')}</th>
                <th scope="col" className="num">
                  {t('invoices.col.outstanding')}
                </th>
                <th scope="col">{t('payments.field.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {openInvoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td>{invoice.number}</td>
                  <td>{formatShortDate(invoice.nextDueDate)}</td>
                  <td className="num">{money(invoice.outstandingCents)}</td>
                  <td>
                    <input
                      className="input"
                      aria-label={`${t('payments.field.amount')} ${invoice.number}`}
                      inputMode="decimal"
                      value={draft.chosen[invoice.id] ?? ''}
                      onChange={(ev) =>
                        update({ chosen: { ...draft.chosen, [invoice.id]: ev.target.value } })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {preview && preview.allocations.length > 0 && (
          <div style={{ marginTop: 'var(--space-3)' }} data-testid="payment-preview">
            <div className="field__label">{t('payments.allocation.preview')}</div>
            <ul className="list-plain">
              {preview.allocations.map((item) => (
                <li key={item.invoiceId}>
                  <span>{numberOf.get(item.invoiceId) ?? item.invoiceId}</span>
                  <span>{money(item.amountCents)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {previewIssues.length > 0 && (
          <p className="alert alert--error" style={{ marginTop: 'var(--space-3)' }}>
            {previewIssues.map((issue) => translateIssue(language, issue)).join(' ')}
          </p>
        )}
        {excess > 0 && (
          <div className="alert alert--warning" style={{ marginTop: 'var(--space-3)' }}>
            <p style={{ margin: 0 }}>{t('payments.excess', { excess: money(excess) })}</p>
            <label>
              <input
                type="checkbox"
                checked={draft.keepExcessAsCredit}
                onChange={(ev) => update({ keepExcessAsCredit: ev.target.checked })}
              />{' '}
              {t('payments.keepCredit', { excess: money(excess) })}
            </label>
          </div>
        )}
      </fieldset>

      <FormFooter error={errors.general} saving={saving} onCancel={closeDialog} />
    </form>
  );
}

export function PaymentFormDialog({ clientId }: { clientId: string | null }) {
  const t = useT();
  const closeDialog = useUiStore((state) => state.closeDialog);
  return (
    <Dialog title={t('payments.new')} onClose={closeDialog} testId="payment-dialog">
      <PaymentForm initialClientId={clientId} />
    </Dialog>
  );
}
