// Promises to pay: kept when payments cover them by their date, broken after the date plus a grace.
import { addDays, type CalendarDate } from './dates';
import type { PromiseRecord } from './records';

/** superseded: a signed payment plan covers its invoices ("sustituida por el plan"). */
export type PromiseState = 'open' | 'due' | 'kept' | 'broken' | 'cancelled' | 'superseded';

export interface PaymentTouch {
  date: CalendarDate;
  amountCents: number;
}

export interface PromiseEvaluation {
  state: PromiseState;
  /** Money received from the promise's start up to its date plus the grace. */
  paidCents: number;
  shortfallCents: number;
  /** The last day a payment still counts: promisedDate + graceDays. */
  deadline: CalendarDate;
}

export const DEFAULT_PROMISE_GRACE_DAYS = 2;

/**
 * `payments` are the amounts applied to the promise's invoices (or to the client when the promise
 * names none). Payments before the promise was made do not count: they were already known.
 */
export function evaluatePromise(
  promise: Pick<PromiseRecord, 'amountCents' | 'promisedDate' | 'status' | 'createdAt'>,
  payments: readonly PaymentTouch[],
  today: CalendarDate,
  graceDays: number = DEFAULT_PROMISE_GRACE_DAYS,
): PromiseEvaluation {
  const deadline = addDays(promise.promisedDate, Math.max(0, Math.trunc(graceDays)));
  const start = promise.createdAt.slice(0, 10);
  const paidCents = payments
    .filter((payment) => payment.date >= start && payment.date <= deadline)
    .reduce((sum, payment) => sum + payment.amountCents, 0);
  const shortfallCents = Math.max(0, promise.amountCents - paidCents);
  const base = { paidCents, shortfallCents, deadline };
  if (promise.status === 'cancelled') return { state: 'cancelled', ...base };
  if (promise.status === 'superseded') return { state: 'superseded', ...base };
  if (shortfallCents === 0) return { state: 'kept', ...base };
  if (today > deadline) return { state: 'broken', ...base };
  return { state: today >= promise.promisedDate ? 'due' : 'open', ...base };
}
