// The client's agreed late-payment rate: empty means the legal Ley 3/2004 rate applies.
import { useState, type FormEvent } from 'react';
import { translateIssue, useLanguage, useT } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { setClientContractRate } from '../../db/dunning-repo';
import { isValidationError } from '../../../../shared/domain/validation';

export function ContractRateField({ clientId, rate }: { clientId: string; rate: number | null }) {
  const t = useT();
  const language = useLanguage();
  const showToast = useUiStore((state) => state.showToast);
  const [text, setText] = useState(rate === null ? '' : String(rate).replace('.', ','));
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim().replace(',', '.');
    const value = trimmed === '' ? null : Number(trimmed);
    try {
      // Text that is not a number becomes NaN, which the repository refuses as out of range.
      await setClientContractRate(getDb(), clientId, value);
      setError(null);
      showToast({ tone: 'success', message: t('common.saved') });
    } catch (caught) {
      setError(
        isValidationError(caught)
          ? caught.issues.map((issue) => translateIssue(language, issue)).join(' ')
          : String(caught),
      );
    }
  }

  return (
    <form className="contract-rate" onSubmit={(event) => void save(event)} noValidate>
      <label htmlFor={`rate-${clientId}`}>{t('coll.client.contractRate')}</label>
      <input
        id={`rate-${clientId}`}
        className="input"
        inputMode="decimal"
        placeholder={t('coll.client.contractRateLegal')}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button">
        {t('common.save')}
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
