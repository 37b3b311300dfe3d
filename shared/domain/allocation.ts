// Spreading a payment over a client's open invoices, automatically or as the user chose.
import type { FieldIssue } from './validation';
import { isCents, type Cents } from './money';
import type { CalendarDate } from './dates';

export interface OpenInvoice {
  id: string;
  clientId: string;
  outstandingCents: Cents;
  nextDueDate: CalendarDate | null;
  issueDate: CalendarDate;
  number: string;
}

export interface Allocation {
  invoiceId: string;
  amountCents: Cents;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest debt first: by next due date (none last), then issue date, then number. */
function oldestFirst(a: OpenInvoice, b: OpenInvoice): number {
  if (a.nextDueDate !== b.nextDueDate) {
    if (a.nextDueDate === null) return 1;
    if (b.nextDueDate === null) return -1;
    return compareText(a.nextDueDate, b.nextDueDate);
  }
  return compareText(a.issueDate, b.issueDate) || compareText(a.number, b.number);
}

export function allocateOldestFirst(
  amountCents: Cents,
  openInvoices: readonly OpenInvoice[],
): { allocations: Allocation[]; unallocatedCents: Cents } {
  if (!isCents(amountCents) || amountCents < 0) {
    throw new RangeError(`A payment must be a non-negative number of cents, got ${amountCents}`);
  }
  const allocations: Allocation[] = [];
  let remaining = amountCents;
  for (const invoice of [...openInvoices].sort(oldestFirst)) {
    if (remaining === 0) break;
    const amount = Math.min(remaining, invoice.outstandingCents);
    if (amount <= 0) continue;
    allocations.push({ invoiceId: invoice.id, amountCents: amount });
    remaining -= amount;
  }
  return { allocations, unallocatedCents: remaining };
}

/**
 * Checks a hand-made allocation. Every chosen invoice must be among the open ones and belong to
 * the same client as the first; the returned allocations are the rows that passed.
 */
export function checkChosenAllocation(
  amountCents: Cents,
  chosen: readonly Allocation[],
  openInvoices: readonly OpenInvoice[],
): { allocations: Allocation[]; unallocatedCents: Cents; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!isCents(amountCents)) issues.push({ field: 'amountCents', code: 'amount_invalid' });
  else if (amountCents <= 0) issues.push({ field: 'amountCents', code: 'amount_not_positive' });

  const byId = new Map(openInvoices.map((invoice) => [invoice.id, invoice]));
  const clientId = chosen.map((row) => byId.get(row.invoiceId)?.clientId).find(Boolean);
  const usedByInvoice = new Map<string, Cents>();
  const allocations: Allocation[] = [];
  chosen.forEach((row, index) => {
    const field = `allocations.${index}`;
    const invoice = byId.get(row.invoiceId);
    if (!invoice || invoice.clientId !== clientId) {
      issues.push({ field, code: 'allocation_wrong_client', params: { invoiceId: row.invoiceId } });
      return;
    }
    if (!isCents(row.amountCents)) {
      issues.push({ field, code: 'amount_invalid' });
      return;
    }
    if (row.amountCents <= 0) {
      issues.push({ field, code: 'amount_not_positive' });
      return;
    }
    const used = (usedByInvoice.get(invoice.id) ?? 0) + row.amountCents;
    if (used > invoice.outstandingCents) {
      const params = { invoiceId: invoice.id, outstanding: invoice.outstandingCents };
      issues.push({ field, code: 'allocation_exceeds_invoice', params });
      return;
    }
    usedByInvoice.set(invoice.id, used);
    allocations.push({ invoiceId: row.invoiceId, amountCents: row.amountCents });
  });

  const allocated = allocations.reduce((sum, row) => sum + row.amountCents, 0);
  const payment = isCents(amountCents) ? amountCents : 0;
  if (allocated > payment) {
    const params = { expected: payment, actual: allocated };
    issues.push({ field: 'allocations', code: 'allocation_exceeds_payment', params });
  }
  return { allocations, unallocatedCents: Math.max(0, payment - allocated), issues };
}
