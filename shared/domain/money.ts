// Money as integer cents: parsing what people type, formatting for es/en, and exact arithmetic.

export type Cents = number;

export class MoneyParseError extends Error {
  readonly text: string;

  constructor(text: string, reason: string) {
    super(`Cannot read "${text}" as an amount of money: ${reason}`);
    this.name = 'MoneyParseError';
    this.text = text;
  }
}

export function isCents(value: unknown): value is Cents {
  return Number.isSafeInteger(value);
}

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of cents, got ${String(value)}`);
  }
}

// A sign and a € may come in either order before the number, or the € after it.
const SPANISH_THOUSANDS = /^[1-9]\d{0,2}(\.\d{3})+$/;
const ENGLISH_THOUSANDS = /^[1-9]\d{0,2}(,\d{3})+$/;
const AMOUNT_SHAPE = /^([+-]?)\s*(€?)\s*([+-]?)\s*([0-9.,]+)\s*(€?)$/u;

export function parseEuros(text: string): number {
  const match = AMOUNT_SHAPE.exec(text.trim());
  if (!match) {
    throw new MoneyParseError(text, 'expected digits with an optional sign, separators and €');
  }
  const [, signBefore = '', euroBefore = '', signAfter = '', number = '', euroAfter = ''] = match;
  if (signBefore && signAfter) throw new MoneyParseError(text, 'more than one sign');
  if (euroBefore && euroAfter) throw new MoneyParseError(text, 'more than one € symbol');
  const { integer, decimals } = splitNumber(text, number);
  const cents = BigInt(integer) * 100n + BigInt(decimals.padEnd(2, '0'));
  const negative = (signBefore || signAfter) === '-';
  const result = Number(negative ? -cents : cents);
  if (!Number.isSafeInteger(result)) throw new MoneyParseError(text, 'the amount is too large');
  return result === 0 ? 0 : result;
}

/** Decides which separator is the decimal one and checks the thousands grouping. */
function splitNumber(text: string, number: string): { integer: string; decimals: string } {
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  let decimalSeparator: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSeparator = lastDot > lastComma ? '.' : ',';
  } else if (lastComma >= 0) {
    decimalSeparator = ',';
  } else if (lastDot >= 0 && !SPANISH_THOUSANDS.test(number)) {
    // "1.234" and "1.234.567" are Spanish thousands; "12.5" is a decimal point.
    decimalSeparator = '.';
  }
  if (decimalSeparator === null) return { integer: number.replaceAll('.', ''), decimals: '' };

  const at = number.lastIndexOf(decimalSeparator);
  const integerText = number.slice(0, at);
  const decimals = number.slice(at + 1);
  if (!/^\d+$/.test(decimals)) throw new MoneyParseError(text, 'no digits after the separator');
  if (decimals.length > 2) throw new MoneyParseError(text, 'more than two decimals');
  if (integerText === '') throw new MoneyParseError(text, 'no digits before the decimals');
  if (integerText.includes(decimalSeparator)) {
    throw new MoneyParseError(text, 'more than one decimal separator');
  }
  const groupSeparator = decimalSeparator === ',' ? '.' : ',';
  if (!integerText.includes(groupSeparator)) return { integer: integerText, decimals };
  const grouping = groupSeparator === '.' ? SPANISH_THOUSANDS : ENGLISH_THOUSANDS;
  if (!grouping.test(integerText)) {
    throw new MoneyParseError(text, 'thousands must be grouped in threes');
  }
  return { integer: integerText.replaceAll(groupSeparator, ''), decimals };
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function splitAbsolute(cents: number): { whole: string; fraction: string } {
  const absolute = Math.abs(cents);
  return {
    whole: String(Math.floor(absolute / 100)),
    fraction: String(absolute % 100).padStart(2, '0'),
  };
}

/**
 * es: "1.234,56 €" with a no-break space (U+00A0) before € so it never wraps alone; grouping is
 * done by hand because Intl's es-ES leaves four-digit numbers ungrouped. en*: "€1,234.56".
 */
export function formatEuros(cents: number, locale: string = 'es-ES'): string {
  assertCents(cents, 'formatEuros');
  const { whole, fraction } = splitAbsolute(cents);
  const sign = cents < 0 ? '-' : '';
  if (locale.toLowerCase().startsWith('en')) {
    return `${sign}€${groupThousands(whole, ',')}.${fraction}`;
  }
  return `${sign}${groupThousands(whole, '.')},${fraction}\u00A0€`;
}

/** For editable form fields: "1234,56", no symbol and no grouping. */
export function formatCentsInput(cents: number): string {
  assertCents(cents, 'formatCentsInput');
  const { whole, fraction } = splitAbsolute(cents);
  return `${cents < 0 ? '-' : ''}${whole},${fraction}`;
}

export function sumCents(values: readonly number[]): Cents {
  let total = 0;
  for (const value of values) {
    assertCents(value, 'sumCents item');
    total += value;
  }
  assertCents(total, 'sumCents total');
  return total;
}

/**
 * Rounds half away from zero to the cent. The percent is scaled to an integer (4 decimals) and
 * the product is taken in BigInt so 21% of any amount is exact.
 */
export function percentOfCents(baseCents: Cents, percent: number): Cents {
  assertCents(baseCents, 'percentOfCents base');
  if (!Number.isFinite(percent)) throw new RangeError(`Invalid percent ${String(percent)}`);
  const scaledPercent = BigInt(Math.round(percent * 10_000));
  const product = BigInt(baseCents) * scaledPercent;
  const divisor = 1_000_000n; // 100 (percent) × 10 000 (scale)
  const magnitude = product < 0n ? -product : product;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  const result = Number(product < 0n ? -quotient : quotient);
  assertCents(result, 'percentOfCents result');
  return result === 0 ? 0 : result;
}

/** Splits into parts that differ by at most a cent and sum exactly, the larger ones first. */
export function splitCentsEvenly(totalCents: Cents, parts: number): Cents[] {
  assertCents(totalCents, 'splitCentsEvenly total');
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`splitCentsEvenly needs a positive whole number of parts, got ${parts}`);
  }
  const base = Math.floor(totalCents / parts);
  const remainder = totalCents - base * parts;
  return Array.from({ length: parts }, (_, index) => (index < remainder ? base + 1 : base) || 0);
}
