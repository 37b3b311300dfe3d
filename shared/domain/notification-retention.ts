// Which notification records may be forgotten: only those whose event the engine can never produce again.
import { daysBetween, isCalendarDate, type CalendarDate } from './dates';

/** Records kept whatever their age (the newest, by when they fired). */
export const NOTIFICATIONS_KEPT = 500;

/**
 * Days past an event's own date before it may go: a clock set back by mistake (or a laptop
 * travelling across time zones) must not bring a forgotten warning back.
 */
export const RETENTION_GRACE_DAYS = 30;

// "Due soon" is produced only while today < due date, "due today" only on it: both key on the date.
const DATED_INVOICE_KEY = /^invoice:.+:due-(?:in-\d+|today):(\d{4}-\d{2}-\d{2})$/;

/**
 * True only when no future check can produce `eventKey` again, so forgetting it cannot repeat a
 * notification. Keys the engine keeps producing while their cause lasts (overdue invoices, missed
 * installments, broken promises, follow-ups, prescriptions) are never forgotten: an unpaid invoice
 * stays overdue for years, and a payment undone makes it overdue again under the same key.
 */
export function canForgetEvent(eventKey: string, today: CalendarDate): boolean {
  // A digest's key carries the instant it was made; the engine never collects it as an event.
  if (eventKey.startsWith('digest:')) return true;
  const dated = DATED_INVOICE_KEY.exec(eventKey);
  const date = dated?.[1];
  if (!isCalendarDate(date) || !isCalendarDate(today)) return false;
  return daysBetween(date, today) > RETENTION_GRACE_DAYS;
}
