// TARGET2 business days: when a SEPA direct debit can be collected at the earliest.
import { addDays, daysBetween, parts, toCalendarDate, type CalendarDate } from './dates';

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toCalendarDate(year, month, day);
}

/** 2024-01-01 was a Monday: 0 = Monday … 6 = Sunday. */
function weekday(date: CalendarDate): number {
  return ((daysBetween('2024-01-01', date) % 7) + 7) % 7;
}

/** TARGET closing days: weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December. */
export function isTargetBusinessDay(date: CalendarDate): boolean {
  if (weekday(date) >= 5) return false;
  const { year, month, day } = parts(date);
  if ((month === 1 && day === 1) || (month === 5 && day === 1)) return false;
  if (month === 12 && (day === 25 || day === 26)) return false;
  const easter = easterSunday(year);
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

export function nextTargetBusinessDay(date: CalendarDate): CalendarDate {
  let next = addDays(date, 1);
  while (!isTargetBusinessDay(next)) next = addDays(next, 1);
  return next;
}

/** The date itself when the bank is open, else the next TARGET business day. */
export function businessDayOnOrAfter(date: CalendarDate): CalendarDate {
  return isTargetBusinessDay(date) ? date : nextTargetBusinessDay(date);
}

/**
 * The earliest collection date a file made today may ask for: under SEPA CORE the file must reach
 * the creditor's bank at least one TARGET business day before the collection (Cuaderno 19.14).
 */
export function earliestCollectionDate(today: CalendarDate): CalendarDate {
  return nextTargetBusinessDay(today);
}
