// One invoice's VAT recovery: per due windows, what is missing, the steps, the R3 data and the bundle.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { useFormErrors } from '../../components/use-form-errors';
import { useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { logError } from '../../app/error-log';
import { getDb } from '../../db/database';
import {
  clearVatRecovery,
  getVatInvoice,
  recordCorrectiveInvoice,
  recordVatStep,
  setSecuredCents,
  type VatRow,
} from '../../db/vat-recovery-repo';
import { aeatNoticeBy } from '../../../../shared/domain/vatRecovery';
import {
  correctionsOf,
  correctiveAmounts,
  type VatDueState,
} from '../../../../shared/domain/vat-recovery-status';

const ELIGIBLE_NOW: readonly VatDueState[] = ['missing_claim', 'open', 'closing_soon'];
import { formatCentsInput, parseEuros } from '../../../../shared/domain/money';
import { VatStateBadge } from './VatStateBadge';
import { exportVatBundle } from './vat-pdf';

function SecuredForm({ row }: { row: VatRow }) {
  const t = useT();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError, showIssues } = useFormErrors();
  const [text, setText] = useState(formatCentsInput(row.invoice.securedCents ?? 0));
  async function save(event: FormEvent) {
    event.preventDefault();
    let cents: number;
    try {
      cents = text.trim() === '' ? 0 : parseEuros(text);
    } catch {
      showIssues([{ field: 'securedCents', code: 'amount_invalid' }]);
      return;
    }
    try {
      await setSecuredCents(getDb(), row.invoice.id, cents);
      showToast({ tone: 'success', message: t('vat.secured.saved') });
    } catch (error) {
      showError(error);
    }
  }
  return (
    <form className="vat__inline" onSubmit={(event) => void save(event)} noValidate>
      <Field
        label={t('vat.secured')}
        hint={t('vat.secured.hint')}
        error={errors.byField.securedCents ?? errors.general ?? undefined}
      >
        <input value={text} inputMode="decimal" onChange={(e) => setText(e.target.value)} />
      </Field>
      <button type="submit" className="button">
        {t('vat.secured.save')}
      </button>
    </form>
  );
}

function CorrectiveForm({ row }: { row: VatRow }) {
  const t = useT();
  const today = useToday();
  const { date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError } = useFormErrors();
  const [number, setNumber] = useState('');
  const [day, setDay] = useState(today);
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await recordCorrectiveInvoice(
        getDb(),
        { invoiceId: row.invoice.id, number, date: day },
        today,
      );
      showToast({
        tone: 'success',
        message: t('vat.corrective.saved', { date: date(aeatNoticeBy(day)) }),
      });
    } catch (error) {
      showError(error);
    }
  }
  return (
    <form
      className="vat__inline"
      onSubmit={(event) => void save(event)}
      noValidate
      data-testid="vat-corrective-form"
    >
      <Field label={t('vat.corrective.number')} error={errors.byField.number}>
        <input value={number} onChange={(e) => setNumber(e.target.value)} />
      </Field>
      <Field
        label={t('vat.corrective.date')}
        error={errors.byField.date ?? errors.general ?? undefined}
      >
        <DateInput value={day || null} onChange={(value) => setDay(value ?? '')} />
      </Field>
      <button type="submit" className="button button--primary">
        {t('vat.corrective.record')}
      </button>
    </form>
  );
}

function StepDateForm(props: {
  row: VatRow;
  step: 'aeatNoticeDate' | 'withdrawnDate';
  label: string;
}) {
  const t = useT();
  const today = useToday();
  const { errors, showError } = useFormErrors();
  const current = props.row.invoice.vatRecovery?.[props.step] ?? null;
  const [day, setDay] = useState(current ?? today);
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await recordVatStep(
        getDb(),
        { invoiceId: props.row.invoice.id, step: props.step, date: day },
        today,
      );
    } catch (error) {
      showError(error);
    }
  }
  return (
    <form className="vat__inline" onSubmit={(event) => void save(event)} noValidate>
      <Field label={props.label} error={errors.byField.date ?? errors.general ?? undefined}>
        <DateInput value={day || null} onChange={(value) => setDay(value ?? '')} />
      </Field>
      <button type="submit" className="button" data-testid={`vat-${props.step}`}>
        {t('vat.secured.save')}
      </button>
    </form>
  );
}

/** Reads its own invoice, so it stays open when the row leaves a filtered list. */
export function VatInvoiceDetail(props: { invoiceId: string; onClose: () => void }) {
  const today = useToday();
  const found = useLiveQuery(
    () => getVatInvoice(getDb(), props.invoiceId, today),
    [props.invoiceId, today],
  );
  if (!found) return null;
  return <VatInvoiceDialog row={found.row} onClose={props.onClose} />;
}

