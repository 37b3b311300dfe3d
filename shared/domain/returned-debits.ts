// Recognising a returned direct debit on a bank statement and the payment it takes back.
import { addDays, type CalendarDate } from './dates';
import type { BankMovementRecord, PaymentRecord } from './records';

/** Norma 43 common concept 14: "devoluciones e impagados" (returned and unpaid items). */
export const RETURNED_COMMON_CODE = '14';

/** Words banks write on a returned receipt when the common concept is not 14. */
const RETURN_WORDS =
  /devoluci[oó]n|devuelto|impagad[oa]|\bretroced|\brecibo devuel|\bR-?TRANS|\bMS0[23]\b|\bAM04\b|\bMD0[16]\b/i;

/** A debit on the account (money out) coded or worded as a returned or unpaid item. */
export function isReturnedDebit(
  movement: Pick<BankMovementRecord, 'amountCents' | 'commonCode' | 'concept' | 'references'>,
): boolean {
  if (movement.amountCents >= 0) return false;
  if (movement.commonCode === RETURNED_COMMON_CODE) return true;
  return RETURN_WORDS.test([movement.concept, ...movement.references].join(' '));
}

/** How far back a collected receipt can still be returned (SEPA Core: 8 weeks on request). */
export const RETURN_WINDOW_DAYS = 56;

/**
 * The payment a returned receipt takes back: same amount, booked on or before the return and
 * within the window; one whose reference appears in the movement (the end-to-end id, e.g.
 * "PP-2026-0001-2") wins, then the most recent.
 */
export function pickReturnedPayment<
  P extends Pick<PaymentRecord, 'id' | 'amountCents' | 'date' | 'reference'>,
>(
  movement: Pick<BankMovementRecord, 'amountCents' | 'date' | 'concept' | 'references'>,
  payments: readonly P[],
): P | null {
  const amount = -movement.amountCents;
  const from: CalendarDate = addDays(movement.date, -RETURN_WINDOW_DAYS);
  const text = [movement.concept, ...movement.references].join(' ').toUpperCase();
  const candidates = payments.filter(
    (payment) =>
      payment.amountCents === amount && payment.date <= movement.date && payment.date >= from,
  );
  const named = (payment: P) =>
    payment.reference
      .toUpperCase()
      .split(/\s+/)
      .some((word) => word.length >= 6 && text.includes(word));
  const byRecent = (a: P, b: P) => b.date.localeCompare(a.date);
  return candidates.filter(named).sort(byRecent)[0] ?? candidates.sort(byRecent)[0] ?? null;
}
