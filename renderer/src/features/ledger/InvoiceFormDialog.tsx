// Create or edit an invoice with its taxes and due dates that must add up to the payable; an edit
// of a paid, credited or planned invoice first says what it changes.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { useFormErrors } from '../../components/use-form-errors';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { createInvoice, previewInvoiceEdit, updateInvoice } from '../../db/invoices-repo';
import { listClients } from '../../db/queries';
import { getInvoice } from '../../db/invoices/queries';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { navigate, parseRoute } from '../../app/router';
import { invoicesWithNumberElsewhere, proposeInvoiceNumber } from '../../db/invoices/numbering';
import { CreditLimitWarning } from '../collections/CreditLimitWarning';
import { formatDate } from '../../../../shared/domain/dates';
import { computeInvoiceAmounts } from '../../../../shared/domain/invoice';
import type { ClientRecord, InvoiceRecord } from '../../../../shared/domain/records';
import type { InvoiceEditEffect } from '../../../../shared/domain/invoice-life';
import {
  VAT_RATES,
  WITHHOLDING_RATES,
  addDue,
  parseInvoiceDraft,
  splitDuesEvenly,
  tryCents,
  withAutomaticDue,
  type InvoiceDraft,
} from './invoice-draft';
import { draftOfInvoice, withRate } from './invoice-edit-draft';
import { EditEffects } from './EditEffects';

