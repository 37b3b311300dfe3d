// Translation: the current language comes from the UI store; messages take {named} parameters.
import { useCallback } from 'react';
import { en, es, type MessageKey } from './catalog';
import { useUiStore } from '../store/ui-store';
import type { Language } from '../../../shared/domain/records';
import type { FieldIssue } from '../../../shared/domain/validation';
import { formatEuros } from '../../../shared/domain/money';

import { fillTemplate, type Params } from './plural';

export type { MessageKey, Params };
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogs: Record<Language, Record<MessageKey, string>> = { es, en };

export const localeOf = (language: Language): string => (language === 'es' ? 'es-ES' : 'en-GB');

/** A message in `language`: `{name}` takes a parameter (whole numbers grouped, "23.833"), and
 * `{count, plural, one {# factura} other {# facturas}}` picks its form with Intl.PluralRules. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  return fillTemplate(catalogs[language][key], language, localeOf(language), params);
}

/** Amount parameters of an issue are cents; they are shown as euros. */
const CENT_PARAMS = new Set([
  'expected',
  'actual',
  'outstanding',
  'excess',
  'outstandingCents',
  'excessCents',
  'paidCents',
  'payableCents',
  'creditedCents',
  'settledCents',
]);

export function translateIssue(language: Language, issue: FieldIssue): string {
  const key = `issue.${issue.code}`;
  if (!(key in catalogs[language])) return issue.code;
  const params: Params = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    const plainName = name.replace(/Cents$/, '');
    params[plainName] =
      CENT_PARAMS.has(name) && typeof value === 'number'
        ? formatEuros(value, localeOf(language))
        : value;
  }
  return translate(language, key as MessageKey, params);
}

export function useLanguage(): Language {
  return useUiStore((state) => state.language);
}

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
