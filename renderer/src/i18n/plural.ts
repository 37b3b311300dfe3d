// Counts in messages: "{count, plural, one {# factura} other {# facturas}}" picks the form with
// Intl.PluralRules, and every whole number is grouped like money ("23.833", "5.000").
import type { Language } from '../../../shared/domain/records';

export type Params = Record<string, string | number>;

const rules = new Map<string, Intl.PluralRules>();
const formats = new Map<string, Intl.NumberFormat>();

function pluralRules(locale: string): Intl.PluralRules {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule;
}

/** 23833 → "23.833" in Spanish, "23,833" in English: grouped even at four digits. */
export function formatCount(value: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: 'always', maximumFractionDigits: 2 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/** The number a parameter stands for: a number, or a count already formatted ("1.000", "125,7"). */
function numberOf(value: string | number, language: Language): number {
  if (typeof value === 'number') return value;
  const [group, decimal] = language === 'es' ? ['.', ','] : [',', '.'];
  const plain = value.trim().split(group).join('').replace(decimal, '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

function shown(value: string | number, locale: string): string {
  return typeof value === 'number' && Number.isInteger(value)
    ? formatCount(value, locale)
    : String(value);
}

/** Reads "one {…} other {…}" from `text` at `start`; returns the options and where they end. */
function readOptions(text: string, start: number): { options: Map<string, string>; end: number } {
  const options = new Map<string, string>();
  let index = start;
  for (;;) {
    while (text[index] === ' ') index += 1;
    if (text[index] === '}') return { options, end: index + 1 };
    const open = text.indexOf('{', index);
    if (open < 0) throw new Error(`unclosed plural in "${text}"`);
    const selector = text.slice(index, open).trim();
    let depth = 1;
    let close = open + 1;
    for (; close < text.length && depth > 0; close += 1) {
      if (text[close] === '{') depth += 1;
      else if (text[close] === '}') depth -= 1;
    }
    if (depth !== 0) throw new Error(`unclosed plural in "${text}"`);
    options.set(selector, text.slice(open + 1, close - 1));
    index = close;
  }
}

const PLURAL_START = /\{(\w+), plural,/g;

/** Fills a message template: plural blocks first, then {name} placeholders. */
export function fillTemplate(
  template: string,
  language: Language,
  locale: string,
  params: Params | undefined,
): string {
  let text = template;
  if (text.includes(', plural,')) {
    let result = '';
    let last = 0;
    PLURAL_START.lastIndex = 0;
    for (let match = PLURAL_START.exec(text); match; match = PLURAL_START.exec(text)) {
      const name = match[1] ?? '';
      const { options, end } = readOptions(text, match.index + match[0].length);
      const value = params?.[name];
      let chosen = options.get('other') ?? '';
      if (value !== undefined) {
        const amount = numberOf(value, language);
        const exact = options.get(`=${amount}`);
        const category = Number.isNaN(amount) ? 'other' : pluralRules(locale).select(amount);
        chosen = exact ?? options.get(category) ?? chosen;
        chosen = chosen.replace(/#/g, shown(value, locale));
      }
      result += text.slice(last, match.index) + chosen;
      last = end;
      PLURAL_START.lastIndex = end;
    }
    text = result + text.slice(last);
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : shown(value, locale);
  });
}
