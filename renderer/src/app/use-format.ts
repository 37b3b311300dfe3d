// Money and dates formatted in the current language.
import { useCallback } from 'react';
import { formatEuros } from '../../../shared/domain/money';
import { formatDate } from '../../../shared/domain/dates';
import { localeOf, useLanguage } from '../i18n';

/** One formatter per locale: `toLocaleString` with options builds a new one on every call. */
const countFormats = new Map<string, Intl.NumberFormat>();
function countFormat(locale: string): Intl.NumberFormat {
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: 'always' });
    countFormats.set(locale, format);
  }
  return format;
}

export function useFormat() {
  const locale = localeOf(useLanguage());
  const money = useCallback((cents: number) => formatEuros(cents, locale), [locale]);
  const date = useCallback(
    (value: string | null) => (value ? formatDate(value, locale) : '—'),
    [locale],
  );
  // Grouped like money (10.000, 2.409) so figures read the same everywhere.
  const count = useCallback((value: number) => countFormat(locale).format(value), [locale]);
  return { money, date, count, locale };
}
