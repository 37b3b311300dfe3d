// The Ley 3/2004 late-payment rate per semester: an editable table, newest last.
import { isCalendarDate, type CalendarDate } from './dates';
import type { FieldIssue } from './validation';

export interface LegalRateEntry {
  /** First day of the semester: YYYY-01-01 or YYYY-07-01. */
  from: CalendarDate;
  /** ECB main refinancing rate applied before the semester's first day + 8 points (art. 7). */
  ratePercent: number;
  /** True when the value was not yet published by the BOE when this table was written. */
  assumed?: boolean;
}

/*
 * Source: the Secretaría General del Tesoro resolutions published in the BOE each semester
 * ("tipo legal de interés de demora aplicable a las operaciones comerciales"), i.e. the ECB main
 * refinancing rate (0 % until July 2022, 2.50 % from Dec 2022, 4.00 % from June 2023, 4.50 % from
 * Sept 2023, 4.25 % from June 2024, 3.15 % from Dec 2024, 2.15 % from June 2025) + 8 points.
 */
export const LEGAL_INTEREST_RATES: readonly LegalRateEntry[] = [
  { from: '2019-01-01', ratePercent: 8.0 },
  { from: '2019-07-01', ratePercent: 8.0 },
  { from: '2020-01-01', ratePercent: 8.0 },
  { from: '2020-07-01', ratePercent: 8.0 },
  { from: '2021-01-01', ratePercent: 8.0 },
  { from: '2021-07-01', ratePercent: 8.0 },
  { from: '2022-01-01', ratePercent: 8.0 },
  { from: '2022-07-01', ratePercent: 8.0 },
  { from: '2023-01-01', ratePercent: 10.5 },
  { from: '2023-07-01', ratePercent: 12.0 },
  { from: '2024-01-01', ratePercent: 12.5 },
  { from: '2024-07-01', ratePercent: 12.25 },
  { from: '2025-01-01', ratePercent: 11.15 },
  { from: '2025-07-01', ratePercent: 10.15 },
  { from: '2026-01-01', ratePercent: 10.15 },
  // Assumption: the ECB rate unchanged at 2.15 % on 1 July 2026; edit when the BOE publishes it.
  { from: '2026-07-01', ratePercent: 10.15, assumed: true },
];

/** The first day of the semester containing the date. */
export function semesterStart(date: CalendarDate): CalendarDate {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${month <= 6 ? '01' : '07'}-01`;
}

/** The last day of the semester containing the date. */
export function semesterEnd(date: CalendarDate): CalendarDate {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${month <= 6 ? '06-30' : '12-31'}`;
}

/**
 * The legal rate on a date. Before the table starts the first entry applies; after it ends the
 * last one does (the caller may warn: the value is then an assumption).
 */
export function legalRateOn(
  date: CalendarDate,
  table: readonly LegalRateEntry[] = LEGAL_INTEREST_RATES,
): LegalRateEntry {
  const first = table[0];
  if (!first) throw new RangeError('The legal interest table is empty');
  let found = first;
  for (const entry of table) if (entry.from <= date) found = entry;
  return found;
}

/** Highest rate accepted in an edited table: the legal rate has never come near it. */
export const MAX_LEGAL_RATE_PERCENT = 30;

/**
 * Problems of an edited table, each naming its row: semesters start on 1 January or 1 July, come in
 * order without repeats, and rates lie between 0 and 30 %.
 */
export function checkLegalRates(table: readonly LegalRateEntry[]): FieldIssue[] {
  if (table.length === 0) return [{ field: 'rates', code: 'required' }];
  const issues: FieldIssue[] = [];
  table.forEach((entry, index) => {
    const row = index + 1;
    const month = entry.from.slice(4);
    const semester = isCalendarDate(entry.from) && (month === '-01-01' || month === '-07-01');
    const previous = table[index - 1];
    if (!semester) {
      issues.push({ field: `rates.${index}.from`, code: 'date_invalid', params: { row } });
    } else if (previous && previous.from >= entry.from) {
      issues.push({ field: `rates.${index}.from`, code: 'duplicate_in_file', params: { row } });
    }
    const rate = entry.ratePercent;
    if (!Number.isFinite(rate) || rate < 0 || rate > MAX_LEGAL_RATE_PERCENT) {
      issues.push({
        field: `rates.${index}.ratePercent`,
        code: 'out_of_range',
        params: { row, min: 0, max: MAX_LEGAL_RATE_PERCENT },
      });
    }
  });
  return issues;
}
