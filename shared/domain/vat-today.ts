// What Hoy says about the VAT of unpaid invoices: the one thing to do per invoice, and by when.
import { compareDates, daysBetween, type CalendarDate } from './dates';
import type { Cents } from './money';
import { isVatDueNear, VAT_SOON_DAYS, type InvoiceVatStatus } from './vat-recovery-status';

/** `opens`: the window opens on `date`; `closes`: act by `date`; `lost`: it closed on `date`. */
export type VatTodayKind = 'opens' | 'closes' | 'claim_missing' | 'lost' | 'aeat_notice';

export interface VatTodayItem {
  invoiceId: string;
  clientId: string;
  number: string;
  kind: VatTodayKind;
  date: CalendarDate;
  vatCents: Cents;
}

const ORDER: readonly VatTodayKind[] = ['aeat_notice', 'closes', 'claim_missing', 'opens', 'lost'];

function itemOf(status: InvoiceVatStatus, today: CalendarDate): VatTodayItem | null {
  const base = { invoiceId: status.invoiceId, clientId: status.clientId, number: status.number };
  // A corrective invoice already issued: its one-month notice to the AEAT comes first.
  const notice = status.steps.find(
    (step) => step.kind === 'aeat_notice' && step.state !== 'done' && step.by !== null,
  );
  if (notice?.by && daysBetween(today, notice.by) <= VAT_SOON_DAYS) {
    const vatCents = status.dues
      .filter((due) => due.state === 'rectified')
      .reduce((sum, due) => sum + due.vatAtStakeCents, 0);
    return { ...base, kind: 'aeat_notice', date: notice.by, vatCents };
  }
  const candidates: VatTodayItem[] = [];
  for (const due of status.dues) {
    // Without a provable claim the window closing is the most urgent moment, not only its opening.
    const claimDue =
      due.state === 'missing_claim' && daysBetween(today, due.rectifyBy) <= VAT_SOON_DAYS;
    if (!isVatDueNear(due, today) && !claimDue) continue;
    const vatCents = due.vatAtStakeCents;
    if (due.state === 'opening_soon') {
      candidates.push({ ...base, kind: 'opens', date: due.eligibleFrom, vatCents });
    } else if (due.state === 'missing_claim') {
      candidates.push({ ...base, kind: 'claim_missing', date: due.rectifyBy, vatCents });
    } else if (due.state === 'open' || due.state === 'closing_soon') {
      candidates.push({ ...base, kind: 'closes', date: due.rectifyBy, vatCents });
    } else if (due.state === 'lost') {
      candidates.push({ ...base, kind: 'lost', date: due.rectifyBy, vatCents });
    }
  }
  candidates.sort(
    (a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || compareDates(a.date, b.date),
  );
  const first = candidates[0];
  if (!first) return null;
  // Dues sharing the same step add up (two installments whose windows open together).
  const vatCents = candidates
    .filter((item) => item.kind === first.kind && item.date === first.date)
    .reduce((sum, item) => sum + item.vatCents, 0);
  return { ...first, vatCents };
}

/** One row per invoice with a VAT window to act on within 30 days, most urgent first. */
export function vatTodayItems(
  statuses: readonly InvoiceVatStatus[],
  today: CalendarDate,
): VatTodayItem[] {
  const items: VatTodayItem[] = [];
  for (const status of statuses) {
    const item = itemOf(status, today);
    if (item) items.push(item);
  }
  return items.sort(
    (a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || compareDates(a.date, b.date),
  );
}