function InvoiceForm({
  clients,
  initialClientId,
  editing,
  proposedNumber,
}: {
  clients: ClientRecord[];
  initialClientId: string | null;
  editing: InvoiceRecord | null;
  /** A new invoice starts with the next number of the series (db/invoices/numbering.ts). */
  proposedNumber: string;
}) {
  const t = useT();
  const today = useToday();
  const { money, locale } = useFormat();
  const closeDialog = useUiStore((state) => state.closeDialog);
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showIssues, showError, clear } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const termOf = (clientId: string) =>
    clients.find((c) => c.id === clientId)?.paymentTermDays ?? 30;
  const openDialog = useUiStore((state) => state.openDialog);
  const [effects, setEffects] = useState<InvoiceEditEffect[] | null>(null);
  const [draft, setDraftState] = useState<InvoiceDraft>(() =>
    editing
      ? draftOfInvoice(editing, locale)
      : withAutomaticDue(
          {
            clientId: initialClientId ?? '',
            number: proposedNumber,
            issueDate: formatDate(today, locale),
            description: '',
            taxableBase: '',
            vatRatePercent: '21',
            withholdingRatePercent: '0',
            dues: [],
            duesTouched: false,
          },
          termOf(initialClientId ?? ''),
          locale,
        ),
  );

  // Numbered per series across all clients: the same number for another client is a warning.
  const elsewhere = useLiveQuery(
    () => invoicesWithNumberElsewhere(getDb(), draft.number, draft.clientId),
    [draft.number, draft.clientId],
  )?.filter((row) => row.invoiceId !== editing?.id);

  // Any change after a warning needs a fresh look at its effects.
  const setDraft: typeof setDraftState = (next) => {
    setEffects(null);
    setDraftState(next);
  };
  const update = (patch: Partial<InvoiceDraft>) =>
    setDraft((current) => {
      const next = { ...current, ...patch };
      return withAutomaticDue(next, termOf(next.clientId), locale);
    });
  const updateDue = (index: number, patch: Partial<InvoiceDraft['dues'][number]>) =>
    setDraft((current) => ({
      ...current,
      duesTouched: true,
      dues: current.dues.map((due, i) => (i === index ? { ...due, ...patch } : due)),
    }));

  const base = tryCents(draft.taxableBase);
  const amounts =
    base === null
      ? null
      : computeInvoiceAmounts({
          taxableBaseCents: base,
          vatRatePercent: Number(draft.vatRatePercent),
          withholdingRatePercent: Number(draft.withholdingRatePercent),
        });
  const duesSum = draft.dues.reduce((sum, due) => sum + (tryCents(due.amount) ?? 0), 0);
  const duesMismatch = amounts !== null && duesSum !== amounts.payableCents;

  async function save(event: FormEvent) {
    event.preventDefault();
    const { input, issues } = parseInvoiceDraft(draft);
    if (issues.length > 0) {
      showIssues(issues);
      return;
    }
    setSaving(true);
    try {
      if (editing) {
        const edit = {
          ...input,
          lifecycle: editing.lifecycle === 'draft' ? 'draft' : 'issued',
        } as const;
        if (effects === null) {
          const found = await previewInvoiceEdit(getDb(), editing.id, edit);
          if (found.length > 0) {
            clear();
            setEffects(found);
            return;
          }
        }
        const invoice = await updateInvoice(getDb(), editing.id, edit);
        showToast({ tone: 'success', message: t('life.edit.saved', { number: invoice.number }) });
        openDialog({ kind: 'invoiceDetail', invoiceId: invoice.id });
        return;
      }
      const invoice = await createInvoice(getDb(), input);
      closeDialog();
      showToast({ tone: 'success', message: t('invoices.created', { number: invoice.number }) });
      // Started from Facturas (or Hoy) the person stays there; from a client page, the page of
      // the client the invoice went to.
      const route = parseRoute(window.location.hash);
      if (route.screen === 'client' && route.clientId !== invoice.clientId) {
        navigate({ screen: 'client', clientId: invoice.clientId });
      }
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  }

  const e = errors.byField;
  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <div className="form-grid">
        <Field label={t('invoices.field.client')} error={e.clientId} wide>
          <select value={draft.clientId} onChange={(ev) => update({ clientId: ev.target.value })}>
            <option value="">{t('invoices.selectClient')}</option>
            {clients.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name} ({client.taxId})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('invoices.field.number')} error={e.number}>
          <input
            value={draft.number}
            onChange={(ev) => update({ number: ev.target.value })}
            placeholder={proposedNumber || '2026-001'}
            title={proposedNumber ? t('invoices.number.proposed') : undefined}
          />
        </Field>
        {elsewhere && elsewhere.length > 0 && (
          <p className="alert alert--warning field--wide" data-testid="invoice-number-elsewhere">
            {t('invoices.number.elsewhere', {
              number: draft.number.trim(),
              clients: [...new Set(elsewhere.map((row) => row.clientName))].join(', '),
            })}
          </p>
        )}
        <Field label={t('invoices.field.issueDate')} error={e.issueDate}>
          <input
            value={draft.issueDate}
            onChange={(ev) => update({ issueDate: ev.target.value })}
            placeholder="dd/mm/aaaa"
          />
        </Field>
        <Field label={t('invoices.field.description')} optional wide>
          <input
            value={draft.description}
            onChange={(ev) => update({ description: ev.target.value })}
          />
        </Field>
        <Field label={t('invoices.field.taxableBase')} error={e.taxableBaseCents}>
          <input
            value={draft.taxableBase}
            inputMode="decimal"
            onChange={(ev) => update({ taxableBase: ev.target.value })}
            placeholder="1.000,00"
          />
        </Field>
        <Field label={t('invoices.field.vatRate')} error={e.vatRatePercent}>
          <select
            value={draft.vatRatePercent}
            onChange={(ev) => update({ vatRatePercent: ev.target.value })}
          >
            {withRate(VAT_RATES, draft.vatRatePercent).map((rate) => (
              <option key={rate} value={rate}>
                {rate} %
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('invoices.field.withholdingRate')} error={e.withholdingRatePercent}>
          <select
            value={draft.withholdingRatePercent}
            onChange={(ev) => update({ withholdingRatePercent: ev.target.value })}
          >
            {withRate(WITHHOLDING_RATES, draft.withholdingRatePercent).map((rate) => (
              <option key={rate} value={rate}>
                {rate} %
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="card" style={{ marginTop: 'var(--space-4)', boxShadow: 'none' }}>
        <legend className="field__label">{t('invoices.field.dues')}</legend>
        <table className="table dues-table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.field.dueDate')}</th>
              <th scope="col">{t('invoices.field.dueAmount')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.dues.map((due, index) => (
              <tr key={index}>
                <td>
                  <div className="field">
                    <input
                      aria-label={`${t('invoices.field.dueDate')} ${index + 1}`}
                      aria-invalid={e[`dues.${index}.dueDate`] ? true : undefined}
                      value={due.date}
                      onChange={(ev) => updateDue(index, { date: ev.target.value })}
                    />
                    {e[`dues.${index}.dueDate`] && (
                      <span className="field__error">{e[`dues.${index}.dueDate`]}</span>
                    )}
                  </div>
                </td>
                <td>
                  <div className="field">
                    <input
                      aria-label={`${t('invoices.field.dueAmount')} ${index + 1}`}
                      aria-invalid={e[`dues.${index}.amountCents`] ? true : undefined}
                      inputMode="decimal"
                      value={due.amount}
                      onChange={(ev) => updateDue(index, { amount: ev.target.value })}
                    />
                    {e[`dues.${index}.amountCents`] && (
                      <span className="field__error">{e[`dues.${index}.amountCents`]}</span>
                    )}
                  </div>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--link"
                    disabled={draft.dues.length === 1}
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        duesTouched: true,
                        dues: d.dues.filter((_, i) => i !== index),
                      }))
                    }
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {e.dues && (
          <p className="alert alert--error" role="alert" style={{ marginTop: 'var(--space-3)' }}>
            {e.dues}
          </p>
        )}
        <div className="toolbar" style={{ marginTop: 'var(--space-3)' }}>
          <button
            type="button"
            className="button"
            onClick={() => setDraft((d) => addDue(d, locale))}
          >
            {t('invoices.dues.add')}
          </button>
          <button type="button" className="button" onClick={() => setDraft(splitDuesEvenly)}>
            {t('invoices.dues.split')}
          </button>
        </div>
      </fieldset>

      <dl className="summary-list" style={{ marginTop: 'var(--space-4)' }}>
        <dt>{t('invoices.summary.vat')}</dt>
        <dd>{amounts ? money(amounts.vatCents) : '—'}</dd>
        <dt>{t('invoices.summary.total')}</dt>
        <dd>{amounts ? money(amounts.totalCents) : '—'}</dd>
        <dt>{t('invoices.summary.withholding')}</dt>
        <dd>{amounts ? money(-amounts.withholdingCents) : '—'}</dd>
        <dt className="summary-list__strong">{t('invoices.summary.payable')}</dt>
        <dd className="summary-list__strong" data-testid="invoice-payable">
          {amounts ? money(amounts.payableCents) : '—'}
        </dd>
        <dt>{t('invoices.summary.duesSum')}</dt>
        <dd className={duesMismatch ? 'late' : undefined}>{money(duesSum)}</dd>
      </dl>
      {!editing && (
        <CreditLimitWarning clientId={draft.clientId} addCents={amounts?.payableCents ?? 0} />
      )}
      {effects && <EditEffects effects={effects} />}

      <FormFooter
        error={errors.general}
        saving={saving}
        onCancel={closeDialog}
        saveLabel={effects ? t('life.edit.confirm') : undefined}
      />
    </form>
  );
}

export function InvoiceFormDialog({
  clientId,
  invoiceId = null,
}: {
  clientId: string | null;
  invoiceId?: string | null;
}) {
  const t = useT();
  const closeDialog = useUiStore((state) => state.closeDialog);
  const clients = useLiveQuery(() => listClients(getDb()), []);
  // Read once: the form keeps its own draft while the person types.
  const editing = useLiveQuery(
    () => (invoiceId ? getInvoice(getDb(), invoiceId) : Promise.resolve(null)),
    [invoiceId],
  );
  const today = useToday();
  // Read once, like the draft: the next number of the series for a new invoice.
  const proposed = useLiveQuery(
    () => (invoiceId ? Promise.resolve('') : proposeInvoiceNumber(getDb(), today)),
    [invoiceId, today],
  );
  const loading = clients === undefined || editing === undefined || proposed === undefined;
  return (
    <Dialog
      title={editing ? t('life.edit.title', { number: editing.number }) : t('invoices.new')}
      onClose={closeDialog}
      testId="invoice-dialog"
    >
      {loading ? (
        <p>{t('common.loading')}</p>
      ) : (
        <InvoiceForm
          clients={clients}
          initialClientId={clientId}
          editing={editing}
          proposedNumber={proposed}
        />
      )}
    </Dialog>
  );
}
