// Calendar dates as day numbers (days since 2000-01-01): what a walk over the whole ledger compares.
import { daysBetween, type CalendarDate } from './dates';

/** Days before the first of each month in a common year (index 1 = January). */
const MONTH_START = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Leap days in the years 1..1999: 499 - 19 + 4. */
const LEAPS_BEFORE_2000 = 484;

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
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(month, leap)) {
        const before = year - 1;
        const leaps = Math.floor(before / 4) - Math.floor(before / 100) + Math.floor(before / 400);
        return (
          (year - 2000) * 365 +
          (leaps - LEAPS_BEFORE_2000) +
          (MONTH_START[month] as number) +
          (leap && month > 2 ? 1 : 0) +
          day -
          1
        );
      }
    }
  }
  return daysBetween('2000-01-01', date);
}

function lastDay(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
