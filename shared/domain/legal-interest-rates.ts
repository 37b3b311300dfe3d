// The Ley 3/2004 late-payment rate per semester: an editable table, newest last.
import { addDays, isCalendarDate, type CalendarDate } from './dates';
import type { FieldIssue } from './validation';

export interface LegalRateEntry {
  /** The first day the rate applies: a semester's first day, or the day a law changed it. */
  from: CalendarDate;
  /** ECB main refinancing rate applied before the semester's first day + 8 points (art. 7). */
  ratePercent: number;
  /** True when the value was not yet published by the BOE when this table was written. */
  assumed?: boolean;
}

/*
 * Source: the Dirección General / Secretaría General del Tesoro resolutions published in the BOE
 * each semester ("tipo legal de interés de demora aplicable a las operaciones comerciales"): the
 * ECB rate on its latest main refinancing operation before the semester (the marginal rate while
 * the ECB held variable-rate tenders) + 7 points until 23 February 2013 and + 8 points from
 * 24 February 2013 (Real Decreto-ley 4/2013, art. 33, later Ley 11/2013), which the Tesoro applied
 * from that day with its own resolution (8,75 % for the rest of that semester). Ley 3/2004 is in
 * force since 30 December 2004, so its first semester is the second of 2004.
 * Checked against the BOE text: 2005-01 (BOE-A-2005-1042: 2,09 % + 7 = 9,09 %). Checked against
 * published summaries of the resolutions: 2006-01 to 2015-01 and the 2013 split. From memory of
 * the resolutions, not re-checked here: 2004-07 (9,01 %), 2005-07 (9,05 %), 2013-07 (8,50 %),
 * 2015-07 and 2016-01 (8,05 %: ECB 0,05 %), 2016-07 to 2018-07 (8,00 %: ECB 0 %).
 */
export const LEGAL_INTEREST_RATES: readonly LegalRateEntry[] = [
  { from: '2004-07-01', ratePercent: 9.01 },
  { from: '2005-01-01', ratePercent: 9.09 },
  { from: '2005-07-01', ratePercent: 9.05 },
  { from: '2006-01-01', ratePercent: 9.25 },
  { from: '2006-07-01', ratePercent: 9.83 },
  { from: '2007-01-01', ratePercent: 10.58 },
  { from: '2007-07-01', ratePercent: 11.07 },
  { from: '2008-01-01', ratePercent: 11.2 },
  { from: '2008-07-01', ratePercent: 11.07 },
  { from: '2009-01-01', ratePercent: 9.5 },
  { from: '2009-07-01', ratePercent: 8.0 },
  { from: '2010-01-01', ratePercent: 8.0 },
  { from: '2010-07-01', ratePercent: 8.0 },
  { from: '2011-01-01', ratePercent: 8.0 },
  { from: '2011-07-01', ratePercent: 8.25 },
  { from: '2012-01-01', ratePercent: 8.0 },
  { from: '2012-07-01', ratePercent: 8.0 },
  { from: '2013-01-01', ratePercent: 7.75 },
  // Real Decreto-ley 4/2013: 8 points over the ECB rate from 24 February 2013.
  { from: '2013-02-24', ratePercent: 8.75 },
  { from: '2013-07-01', ratePercent: 8.5 },
  { from: '2014-01-01', ratePercent: 8.25 },
  { from: '2014-07-01', ratePercent: 8.15 },
  { from: '2015-01-01', ratePercent: 8.05 },
  { from: '2015-07-01', ratePercent: 8.05 },
  { from: '2016-01-01', ratePercent: 8.05 },
  { from: '2016-07-01', ratePercent: 8.0 },
  { from: '2017-01-01', ratePercent: 8.0 },
  { from: '2017-07-01', ratePercent: 8.0 },
  { from: '2018-01-01', ratePercent: 8.0 },
  { from: '2018-07-01', ratePercent: 8.0 },
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

/**
 * The last day a rate found on `from` applies without a change: the semester's end or the day
 * before the table's next entry, whichever comes first (a rate may change mid-semester, as on
 * 24 February 2013, or mid-year for the interés legal del dinero on 1 April 2009).
 */
export function rateRunEnd(from: CalendarDate, table: readonly LegalRateEntry[]): CalendarDate {
  let end = semesterEnd(from);
  for (const entry of table) {
    if (entry.from > from && entry.from <= end) {
      end = addDays(entry.from, -1);
      break;
    }
  }
  return end;
}

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
 * Problems of an edited table, each naming its row: each row starts on a real date (a semester's
 * first day, or the day a law changed the rate), rows come in order without repeats, and rates lie
 * between 0 and 30 %.
 */
export function checkLegalRates(table: readonly LegalRateEntry[]): FieldIssue[] {
  if (table.length === 0) return [{ field: 'rates', code: 'required' }];
  const issues: FieldIssue[] = [];
  table.forEach((entry, index) => {
    const row = index + 1;
    const previous = table[index - 1];
    if (!isCalendarDate(entry.from)) {
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
