// A labelled form control with its hint and error, wired for screen readers.
import { useId, type ReactElement, cloneElement } from 'react';
import { useT } from '../i18n';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  hintTone?: 'ok' | 'neutral';
  optional?: boolean;
  wide?: boolean;
  /** Two columns of a form grid: for content that a single column cuts, such as an IBAN. */
  double?: boolean;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}

export function Field({
  label,
  error,
  hint,
  hintTone = 'neutral',
  optional,
  wide,
  double,
  children,
}: FieldProps) {
  const id = useId();
  const t = useT();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': message ? messageId : undefined,
  });
  return (
    <div className={wide ? 'field field--wide' : double ? 'field field--double' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> ({t('common.optional')})</span>}
      </label>
      {control}
      {message && (
        <span
          id={messageId}
          className={
            error
              ? 'field__error'
              : hintTone === 'ok'
                ? 'field__hint field__hint--ok'
                : 'field__hint'
          }
          role={error ? 'alert' : undefined}
        >
          {message}
        </span>
      )}
    </div>
  );
}
