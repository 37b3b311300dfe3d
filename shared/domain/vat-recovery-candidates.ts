// Which open invoices can need attention for their VAT today, decided from the read model's columns.
import { addDays, addMonthsClamped, type CalendarDate } from './dates';
import type { InvoiceRecord } from './records';
import {
  effectiveWaitMonths,
  VAT_SOON_DAYS,
  type VatRecoverySettings,
} from './vat-recovery-status';
import { INSTALLMENT_THRESHOLD_MONTHS, RECTIFY_WITHIN_MONTHS } from './vatRecovery';

/** What the check reads: all of it is in the ledger's read model (CompactInvoice). */
export type VatCandidateFacts = Pick<
  InvoiceRecord,
  'issueDate' | 'dues' | 'paidCents' | 'creditedCents'
>;

/**
 * A due's window can be worth showing today only if the day its wait runs from (the issue date,
 * or the due date for an "operación a plazos") is in [startFrom, startTo].
 */
export interface VatAttentionBounds {
  startFrom: CalendarDate;
  startTo: CalendarDate;
  /** issue date → the day after which a last due makes the invoice one "a plazos" (memo). */
  installmentAfter: Map<CalendarDate, CalendarDate>;
}

/** The first day from `guess` on (or before it) where a non-decreasing test turns true. */
function firstDayWhere(guess: CalendarDate, test: (day: CalendarDate) => boolean): CalendarDate {
  let day = guess;
  while (!test(day)) day = addDays(day, 1);
  while (test(addDays(day, -1))) day = addDays(day, -1);
  return day;
}

/**
 * The bounds for `today`, from the windows of vatRecoveryWindows: eligibleFrom = start + wait
 * months and rectifyBy = eligibleFrom + 6 months, both "de fecha a fecha" (addMonthsClamped, which
 * never puts a later day before an earlier one). A due shows (see canNeedVatAttention) when
 * eligibleFrom ≤ today + 30 days and rectifyBy ≥ today − 30 days; each is one side of the start.
 */
export function vatAttentionBounds(
  settings: VatRecoverySettings,
  today: CalendarDate,
): VatAttentionBounds {
  const wait = effectiveWaitMonths(settings);
  const opensBy = addDays(today, VAT_SOON_DAYS);
  const closesFrom = addDays(today, -VAT_SOON_DAYS);
  const eligibleFrom = (start: CalendarDate) => addMonthsClamped(start, wait);
  const rectifyBy = (start: CalendarDate) =>
    addMonthsClamped(eligibleFrom(start), RECTIFY_WITHIN_MONTHS);
  const startFrom = firstDayWhere(
    addMonthsClamped(closesFrom, -(wait + RECTIFY_WITHIN_MONTHS)),
    (start) => rectifyBy(start) >= closesFrom,
  );
  const afterLast = firstDayWhere(
    addMonthsClamped(opensBy, -wait),
    (start) => eligibleFrom(start) > opensBy,
  );
  return { startFrom, startTo: addDays(afterLast, -1), installmentAfter: new Map() };
}

function installmentAfter(bounds: VatAttentionBounds, issueDate: CalendarDate): CalendarDate {
  let after = bounds.installmentAfter.get(issueDate);
  if (after === undefined) {
    after = addMonthsClamped(issueDate, INSTALLMENT_THRESHOLD_MONTHS);
    bounds.installmentAfter.set(issueDate, after);
  }
  return after;
}

/**
 * False only when `vatNeedsAttention(invoiceVatStatus(...), today)` is false whatever the invoice's
 * VAT, secured part, client and legal events, for an invoice with no corrective invoice recorded.
 *
 * Why (shared/domain/vat-recovery-status.ts): without a corrective invoice there are no AEAT or
 * upward-correction steps and `paidAfterCorrection` is false, so attention comes from a due alone,
 * in state opening_soon, open, missing_claim, closing_soon, or lost within 30 days (isVatDueNear).
 * Each of those needs the due unpaid (else `paid`), and today ≥ eligibleFrom − 30 days
 * (opening_soon ⇔ within 30 days of it; open states ⇔ on or after it; lost ⇔ after rectifyBy) and
 * today ≤ rectifyBy + 30 days (lost more than 30 days ago is not near; the others are before
 * rectifyBy). Each due's unpaid part is settled here as settleDues does (paid + credited, oldest
 * due first) and its start as vatRecoveryWindows does; the VAT, the secured part, the client's
 * flags and the legal events can only turn such a due into `excluded`, or move it between open
 * states, never add one. Anything unusual (dues out of date order, a malformed date) answers true:
 * the full status then decides, as it always did.
 */
export function canNeedVatAttention(
  invoice: VatCandidateFacts,
  bounds: VatAttentionBounds,
): boolean {
  const { dues, issueDate } = invoice;
  const last = dues[dues.length - 1];
  if (last === undefined) return false;
  if (issueDate.length !== 10) return true;
  let previous = '';
  for (const due of dues) {
    // YYYY-MM-DD strings compare like the dates; settleDues keeps dues in date order as stored.
    if (due.dueDate.length !== 10 || due.dueDate < previous) return true;
    previous = due.dueDate;
  }
  const installments = last.dueDate > installmentAfter(bounds, issueDate);
  if (!installments && (issueDate < bounds.startFrom || issueDate > bounds.startTo)) return false;
  let remaining = Math.max(0, invoice.paidCents + (invoice.creditedCents ?? 0));
  for (const due of dues) {
    const paid = Math.min(Math.max(0, due.amountCents), remaining);
    remaining -= paid;
    if (due.amountCents - paid <= 0) continue;
    const start = installments ? due.dueDate : issueDate;
    if (start >= bounds.startFrom && start <= bounds.startTo) return true;
  }
  return false;
}
