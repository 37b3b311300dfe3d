// When a debt can no longer be claimed: 5 years (art. 1964.2 CC), restarted by demands and acknowledgments (art. 1973 CC).
import { addMonthsClamped, daysBetween, type CalendarDate } from './dates';

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
