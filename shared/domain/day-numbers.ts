// Calendar dates as day numbers (days since 2000-01-01): what a walk over the whole ledger compares.
import { daysBetween, type CalendarDate } from './dates';

const ZERO = 48;

/**
 * Days since 2000-01-01 (as daysBetween('2000-01-01', date)), read from the digits: a ledger's walk
 * converts hundreds of thousands of dates, and the arithmetic costs less than a parse or a lookup.
 * Anything not shaped YYYY-MM-DD, or no such day, goes through daysBetween (which throws).
 */
export function dayNumberOf(date: CalendarDate): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year =
      (date.charCodeAt(0) - ZERO) * 1000 +
      (date.charCodeAt(1) - ZERO) * 100 +
      (date.charCodeAt(2) - ZERO) * 10 +
      (date.charCodeAt(3) - ZERO);
    const month = (date.charCodeAt(5) - ZERO) * 10 + (date.charCodeAt(6) - ZERO);
    const day = (date.charCodeAt(8) - ZERO) * 10 + (date.charCodeAt(9) - ZERO);
    if (
      year >= 1 &&
      year <= 9999 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      (day <= 28 || day <= lastDayOf(year, month)) &&
      allDigits(date)
    ) {
      return civilDays(year, month, day);
    }
  }
  return daysBetween('2000-01-01', date);
}

function lastDayOf(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Only digits besides the two dashes (a stray character could still add up to a valid day). */
function allDigits(date: string): boolean {
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const code = date.charCodeAt(i) - ZERO;
    if (code < 0 || code > 9) return false;
  }
  return true;
}

/** Howard Hinnant's days_from_civil, shifted to 2000-01-01 (the same formula as dates.ts). */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146097 + dayOfEra + dayOfYear - 730425;
}
