// Calendar dates as YYYY-MM-DD strings: validation, parsing, formatting and day arithmetic.

/** YYYY-MM-DD in the user's local calendar; never a UTC instant. */
export type CalendarDate = string;

export class DateParseError extends Error {
  readonly text: string;

  constructor(text: string, reason: string) {
    super(`Cannot read "${text}" as a date: ${reason}`);
    this.name = 'DateParseError';
    this.text = text;
  }
}

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

type DateParts = { year: number; month: number; day: number };

function readIso(text: string): DateParts | null {
  // A date of the table's years is read from its digits, without the regular expression.
  if (!Number.isNaN(quickDayNumber(text))) {
    const digit = (at: number): number => text.charCodeAt(at) - 48;
    return {
      year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
      month: digit(5) * 10 + digit(6),
      day: digit(8) * 10 + digit(9),
    };
  }
  const match = ISO_SHAPE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidParts(year, month, day) ? { year, month, day } : null;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && readIso(value) !== null;
}

export function toCalendarDate(year: number, month: number, day: number): CalendarDate {
  if (!isValidParts(year, month, day)) {
    throw new RangeError(`No such calendar date: year ${year}, month ${month}, day ${day}`);
  }
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function parts(date: CalendarDate): DateParts {
  const result = readIso(date);
  if (!result) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return result;
}

// Day numbers after Howard Hinnant's days_from_civil: pure integer arithmetic, no time zones.
function civilDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146097 + dayOfEra + dayOfYear - 719468;
}

/** Days before the first of each month in a common year (index 1 = January). */
const MONTH_START = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Days in each month of a common year (index 1 = January). */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// The years every ledger date falls in, January 1st's day number and leap or not, from a table:
// walks over a whole ledger read hundreds of thousands of dates.
const TABLE_FROM = 1900;
const TABLE_YEARS = 300;
const YEAR_STARTS = new Int32Array(TABLE_YEARS);
const LEAP_YEARS = new Uint8Array(TABLE_YEARS);
for (let k = 0; k < TABLE_YEARS; k += 1) {
  YEAR_STARTS[k] = civilDayNumber(TABLE_FROM + k, 1, 1);
  LEAP_YEARS[k] = isLeapYear(TABLE_FROM + k) ? 1 : 0;
}

/**
 * The day number of a YYYY-MM-DD date of the years 1900–2199, read from its digits (no regular
 * expression, no object); NaN for anything else, which the full parse then reads or refuses.
 */
function quickDayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  // Each digit as 0..9; anything else is out of that range once unsigned.
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return NaN;
  }
  const k = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - TABLE_FROM;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (k >>> 0 >= TABLE_YEARS || month < 1 || month > 12 || day < 1) return NaN;
  const leap = LEAP_YEARS[k] as number;
  if (day > (MONTH_DAYS[month] as number) + (month === 2 ? leap : 0)) return NaN;
  return (
    (YEAR_STARTS[k] as number) + (MONTH_START[month] as number) + (month > 2 ? leap : 0) + day - 1
  );
}

/** Days since 1970-01-01 (negative before); throws a RangeError for what is not a calendar date. */
export function epochDayOf(date: CalendarDate): number {
  const quick = quickDayNumber(date);
  if (!Number.isNaN(quick)) return quick;
  const { year, month, day } = parts(date);
  return civilDayNumber(year, month, day);
}

const dayNumber = epochDayOf;

function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return toCalendarDate(year, month, day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays needs whole days, got ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Keeps the day of month when it exists, else the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isSafeInteger(months)) {
    throw new RangeError(`addMonthsClamped needs whole months, got ${months}`);
  }
  const { year, month, day } = parts(date);
  const monthCount = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthCount / 12);
  const targetMonth = monthCount - targetYear * 12 + 1;
  return toCalendarDate(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
}

/** to − from in whole days. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const difference = daysBetween(b, a);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export function minDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((min, date) => (compareDates(date, min) < 0 ? date : min), first);
}

export function maxDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((max, date) => (compareDates(date, max) > 0 ? date : max), first);
}

/** The edge where the clock enters: the Date's local (not UTC) calendar day. */
export function todayLocal(now: Date = new Date()): CalendarDate {
  return toCalendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const DAY_FIRST_SHAPE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const YEAR_FIRST_SHAPE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Accepts dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy and yyyy-mm-dd. */
export function parseDateText(text: string): CalendarDate {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const yearFirst = YEAR_FIRST_SHAPE.exec(trimmed);
  const dayFirst = DAY_FIRST_SHAPE.exec(trimmed);
  if (yearFirst) {
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else if (dayFirst) {
    const yearText = dayFirst[4] ?? '';
    year = Number(yearText);
    // Two-digit years pivot at 70: "69" is 2069, "70" is 1970.
    if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
    [month, day] = [Number(dayFirst[3]), Number(dayFirst[1])];
  } else {
    throw new DateParseError(text, 'expected dd/mm/yyyy or yyyy-mm-dd');
  }
  if (!isValidParts(year, month, day)) throw new DateParseError(text, 'that date does not exist');
  return toCalendarDate(year, month, day);
}

/** es: "31/12/2026"; en*: "31 Dec 2026". By hand so every runtime prints the same. */
export function formatDate(date: CalendarDate, locale: string = 'es-ES'): string {
  const { year, month, day } = parts(date);
  const yearText = String(year).padStart(4, '0');
  if (locale.toLowerCase().startsWith('en')) {
    return `${day} ${MONTHS_EN[month - 1] ?? ''} ${yearText}`;
  }
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${yearText}`;
}
