// The plan builder: client, invoices, extra amounts, terms and an editable schedule that must add up.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PlanRecord } from '../../../../shared/domain/records';
import { composePlan, suggestLateCharges } from '../../../../shared/domain/plan-draft';
import { formatCentsInput } from '../../../../shared/domain/money';
import { formatDate } from '../../../../shared/domain/dates';
import { isValidationError, type FieldIssue } from '../../../../shared/domain/validation';
import { getDb } from '../../db/database';
import { listClients } from '../../db/queries';
import { listInvoicesForPlan } from '../../db/plans-queries';
import { createPlanDraft, updatePlanDraft } from '../../db/plans-repo';
import { getLegalRates } from '../../db/legal-rates-repo';
import { translateIssue, useLanguage, useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { navigate } from '../../app/router';
import { useUiStore } from '../../store/ui-store';
import { Field } from '../../components/Field';
import { PlanTermsFields } from './PlanTermsFields';
import { ScheduleEditor } from './ScheduleEditor';
import { draftInputOf, type PlanFormState } from './plan-form';

interface PlanBuilderProps {
  initial: PlanFormState;
  /** The draft being changed, or null for a new plan. */
  draft: PlanRecord | null;
  onCancel: () => void;
}

export function PlanBuilder({ initial, draft, onCancel }: PlanBuilderProps) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const db = getDb();
  const [form, setForm] = useState(initial);
  const [saveIssues, setSaveIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const clients = useLiveQuery(() => listClients(db), [db]);
  const legalRates = useLiveQuery(() => getLegalRates(db), [db]);
  const invoices = useLiveQuery(
    () => (form.clientId ? listInvoicesForPlan(db, form.clientId, draft?.id ?? null) : []),
    [db, form.clientId, draft?.id],
  );

  const chosen = useMemo(
    () => (invoices ?? []).filter((invoice) => form.invoiceIds.includes(invoice.id)),
    [invoices, form.invoiceIds],
  );
  const input = draftInputOf(form, language);
  const composed = composePlan({
    invoicesCents: chosen.reduce((sum, invoice) => sum + invoice.outstandingCents, 0),
    extraLines: input.extraLines,
    downPaymentCents: input.downPaymentCents,
    installments: input.installments,
    frequency: input.frequency,
    firstDueDate: input.firstDueDate,
    annualInterestPercent: input.annualInterestPercent,
    breakAfterDays: input.breakAfterDays,
    edits: input.schedule,
    today,
  });
  // Live issues while typing; after a failed save, the repository’s (they also cover names).
  const issues = saveIssues.length > 0 ? saveIssues : composed.issues;
  const errorOf = (field: string) => {
    const issue = issues.find((item) => item.field === field);
    return issue ? translateIssue(language, issue) : undefined;
  };

  /** Changing a term proposes a fresh schedule: old edits would no longer add up. */
  const setTerms = (patch: Partial<PlanFormState>) => {
    setSaveIssues([]);
    setForm((current) => ({ ...current, ...patch, edits: null }));
  };
  const setField = (patch: Partial<PlanFormState>) => {
    setSaveIssues([]);
    setForm((current) => ({ ...current, ...patch }));
  };

  const suggest = () => {
    const lines = suggestLateCharges(
      chosen,
      today,
      {
        interest: (numbers) => t('plans.builder.suggest.interest', { numbers }),
        compensation: (count) => t('plans.builder.suggest.compensation', { count }),
      },
      legalRates?.rates,
      clients?.find((client) => client.id === form.clientId)?.contractInterestPercent ?? null,
    );
    setTerms({
      extras: [
        ...form.extras.filter((line) => line.kind === 'other'),
        ...lines.map((line) => ({
          kind: line.kind,
          label: line.label,
          amount: formatCentsInput(line.amountCents),
        })),
      ],
    });
  };

  const save = async () => {
    setSaving(true);
    try {
      const plan = draft
        ? await updatePlanDraft(db, draft.id, input, today)
        : await createPlanDraft(db, input, today);
      showToast({ message: t('plans.builder.saved'), tone: 'success' });
      navigate({ screen: 'plan', planId: plan.id });
      if (draft) onCancel();
    } catch (error) {
      if (isValidationError(error)) setSaveIssues([...error.issues]);
      else
        showToast({ message: t('plans.error.generic', { message: String(error) }), tone: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="plan-builder" data-testid="plan-builder">
      <div className="card">
        <div className="form-grid">
          <Field label={t('plans.builder.client')} error={errorOf('clientId')} double>
            <select
              value={form.clientId}
              disabled={draft !== null}
              onChange={(event) => {
                const client = clients?.find((row) => row.id === event.target.value);
                setTerms({
                  clientId: event.target.value,
                  invoiceIds: [],
                  extras: [],
                  debtorName: form.debtorName || client?.contactPerson || '',
                });
              }}
            >
              <option value="">{t('plans.builder.chooseClient')}</option>
              {(clients ?? []).map((client) => (
                <option key={client.id} value={client.id}>
                  {client.name} ({client.taxId})
                </option>
              ))}
            </select>
          </Field>
        </div>
        {form.clientId && (
          <fieldset className="plan-builder__invoices">
            <legend>{t('plans.builder.invoices')}</legend>
            {invoices && invoices.length === 0 && (
              <p className="screen__lead">{t('plans.builder.noInvoices')}</p>
            )}
            {(invoices ?? []).map((invoice) => (
              <label key={invoice.id} className="plan-builder__check">
                <input
                  type="checkbox"
                  checked={form.invoiceIds.includes(invoice.id)}
                  onChange={(event) =>
                    setTerms({
                      invoiceIds: event.target.checked
                        ? [...form.invoiceIds, invoice.id]
                        : form.invoiceIds.filter((id) => id !== invoice.id),
                    })
                  }
                />
                {t('plans.builder.invoiceLine', {
                  number: invoice.number,
                  date: date(invoice.issueDate),
                  amount: money(invoice.outstandingCents),
                })}
              </label>
            ))}
            {errorOf('invoiceIds') && <p className="field__error">{errorOf('invoiceIds')}</p>}
            {issues.some((issue) => issue.field.startsWith('invoiceIds.')) && (
              <p className="field__error">
                {translateIssue(language, {
                  field: 'invoiceIds',
                  code: 'plan_invoice_unavailable',
                })}
              </p>
            )}
          </fieldset>
        )}
      </div>

      <PlanTermsFields
        form={form}
        setTerms={setTerms}
        setField={setField}
        errorOf={errorOf}
        onSuggest={suggest}
        canSuggest={chosen.length > 0}
      />

      <div className="card">
        <h2>{t('plans.builder.schedule')}</h2>
        <dl className="summary-list" data-testid="plan-summary">
          <dt>{t('plans.builder.summary.debt')}</dt>
          <dd>{money(composed.debtCents)}</dd>
          <dt>{t('plans.builder.summary.financed')}</dt>
          <dd>{money(composed.financedCents)}</dd>
          <dt>{t('plans.builder.summary.interest')}</dt>
          <dd>{money(composed.interestCents)}</dd>
          <dt className="summary-list__strong">{t('plans.builder.summary.total')}</dt>
          <dd className="summary-list__strong">
            {money(composed.financedCents + composed.interestCents)}
          </dd>
        </dl>
        <ScheduleEditor
          form={form}
          composed={composed}
          errorOf={errorOf}
          onEdit={(edits) => setField({ edits })}
          onReset={() => setField({ edits: null })}
          proposed={composed.generated.map((row) => ({
            dueDate: formatDate(row.dueDate),
            amount: formatCentsInput(row.amountCents),
          }))}
        />
      </div>

      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {t('plans.builder.save')}
        </button>
      </div>
    </div>
  );
}
