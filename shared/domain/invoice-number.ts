// Invoice numbers by series: "2026-077" is series "2026-", number 77 written with 3 digits.
// Spanish invoices are numbered per series (RD 1619/2012, art. 6.1.a), not per client.
import type { CalendarDate } from './dates';

export interface InvoiceNumberParts {
  /** Everything before the last run of digits: "2026-" in "2026-077", "F" in "F0012". */
  series: string;
  seq: number;
  /** Digits written, zeros included: 3 in "2026-077". */
  width: number;
  /** Anything after the digits ("-R" in "2026-077-R"); usually empty. */
  suffix: string;
}

export function parseInvoiceNumber(value: string): InvoiceNumberParts | null {
  const match = /^(.*?)(\d+)(\D*)$/.exec(value.trim());
  if (!match) return null;
  const [, series = '', digits = '', suffix = ''] = match;
  const seq = Number(digits);
  if (!Number.isSafeInteger(seq)) return null;
  return { series, seq, width: digits.length, suffix };
}

export function formatInvoiceNumber(parts: InvoiceNumberParts): string {
  return `${parts.series}${String(parts.seq).padStart(parts.width, '0')}${parts.suffix}`;
}

/**
 * The series the next invoice belongs to: the latest invoice's, with its year moved to this year
 * when it names an earlier one ("2025-" becomes "2026-" in January). No invoice yet: "2026-".
 */
export function seriesForNext(
  latest: string | null,
  today: CalendarDate,
): Omit<InvoiceNumberParts, 'seq'> {
  const year = today.slice(0, 4);
  const parts = latest === null ? null : parseInvoiceNumber(latest);
  if (!parts) return { series: `${year}-`, width: 3, suffix: '' };
  const series = parts.series.replace(/(^|\D)((?:19|20)\d\d)(?=\D|$)/, (whole, before, found) =>
    found < year ? `${before}${year}` : whole,
  );
  return { series, width: parts.width, suffix: parts.suffix };
}

/**
 * The number to propose: one more than the highest taken in the latest invoice's series (the
 * first of the year when the series rolls over). `taken` are numbers of that series (others are
 * ignored); a gap left by a deleted invoice is not refilled.
 */
export function nextInvoiceNumber(args: {
  latest: string | null;
  taken: readonly string[];
  today: CalendarDate;
}): string {
  const target = seriesForNext(args.latest, args.today);
  let highest = 0;
  let width = target.width;
  for (const number of args.taken) {
    const parts = parseInvoiceNumber(number);
    if (!parts || parts.series !== target.series || parts.suffix !== target.suffix) continue;
    if (parts.seq > highest) {
      highest = parts.seq;
      width = Math.max(target.width, parts.width);
    }
  }
  return formatInvoiceNumber({ ...target, width, seq: highest + 1 });
}
