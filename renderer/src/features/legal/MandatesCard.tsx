// A client's SEPA direct debit mandates: add one (reference, date, IBAN, name) or revoke it.
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { useFormErrors } from '../../components/use-form-errors';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { createMandate, revokeMandate } from '../../db/mandates-repo';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { formatIban } from '../../../../shared/domain/iban';
import type { MandateRecord } from '../../../../shared/domain/records';

export function MandatesCard(props: { clientId: string; mandates: readonly MandateRecord[] }) {
  const t = useT();
  const today = useToday();
  const { date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const { errors, showError, clear } = useFormErrors();
  const [adding, setAdding] = useState(false);
  const [reference, setReference] = useState('');
  const [signatureDate, setSignatureDate] = useState(today);
  const [debtorIban, setDebtorIban] = useState('');
  const [debtorName, setDebtorName] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await createMandate(
        getDb(),
        { clientId: props.clientId, reference, signatureDate, debtorIban, debtorName },
        today,
      );
      showToast({ tone: 'success', message: t('sepa.mandate.saved') });
      setAdding(false);
      setReference('');
      setDebtorIban('');
      clear();
    } catch (error) {
      showError(error);
    }
  }

  async function revoke(mandate: MandateRecord) {
    if (!window.confirm(t('sepa.mandate.revokeConfirm', { reference: mandate.reference }))) return;
    await revokeMandate(getDb(), mandate.id);
  }

  return (
    <div className="legal__mandates" data-testid="mandates">
      <div className="screen__header">
        <h3>{t('sepa.mandates')}</h3>
        {!adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('sepa.mandate.add')}
          </button>
        )}
      </div>
      {props.mandates.length === 0 && !adding && (
        <p className="screen__lead">{t('sepa.mandate.empty')}</p>
      )}
      {props.mandates.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sepa.mandate.reference')}</th>
              <th scope="col">{t('sepa.mandate.signatureDate')}</th>
              <th scope="col">{t('sepa.mandate.debtorName')}</th>
              <th scope="col">{t('sepa.mandate.debtorIban')}</th>
              <th scope="col">{t('sepa.mandate.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.mandates.map((mandate) => (
              <tr key={mandate.id} data-testid="mandate-row">
                <td>{mandate.reference}</td>
                <td>{date(mandate.signatureDate)}</td>
                <td>{mandate.debtorName}</td>
                <td>{formatIban(mandate.debtorIban)}</td>
                <td>
                  <span className="badge">{t(`sepa.mandate.status.${mandate.status}`)}</span>{' '}
                  {mandate.status === 'active' && (
                    <button type="button" className="button" onClick={() => void revoke(mandate)}>
                      {t('sepa.mandate.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="mandate-form">
          <div className="form-grid">
            <Field label={t('sepa.mandate.reference')} error={errors.byField.reference}>
              <input value={reference} onChange={(e) => setReference(e.target.value)} />
            </Field>
            <Field label={t('sepa.mandate.signatureDate')} error={errors.byField.signatureDate}>
              <DateInput
                value={signatureDate || null}
                onChange={(value) => setSignatureDate(value ?? '')}
              />
            </Field>
            <Field label={t('sepa.mandate.debtorName')} error={errors.byField.debtorName}>
              <input value={debtorName} onChange={(e) => setDebtorName(e.target.value)} />
            </Field>
            <Field label={t('sepa.mandate.debtorIban')} error={errors.byField.debtorIban}>
              <input value={debtorIban} onChange={(e) => setDebtorIban(e.target.value)} />
            </Field>
          </div>
          {errors.general && (
            <p className="alert alert--error" role="alert">
              {errors.general}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary">
              {t('sepa.mandate.save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
