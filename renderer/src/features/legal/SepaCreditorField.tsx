// Ajustes → Tu empresa: the SEPA business code and the creditor identifier derived from the NIF.
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { creditorIdOf } from '../../../../shared/domain/plan-direct-debits';
import { validateSpanishTaxId } from '../../../../shared/domain/taxId';
import type { CompanyProfile } from '../../../../shared/domain/records';

export function SepaCreditorField(props: {
  profile: CompanyProfile;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const code = props.profile.sepaBusinessCode ?? '';
  const valid = code.trim() === '' || /^[A-Za-z0-9]{3}$/.test(code.trim());
  const id = valid ? creditorIdOf(props.profile) : null;
  const taxIdWrong =
    props.profile.taxId.trim() !== '' && !validateSpanishTaxId(props.profile.taxId).valid;
  return (
    <Field
      label={t('sepa.creditor.code')}
      optional
      error={valid ? undefined : t('sepa.creditor.codeInvalid')}
      hint={
        id
          ? t('sepa.creditor.id', { id })
          : t(taxIdWrong ? 'sepa.creditor.taxIdInvalid' : 'sepa.creditor.needsTaxId')
      }
      hintTone={id ? 'ok' : 'neutral'}
    >
      <input
        value={code}
        maxLength={3}
        placeholder="000"
        onChange={(ev) => props.onChange(ev.target.value)}
      />
    </Field>
  );
}
