// Calendar dates as day numbers (days since 2000-01-01): what a walk over the whole ledger compares.
import { daysBetween, type CalendarDate } from './dates';

/** Days before the first of each month in a common year (index 1 = January). */
const MONTH_START = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Days in each month of a common year (index 1 = January). */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Leap days in the years 1..1999: 499 - 19 + 4. */
const LEAPS_BEFORE_2000 = 484;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day number of January 1st of `year` (the leap days before it counted). */
function yearStart(year: number): number {
  const before = year - 1;
  const leaps = Math.floor(before / 4) - Math.floor(before / 100) + Math.floor(before / 400);
  return (year - 2000) * 365 + (leaps - LEAPS_BEFORE_2000);
}

/** Years a ledger's dates fall in are read from a table: no divisions per date. */
const TABLE_FROM = 1900;
const TABLE_YEARS = 300;
const YEAR_STARTS = new Int32Array(TABLE_YEARS);
const LEAP_YEARS = new Uint8Array(TABLE_YEARS);
for (let k = 0; k < TABLE_YEARS; k += 1) {
  YEAR_STARTS[k] = yearStart(TABLE_FROM + k);
  LEAP_YEARS[k] = isLeap(TABLE_FROM + k) ? 1 : 0;
}

/**
 * Days since 2000-01-01 (as daysBetween('2000-01-01', date)), read from the digits: a ledger's walk
 * converts hundreds of thousands of dates, and the arithmetic costs less than a parse or a lookup.
 * Anything not shaped YYYY-MM-DD, or no such day, goes through daysBetween (which throws).
 */
export function dayNumberOf(date: CalendarDate): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    // Each digit as 0..9; anything else is out of that range once unsigned.
    const y0 = date.charCodeAt(0) - 48;
    const y1 = date.charCodeAt(1) - 48;
    const y2 = date.charCodeAt(2) - 48;
    const y3 = date.charCodeAt(3) - 48;
    const m0 = date.charCodeAt(5) - 48;
    const m1 = date.charCodeAt(6) - 48;
    const d0 = date.charCodeAt(8) - 48;
    const d1 = date.charCodeAt(9) - 48;
    if (
      y0 >>> 0 < 10 &&
      y1 >>> 0 < 10 &&
      y2 >>> 0 < 10 &&
      y3 >>> 0 < 10 &&
      m0 >>> 0 < 10 &&
      m1 >>> 0 < 10 &&
      d0 >>> 0 < 10 &&
      d1 >>> 0 < 10
    ) {
      const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      const month = m0 * 10 + m1;
      const day = d0 * 10 + d1;
      const k = year - TABLE_FROM;
      if (k >>> 0 < TABLE_YEARS && month >= 1 && month <= 12 && day >= 1) {
        const leapDay = month === 2 ? (LEAP_YEARS[k] as number) : 0;
        if (day <= (MONTH_DAYS[month] as number) + leapDay) {
          const afterFebruary = month > 2 ? (LEAP_YEARS[k] as number) : 0;
          return (
            (YEAR_STARTS[k] as number) + (MONTH_START[month] as number) + afterFebruary + day - 1
          );
        }
      } else if (year >= 1 && month >= 1 && month <= 12 && day >= 1) {
        const leap = isLeap(year);
        if (day <= (MONTH_DAYS[month] as number) + (leap && month === 2 ? 1 : 0)) {
          return (
            yearStart(year) + (MONTH_START[month] as number) + (leap && month > 2 ? 1 : 0) + day - 1
          );
        }
      }
    }
  }
  return daysBetween('2000-01-01', date);
}
