// Ageing of receivables: each open due falls in a bucket by how many days it is past due.
import type { InvoiceRecord } from './records';
import type { Cents } from './money';
import { daysBetween, type CalendarDate } from './dates';
import { dayNumberOf } from './dso';
import { settleDues, settledCentsOf } from './invoice';

export type AgingBucket = 'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus';

export const AGING_BUCKETS: readonly AgingBucket[] = [
  'not_due',
  'd1_30',
  'd31_60',
  'd61_90',
  'd90_plus',
];

export function agingBucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'not_due';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'd90_plus';
}

/**
 * Outstanding per bucket, ageing each open due on its own (an invoice in three instalments can
 * sit in three buckets). Drafts and written-off invoices are not receivables and are left out.
 */
export function agingTotals(
  invoices: readonly Pick<
    InvoiceRecord,
    'dues' | 'paidCents' | 'creditedCents' | 'lifecycle' | 'outstandingCents'
  >[],
  today: CalendarDate,
): Record<AgingBucket, Cents> {
  const totals: Record<AgingBucket, Cents> = {
    not_due: 0,
    d1_30: 0,
    d31_60: 0,
    d61_90: 0,
    d90_plus: 0,
  };
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0) continue;
    for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
      if (due.outstandingCents <= 0) continue;
      totals[agingBucketOf(daysBetween(due.dueDate, today))] += due.outstandingCents;
    }
  }
  return totals;
}

/**
 * One open invoice's outstanding split by the age of each unpaid due, so the overdue buckets add
 * up to the overdue amount the Panel shows (ledger-state's `overdueCents`). An invoice followed
 * through a plan is overdue by the plan's installments instead: that overdue part goes to the
 * bucket of its age (`bucket`), the rest is not due.
 */
export function dueAging(
  invoice: Pick<InvoiceRecord, 'dues' | 'paidCents' | 'creditedCents' | 'planId'>,
  state: { outstandingCents: Cents; overdueCents: Cents; bucket: AgingBucket | null },
  today: CalendarDate,
): Partial<Record<AgingBucket, Cents>> {
  const split: Partial<Record<AgingBucket, Cents>> = {};
  const add = (bucket: AgingBucket, cents: Cents) => {
    if (cents > 0) split[bucket] = (split[bucket] ?? 0) + cents;
  };
  if (invoice.planId !== null) {
    const late = Math.min(state.overdueCents, state.outstandingCents);
    if (late > 0 && state.bucket !== null && state.bucket !== 'not_due') add(state.bucket, late);
    add('not_due', state.outstandingCents - (late > 0 && state.bucket !== 'not_due' ? late : 0));
    return split;
  }
  let left = state.outstandingCents;
  // Day numbers (cached per date) rather than parsing both dates again for every due.
  const todayNumber = dayNumberOf(today);
  for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
    const cents = Math.min(due.outstandingCents, left);
    if (cents <= 0) continue;
    add(agingBucketOf(todayNumber - dayNumberOf(due.dueDate)), cents);
    left -= cents;
  }
  // Whatever the dues do not explain (never expected) stays visible as not due.
  add('not_due', left);
  return split;
}
