// What a reconciliation proposal or a hand assignment pays, and how its items are named.
import type { OpenItem } from '../../../../shared/domain/reconciliation';

/** What a confirmation pays: the invoices, and the plans of the installments. */
export function choiceOf(items: readonly OpenItem[]): { invoiceIds: string[]; planIds: string[] } {
  const invoiceIds = items.flatMap((item) =>
    item.kind === 'invoice' || item.planId === undefined ? [...item.invoiceIds] : [],
  );
  const planIds = [...new Set(items.flatMap((item) => (item.planId ? [item.planId] : [])))];
  return { invoiceIds, planIds };
}

/** "PP-2026-0001 · plazo 1" for an installment, the number for an invoice. */
export function itemLabel(item: OpenItem): string {
  return item.planReference ? `${item.planReference} · ${item.label}` : item.label;
}
