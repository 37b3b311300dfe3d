// A calendar date typed as dd/mm/aaaa whatever the browser's locale (a native date input follows the
// browser's language, so an English Chromium showed mm/dd/yyyy to a Spanish user). ISO text is accepted too.
import { useState, type InputHTMLAttributes } from 'react';
import { parseDateText, type CalendarDate } from '../../../shared/domain/dates';
import { useLanguage } from '../i18n';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

interface DateInputProps extends NativeProps {
  value: CalendarDate | null;
  /** Called with the date once the text is a real date, or null when the field is emptied. */
  onChange: (value: CalendarDate | null) => void;
}

export const DATE_PLACEHOLDER = { es: 'dd/mm/aaaa', en: 'dd/mm/yyyy' } as const;

/** "2026-12-31" → "31/12/2026": the form people type, in both languages. */
export function dateInputText(value: CalendarDate | null): string {
  if (!value) return '';
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

/** The date a text means, null for an empty text, undefined while it is not (yet) a date. */
export function parseDateInput(text: string): CalendarDate | null | undefined {
  if (text.trim() === '') return null;
  try {
    return parseDateText(text);
  } catch {
    return undefined;
  }
}

export function DateInput({ value, onChange, className, onBlur, ...rest }: DateInputProps) {
  const language = useLanguage();
  const [text, setText] = useState(dateInputText(value));
  const [seen, setSeen] = useState(value);
  // A saved view, the Panel or a reset may change the date from outside: show it.
  if (seen !== value) {
    setSeen(value);
    if (parseDateInput(text) !== value) setText(dateInputText(value));
  }
  const invalid = parseDateInput(text) === undefined;
  return (
    <input
      {...rest}
      className={className ?? 'input input--date'}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={DATE_PLACEHOLDER[language]}
      value={text}
      aria-invalid={rest['aria-invalid'] ?? (invalid || undefined)}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parseDateInput(next);
        if (parsed !== undefined && parsed !== value) {
          setSeen(parsed);
          onChange(parsed);
        }
      }}
      onBlur={(event) => {
        const parsed = parseDateInput(text);
        if (parsed) setText(dateInputText(parsed));
        onBlur?.(event);
      }}
    />
  );
}
