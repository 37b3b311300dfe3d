// Calendar dates as day numbers (days since 2000-01-01): what a walk over the whole ledger compares.
import { epochDayOf, type CalendarDate } from './dates';

/** epochDayOf('2000-01-01'): 30 years of 365 days and 7 leap days. */
const DAY_2000 = 30 * 365 + 7;

/**
 * Days since 2000-01-01 (as daysBetween('2000-01-01', date)), read from the digits (see
 * epochDayOf): a ledger's walk converts hundreds of thousands of dates. Anything that is not a
 * calendar date throws, as daysBetween does.
 */
export function dayNumberOf(date: CalendarDate): number {
  return epochDayOf(date) - DAY_2000;
}
