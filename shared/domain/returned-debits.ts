// Recognising a returned direct debit on a bank statement and the payment it takes back.
import { addDays, daysBetween, type CalendarDate } from './dates';
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

/** What a return may be tied to: a receipt we sent to the bank, for one installment. */
export interface PresentedReceipt {
  installmentId: string;
  clientId: string;
  endToEndId: string;
  collectionDate: CalendarDate;
  amountCents: number;
}

type ReturnablePayment = Pick<
  PaymentRecord,
  'id' | 'clientId' | 'amountCents' | 'date' | 'reference' | 'method'
>;

/** Days around a receipt's collection date in which the payment that booked it may be dated. */
const COLLECTION_SLACK_BEFORE = 5;
const COLLECTION_SLACK_AFTER = 10;

const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * What a returned receipt takes back, tied to it, never guessed: a receipt we presented whose
 * end-to-end id the return names (then the payment booked around its collection date, if any);
 * else a payment whose reference the return names; else the only payment recorded as a direct
 * debit (domiciliación) of that amount within the 8-week window. Anything else — several
 * candidates, or none — is left for a person: a later, unrelated collection of the same amount is
 * never reversed by a guess.
 */
export function matchReturn<P extends ReturnablePayment>(
  movement: Pick<BankMovementRecord, 'amountCents' | 'date' | 'concept' | 'references'>,
  payments: readonly P[],
  receipts: readonly PresentedReceipt[] = [],
): { payment: P | null; receipt: PresentedReceipt | null } | null {
  const amount = -movement.amountCents;
  const from: CalendarDate = addDays(movement.date, -RETURN_WINDOW_DAYS);
  const joined = [movement.concept, ...movement.references].join(' ');
  const text = compact(joined);
  const candidates = payments.filter(
    (payment) =>
      payment.amountCents === amount && payment.date <= movement.date && payment.date >= from,
  );
  const receipt =
    receipts
      .filter(
        (row) =>
          row.amountCents === amount &&
          row.collectionDate <= movement.date &&
          compact(row.endToEndId).length >= 6 &&
          text.includes(compact(row.endToEndId)),
      )
      .sort((a, b) => b.collectionDate.localeCompare(a.collectionDate))[0] ?? null;
  const upper = joined.toUpperCase();
  const named = (payment: P) =>
    payment.reference
      .toUpperCase()
      .split(/\s+/)
      .some((word) => word.length >= 6 && upper.includes(word));
  if (receipt) {
    const near = (payment: P) =>
      payment.clientId === receipt.clientId &&
      payment.date >= addDays(receipt.collectionDate, -COLLECTION_SLACK_BEFORE) &&
      payment.date <= addDays(receipt.collectionDate, COLLECTION_SLACK_AFTER);
    const gap = (payment: P) => Math.abs(daysBetween(receipt.collectionDate, payment.date));
    const own = candidates
      .filter(
        (payment) => near(payment) || (payment.clientId === receipt.clientId && named(payment)),
      )
      .sort((a, b) => Number(named(b)) - Number(named(a)) || gap(a) - gap(b));
    return { payment: own[0] ?? null, receipt };
  }
  const byName = candidates.filter(named).sort((a, b) => b.date.localeCompare(a.date))[0];
  if (byName) return { payment: byName, receipt: null };
  const debits = candidates.filter((payment) => payment.method === 'direct_debit');
  if (debits.length === 1 && debits[0]) return { payment: debits[0], receipt: null };
  return null;
}

/** The payment a returned receipt takes back (matchReturn without presented receipts). */
export function pickReturnedPayment<P extends ReturnablePayment>(
  movement: Pick<BankMovementRecord, 'amountCents' | 'date' | 'concept' | 'references'>,
  payments: readonly P[],
): P | null {
  return matchReturn(movement, payments)?.payment ?? null;
}
