// Ageing of receivables: each open due falls in a bucket by how many days it is past due.
import type { InvoiceRecord } from './records';
import type { Cents } from './money';
import { daysBetween, type CalendarDate } from './dates';
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
