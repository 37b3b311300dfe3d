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

/** "2026-0007, PP-2026-0001: plazo 1, plazo 2": each plan's reference once, before its installments. */
export function itemsLabel(items: readonly OpenItem[]): string {
  const parts: string[] = [];
  const plans = new Map<string, string[]>();
  for (const item of items) {
    if (!item.planReference) {
      parts.push(item.label);
      continue;
    }
    const labels = plans.get(item.planReference);
    if (labels) labels.push(item.label);
    else plans.set(item.planReference, [item.label]);
  }
  for (const [reference, labels] of plans) parts.push(`${reference}: ${labels.join(', ')}`);
  return parts.join(', ');
}