function VatInvoiceDialog({ row, onClose }: { row: VatRow; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const { status, invoice, client } = row;
  const record = invoice.vatRecovery ?? null;
  const corrections = correctionsOf(invoice);
  const canAct = status.exclusion === null;
  // The VAT a corrective invoice dated today would take back: the dues whose window is open.
  const eligibleNow = status.dues
    .filter((due) => ELIGIBLE_NOW.includes(due.state))
    .reduce((sum, due) => sum + due.vatAtStakeCents, 0);
  const r3 = correctiveAmounts(
    invoice,
    eligibleNow > 0 ? eligibleNow : (record?.vatCents ?? status.recoverableCents),
  );
  const anotherCorrection = record !== null && eligibleNow > 0;

  async function bundle() {
    try {
      if (await exportVatBundle(invoice.id, today, language)) {
        showToast({ tone: 'success', message: t('vat.bundle.saved') });
      }
    } catch (error) {
      logError('IVA', error);
      showToast({ tone: 'error', message: t('legal.pdf.failed') });
    }
  }

  async function clear() {
    if (!window.confirm(t('vat.clearConfirm'))) return;
    await clearVatRecovery(getDb(), invoice.id);
  }

  return (
    <Dialog title={`${t('vat.title')} · ${invoice.number}`} onClose={onClose} testId="vat-dialog">
      <p className="screen__lead" data-testid="vat-summary">
        {t('vat.summary', {
          recoverable: money(status.recoverableCents),
          lost: money(status.lostCents),
        })}
      </p>
      <table className="table" data-testid="vat-dues">
        <thead>
          <tr>
            <th scope="col">{t('vat.col.due')}</th>
            <th scope="col" className="num">
              {t('vat.col.atStake')}
            </th>
            <th scope="col">{t('vat.col.from')}</th>
            <th scope="col">{t('vat.col.by')}</th>
            <th scope="col">{t('vat.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {status.dues.map((due, index) => (
            <tr key={`${due.dueDate}-${index}`} data-testid="vat-due">
              <td>{date(due.dueDate)}</td>
              <td className="num">{money(due.vatAtStakeCents)}</td>
              <td>{date(due.eligibleFrom)}</td>
              <td>{date(due.rectifyBy)}</td>
              <td>
                <VatStateBadge state={due.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {status.exclusion !== null && (
        <p className="alert alert--warning" data-testid="vat-exclusion">
          {t(`vat.exclusion.${status.exclusion}`, { date: date(client.insolvencyDate ?? null) })}
        </p>
      )}
      {canAct &&
        (status.claim ? (
          <p data-testid="vat-claim">
            {t('vat.claim.found', {
              kind: t(`legal.kind.${status.claim.kind}`),
              date: date(status.claim.date),
              channel: status.claim.channel,
            })}
          </p>
        ) : (
          <p className="alert alert--warning" data-testid="vat-claim-missing">
            {t('vat.claim.missing')}
          </p>
        ))}
      {status.paidAfterCorrection && <p className="alert alert--warning">{t('vat.paidAfter')}</p>}

      {status.steps.length > 0 && (
        <>
          <h3>{t('vat.steps')}</h3>
          <ol className="vat__steps" data-testid="vat-steps">
            {status.steps.map((step, index) => (
              <li key={`${step.kind}-${index}`} data-step={step.kind} data-state={step.state}>
                {t(`vat.step.${step.kind}`)}
                {step.doneOn && ` · ${t('vat.step.doneOn', { date: date(step.doneOn) })}`}
                {!step.doneOn && step.by && ` · ${t('vat.step.by', { date: date(step.by) })}`}{' '}
                <span className={`badge vat__step--${step.state}`}>
                  {t(`vat.step.state.${step.state}`)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}

      {canAct && (
        <>
          <h3>{t('vat.r3')}</h3>
          <p className="vat__r3" data-testid="vat-r3">
            {t('vat.r3.body', {
              number: invoice.number,
              date: date(invoice.issueDate),
              base: money(r3.baseCents),
              vat: money(r3.vatCents),
              rate: invoice.vatRatePercent,
              client: client.name,
              taxId: client.taxId || '—',
            })}
          </p>
        </>
      )}

      {record ? (
        <div className="vat__record">
          {corrections.map((done) => (
            <p data-testid="vat-corrective" key={done.correctiveInvoiceNumber}>
              {t('vat.corrective.recorded', {
                number: done.correctiveInvoiceNumber,
                date: date(done.correctiveInvoiceDate),
                amount: money(done.vatCents),
              })}
            </p>
          ))}
          {corrections.length > 1 && (
            <p className="stat__hint">{t('vat.corrective.latestSteps')}</p>
          )}
          <StepDateForm row={row} step="aeatNoticeDate" label={t('vat.aeat.record')} />
          <StepDateForm row={row} step="withdrawnDate" label={t('vat.withdrawn.record')} />
          <button type="button" className="button button--link" onClick={() => void clear()}>
            {t('vat.clear')}
          </button>
          {anotherCorrection && (
            <>
              <p className="alert alert--info" data-testid="vat-another">
                {t('vat.corrective.another', { amount: money(eligibleNow) })}
              </p>
              <CorrectiveForm row={row} />
            </>
          )}
        </div>
      ) : (
        canAct && <CorrectiveForm row={row} />
      )}
      <SecuredForm row={row} />

      <h3>{t('vat.checklist')}</h3>
      <ul className="vat__checklist">
        <li>{t('vat.check.book')}</li>
        <li>{t('vat.check.claim')}</li>
        <li>{t('vat.check.corrective')}</li>
        <li>{t('vat.check.aeat')}</li>
      </ul>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          data-testid="vat-bundle"
          onClick={() => void bundle()}
        >
          {t('vat.bundle')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
