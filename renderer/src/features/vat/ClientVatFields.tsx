// The client's facts that decide whether its unpaid VAT can be recovered (art. 80.Cuatro and Cinco LIVA).
import { Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { useT } from '../../i18n';
import type { ClientDraft } from '../clients/ClientFormDialog';

type VatDraft = Pick<
  ClientDraft,
  'debtorKind' | 'relatedParty' | 'establishedInSpain' | 'insolvencyDate'
>;

export function ClientVatFields(props: {
  draft: VatDraft;
  set: (field: keyof VatDraft) => (value: string | boolean) => void;
  error: string | undefined;
}) {
  const t = useT();
  const { draft, set } = props;
  return (
    <fieldset className="form-grid" data-testid="client-vat-fields">
      <legend>{t('vat.client.legend')}</legend>
      <Field label={t('vat.client.debtorKind')}>
        <select
          value={draft.debtorKind}
          onChange={(ev) =>
            set('debtorKind')(ev.target.value === 'consumer' ? 'consumer' : 'business')
          }
        >
          <option value="business">{t('vat.client.business')}</option>
          <option value="consumer">{t('vat.client.consumer')}</option>
        </select>
      </Field>
      <Field label={t('vat.client.insolvency')} optional error={props.error}>
        <DateInput
          value={draft.insolvencyDate || null}
          onChange={(value) => set('insolvencyDate')(value ?? '')}
        />
      </Field>
      <label className="checkbox field--wide">
        <input
          type="checkbox"
          checked={draft.relatedParty}
          onChange={(ev) => set('relatedParty')(ev.target.checked)}
        />{' '}
        {t('vat.client.related')}
      </label>
      <label className="checkbox field--wide">
        <input
          type="checkbox"
          checked={draft.establishedInSpain}
          onChange={(ev) => set('establishedInSpain')(ev.target.checked)}
        />{' '}
        {t('vat.client.established')}
      </label>
    </fieldset>
  );
}
