// Record one step on the legal path: a MASC attempt, a demand, an acknowledgment or a monitorio.
import { FormFooter } from '../../components/FormFooter';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { useFormErrors } from '../../components/use-form-errors';
import { useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { LEGAL_EVENT_KINDS, recordLegalEvent } from '../../db/legal-repo';
import { useToday } from '../../app/use-today';
import type { InvoiceRecord, LegalEventKind } from '../../../../shared/domain/records';

export function LegalEventDialog(props: {
  clientId: string;
  invoices: readonly InvoiceRecord[];
  onClose: () => void;
}) {
  const t = useT();
  const today = useToday();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError } = useFormErrors();
  const [kind, setKind] = useState<LegalEventKind>('demand');
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState('burofax');
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const [invoiceIds, setInvoiceIds] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await recordLegalEvent(
        getDb(),
        { clientId: props.clientId, invoiceIds, kind, date, channel, answer, note },
        today,
      );
      showToast({ tone: 'success', message: t('legal.saved') });
      props.onClose();
    } catch (error) {
      showError(error);
    }
  }

  const toggle = (id: string) =>
    setInvoiceIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Dialog title={t('legal.record')} onClose={props.onClose} testId="legal-dialog">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <Field label={t('legal.kind')}>
            <select
              value={kind}
              onChange={(e) =>
                setKind(LEGAL_EVENT_KINDS.find((k) => k === e.target.value) ?? 'demand')
              }
            >
              {LEGAL_EVENT_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`legal.kind.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('legal.date')} error={errors.byField.date}>
            <DateInput value={date || null} onChange={(value) => setDate(value ?? '')} />
          </Field>
          <Field label={t('legal.channel')} error={errors.byField.channel} wide>
            <input value={channel} onChange={(e) => setChannel(e.target.value)} />
          </Field>
          <Field label={t('legal.answer')} optional wide error={errors.byField.answer}>
            <input value={answer} onChange={(e) => setAnswer(e.target.value)} />
          </Field>
          <Field label={t('legal.note')} optional wide error={errors.byField.note}>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </div>
        {props.invoices.length > 0 && (
          <fieldset className="legal__invoices">
            <legend>{t('legal.invoices')}</legend>
            {props.invoices.map((invoice) => (
              <label key={invoice.id}>
                <input
                  type="checkbox"
                  checked={invoiceIds.includes(invoice.id)}
                  onChange={() => toggle(invoice.id)}
                />{' '}
                {invoice.number}
              </label>
            ))}
          </fieldset>
        )}
        <FormFooter error={errors.general} saving={false} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
