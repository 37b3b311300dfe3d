// The Ley 3/2004 late-payment rate per semester: an editable table, newest last.
import type { CalendarDate } from './dates';

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
