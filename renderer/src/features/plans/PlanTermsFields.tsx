// The plan's terms: extra amounts, down payment, installments, interest, grace days, place, signatories.
import type { PlanFrequency } from '../../../../shared/domain/records';
import { useT } from '../../i18n';
import { Field } from '../../components/Field';
import type { PlanFormState } from './plan-form';

interface PlanTermsFieldsProps {
  form: PlanFormState;
  /** For terms that change the proposed schedule. */
  setTerms: (patch: Partial<PlanFormState>) => void;
  /** For fields that do not (place, signatories). */
  setField: (patch: Partial<PlanFormState>) => void;
  errorOf: (field: string) => string | undefined;
  onSuggest: () => void;
  canSuggest: boolean;
}

const FREQUENCIES: PlanFrequency[] = ['monthly', 'biweekly', 'weekly'];

export function PlanTermsFields({
  form,
  setTerms,
  setField,
  errorOf,
  onSuggest,
  canSuggest,
}: PlanTermsFieldsProps) {
  const t = useT();
  const setExtra = (index: number, patch: Partial<PlanFormState['extras'][number]>) =>
    setTerms({
      extras: form.extras.map((line, at) => (at === index ? { ...line, ...patch } : line)),
    });
  return (
    <>
      <div className="card">
        <h2>{t('plans.builder.extras')}</h2>
        {form.extras.map((line, index) => (
          <div className="form-grid plan-builder__extra" key={index}>
            <Field
              label={`${t('plans.builder.extraLabel')} ${index + 1}`}
              error={errorOf(`extraLines.${index}.label`)}
              wide
            >
              <input
                value={line.label}
                onChange={(event) => setExtra(index, { label: event.target.value })}
              />
            </Field>
            <Field
              label={`${t('plans.builder.extraAmount')} ${index + 1}`}
              error={errorOf(`extraLines.${index}.amountCents`)}
            >
              <input
                inputMode="decimal"
                value={line.amount}
                onChange={(event) => setExtra(index, { amount: event.target.value })}
              />
            </Field>
            <button
              type="button"
              className="button button--link"
              onClick={() => setTerms({ extras: form.extras.filter((_, at) => at !== index) })}
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <div className="toolbar">
          <button type="button" className="button" disabled={!canSuggest} onClick={onSuggest}>
            {t('plans.builder.suggest')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              setTerms({ extras: [...form.extras, { kind: 'other', label: '', amount: '' }] })
            }
          >
            {t('plans.builder.addExtra')}
          </button>
        </div>
      </div>

      <div className="card">
        <div className="form-grid">
          <Field
            label={t('plans.builder.downPayment')}
            error={errorOf('downPaymentCents')}
            optional
          >
            <input
              inputMode="decimal"
              value={form.downPayment}
              onChange={(event) => setTerms({ downPayment: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.downPaymentDate')} hint="dd/mm/aaaa">
            <input
              value={form.downPaymentDate}
              onChange={(event) => setField({ downPaymentDate: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.installments')} error={errorOf('installments')}>
            <input
              inputMode="numeric"
              value={form.installments}
              onChange={(event) => setTerms({ installments: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.frequency')}>
            <select
              value={form.frequency}
              onChange={(event) => setTerms({ frequency: event.target.value as PlanFrequency })}
            >
              {FREQUENCIES.map((frequency) => (
                <option key={frequency} value={frequency}>
                  {t(`plans.builder.frequency.${frequency}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('plans.builder.firstDueDate')}
            error={errorOf('firstDueDate')}
            hint="dd/mm/aaaa"
          >
            <input
              value={form.firstDueDate}
              onChange={(event) => setTerms({ firstDueDate: event.target.value })}
            />
          </Field>
          <Field
            label={t('plans.builder.interest')}
            error={errorOf('annualInterestPercent')}
            hint={t('plans.builder.interestHint')}
          >
            <input
              inputMode="decimal"
              value={form.interest}
              onChange={(event) => setTerms({ interest: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.breakAfterDays')} error={errorOf('breakAfterDays')}>
            <input
              inputMode="numeric"
              value={form.breakAfterDays}
              onChange={(event) => setField({ breakAfterDays: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.place')} error={errorOf('place')}>
            <input
              value={form.place}
              onChange={(event) => setField({ place: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.creditorName')} error={errorOf('creditorSignatory.name')}>
            <input
              value={form.creditorName}
              onChange={(event) => setField({ creditorName: event.target.value })}
            />
          </Field>
          <Field
            label={`${t('plans.builder.creditorCapacity')} (${t('plans.builder.creditorName').toLowerCase()})`}
            error={errorOf('creditorSignatory.capacity')}
            hint={t('plans.builder.capacityHint')}
          >
            <input
              value={form.creditorCapacity}
              onChange={(event) => setField({ creditorCapacity: event.target.value })}
            />
          </Field>
          <Field label={t('plans.builder.debtorName')} error={errorOf('debtorSignatory.name')}>
            <input
              value={form.debtorName}
              onChange={(event) => setField({ debtorName: event.target.value })}
            />
          </Field>
          <Field
            label={`${t('plans.builder.debtorCapacity')} (${t('plans.builder.debtorName').toLowerCase()})`}
            error={errorOf('debtorSignatory.capacity')}
            hint={t('plans.builder.capacityHint')}
          >
            <input
              value={form.debtorCapacity}
              onChange={(event) => setField({ debtorCapacity: event.target.value })}
            />
          </Field>
        </div>
      </div>
    </>
  );
}
