// Which open invoices can need attention for their VAT today, decided from the read model's columns.
import { addDays, type CalendarDate } from './dates';
import { settleDues } from './invoice';
import type { InvoiceRecord } from './records';
import {
  effectiveWaitMonths,
  VAT_SOON_DAYS,
  type VatRecoverySettings,
} from './vat-recovery-status';
import { vatRecoveryWindows } from './vatRecovery';

/** What the check reads: all of it is in the ledger's read model (CompactInvoice). */
export type VatCandidateFacts = Pick<
  InvoiceRecord,
  'issueDate' | 'dues' | 'paidCents' | 'creditedCents'
>;

/** The window of eligibleFrom / rectifyBy dates that can make a due worth showing on `today`. */
export interface VatAttentionBounds {
  waitMonths: 6 | 12;
  /** A due whose window opens after this day is `not_yet` (or paid, excluded…): never shown. */
  opensBy: CalendarDate;
  /** A due whose window closed before this day is lost for more than 30 days: never shown. */
  closesFrom: CalendarDate;
}

export function vatAttentionBounds(
  settings: VatRecoverySettings,
  today: CalendarDate,
): VatAttentionBounds {
  return {
    waitMonths: effectiveWaitMonths(settings),
    opensBy: addDays(today, VAT_SOON_DAYS),
    closesFrom: addDays(today, -VAT_SOON_DAYS),
  };
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
 * rectifyBy). The windows and each due's unpaid part are computed here exactly as
 * `invoiceVatStatus` does (settleDues on paid + credited, vatRecoveryWindows on the issue date and
 * the settled dues, paired by index); the VAT, the secured part, the client's flags and the legal
 * events can only turn such a due into `excluded`, or move it between open states, never add one.
 */
export function canNeedVatAttention(
  invoice: VatCandidateFacts,
  bounds: VatAttentionBounds,
): boolean {
  const settled = settleDues(invoice.dues, invoice.paidCents + (invoice.creditedCents ?? 0));
  let windows;
  try {
    windows = vatRecoveryWindows({
      accrualDate: invoice.issueDate,
      dues: settled,
      waitMonths: bounds.waitMonths,
    });
  } catch {
    // A malformed date: keep it, so the full status throws (or not) exactly as it always did.
    return true;
  }
  for (let index = 0; index < settled.length; index += 1) {
    const due = settled[index];
    const window = windows[index];
    if (!due || !window) return true;
    if (due.outstandingCents <= 0) continue;
    // Valid YYYY-MM-DD strings (vatRecoveryWindows checked them) compare like the dates.
    if (window.eligibleFrom <= bounds.opensBy && window.rectifyBy >= bounds.closesFrom) return true;
  }
  return false;
}
