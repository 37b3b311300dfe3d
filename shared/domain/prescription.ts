// When a debt can no longer be claimed: 5 years (art. 1964.2 CC), restarted by demands and acknowledgments (art. 1973 CC).
import { addDays, addMonthsClamped, daysBetween, type CalendarDate } from './dates';

/** Personal actions without a special term (art. 1964.2 CC, as reformed by Ley 42/2015). */
export const PRESCRIPTION_YEARS = 5;
export const DEFAULT_WARNING_MONTHS = 6;

export type PrescriptionState = 'running' | 'warning' | 'expired';

export interface PrescriptionStatus {
  /** The day the current period started: the due date, or the last interruption that counted. */
  startsOn: CalendarDate;
  /** The last day the claim can still be brought. */
  deadline: CalendarDate;
  daysLeft: number;
  state: PrescriptionState;
  lastInterruption: CalendarDate | null;
}

/** Periods are counted from date to date (art. 5 CC): a 29 February start ends on 28 February. */
function periodEnd(start: CalendarDate): CalendarDate {
  return addMonthsClamped(start, PRESCRIPTION_YEARS * 12);
}

/**
 * Each extrajudicial demand by the creditor, acknowledgment by the debtor or judicial claim
 * (art. 1973 CC) restarts the whole period, but only while the period is still running:
 * a demand sent after the deadline does not revive an expired claim.
 */
export function prescriptionStatus(
  input: { dueDate: CalendarDate; interruptions: readonly CalendarDate[] },
  today: CalendarDate,
  warningMonths: number = DEFAULT_WARNING_MONTHS,
): PrescriptionStatus {
  let startsOn = input.dueDate;
  let deadline = periodEnd(startsOn);
  let lastInterruption: CalendarDate | null = null;
  for (const date of [...input.interruptions].sort()) {
    if (date <= startsOn || date > deadline || date > today) continue;
    startsOn = date;
    deadline = periodEnd(date);
    lastInterruption = date;
  }
  const daysLeft = daysBetween(today, deadline);
  const warnFrom = addMonthsClamped(deadline, -warningMonths);
  const state: PrescriptionState =
    today > deadline ? 'expired' : today >= warnFrom ? 'warning' : 'running';
  return { startsOn, deadline, daysLeft, state, lastInterruption };
}

/**
 * The latest due date whose claim can be in its warning window on `today`: an interruption only
 * ever moves a deadline later, so a claim due after this day cannot be near prescription yet.
 * Exact (clamped month ends included): the screens skip every later invoice without a change.
 */
export function lastDueDateToWarn(
  today: CalendarDate,
  warningMonths: number = DEFAULT_WARNING_MONTHS,
): CalendarDate {
  // The first day of the warning window when the period starts on `due` and nothing interrupts
  // it: never earlier for a later due date (month arithmetic keeps the order).
  const warnFrom = (due: CalendarDate) => addMonthsClamped(periodEnd(due), -warningMonths);
  let last = addMonthsClamped(today, warningMonths - PRESCRIPTION_YEARS * 12);
  // Clamping to a month's end moves the bound by a few days at most.
  while (warnFrom(addDays(last, 1)) <= today) last = addDays(last, 1);
  while (warnFrom(last) > today) last = addDays(last, -1);
  return last;
}
