// The schedule table: proposed installments, each date and amount editable, with what does not add up.
import type { ComposedPlan } from '../../../../shared/domain/plan-draft';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import type { PlanFormState } from './plan-form';

interface ScheduleEditorProps {
  form: PlanFormState;
  composed: ComposedPlan;
  proposed: { dueDate: string; amount: string }[];
  errorOf: (field: string) => string | undefined;
  onEdit: (edits: { dueDate: string; amount: string }[]) => void;
  onReset: () => void;
}

export function ScheduleEditor({
  form,
  composed,
  proposed,
  errorOf,
  onEdit,
  onReset,
}: ScheduleEditorProps) {
  const t = useT();
  const { money } = useFormat();
  const rows = form.edits && form.edits.length === proposed.length ? form.edits : proposed;
  if (rows.length === 0) return null;
  const edit = (index: number, patch: Partial<{ dueDate: string; amount: string }>) =>
    onEdit(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const expected = composed.generated.reduce((sum, row) => sum + row.amountCents, 0);
  const actual = composed.rows.reduce(
    (sum, row) => sum + (Number.isSafeInteger(row.amountCents) ? row.amountCents : 0),
    0,
  );
  const mismatch = composed.issues.find((issue) => issue.code === 'plan_sum_mismatch');
  return (
    <>
      <p className="screen__lead">{t('plans.builder.scheduleHint')}</p>
      <table className="table" data-testid="plan-schedule">
        <thead>
          <tr>
            <th scope="col">{t('plans.col.seq')}</th>
            <th scope="col">{t('plans.col.dueDate')}</th>
            <th scope="col" className="num">
              {t('plans.col.amount')}
            </th>
            <th scope="col" className="num">
              {t('plans.col.interest')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const dateError = errorOf(`schedule.${index}.dueDate`);
            const amountError = errorOf(`schedule.${index}.amountCents`);
            return (
              <tr key={index}>
                <td>
                  {index + 1}/{rows.length}
                </td>
                <td>
                  <input
                    className="input"
                    aria-label={`${t('plans.col.dueDate')} ${index + 1}`}
                    aria-invalid={dateError ? true : undefined}
                    value={row.dueDate}
                    onChange={(event) => edit(index, { dueDate: event.target.value })}
                  />
                  {dateError && <span className="field__error">{dateError}</span>}
                </td>
                <td className="num">
                  <input
                    className="input num"
                    inputMode="decimal"
                    aria-label={`${t('plans.col.amount')} ${index + 1}`}
                    aria-invalid={amountError ? true : undefined}
                    value={row.amount}
                    onChange={(event) => edit(index, { amount: event.target.value })}
                  />
                  {amountError && <span className="field__error">{amountError}</span>}
                </td>
                <td className="num">{money(composed.generated[index]?.interestCents ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {mismatch && (
        <div className="alert alert--error" role="alert" data-testid="plan-mismatch">
          {actual < expected
            ? t('plans.builder.difference', {
                actual: money(actual),
                missing: money(expected - actual),
                expected: money(expected),
              })
            : t('plans.builder.excess', {
                actual: money(actual),
                excess: money(actual - expected),
                expected: money(expected),
              })}
        </div>
      )}
      {form.edits && (
        <button type="button" className="button button--link" onClick={onReset}>
          {t('plans.builder.resetSchedule')}
        </button>
      )}
    </>
  );
}
