// Keeps an invoice's derived fields (paid, credited, outstanding, next due) equal to its
// allocations and credit notes.
import type { InvoiceRecord } from '../../../shared/domain/records';
import { deriveInvoiceFields } from '../../../shared/domain/invoice';
import type { CuentasDatabase } from './database';

export async function sumAllocatedToInvoice(
  db: CuentasDatabase,
  invoiceId: string,
): Promise<number> {
  const rows = await db.allocations.where('invoiceId').equals(invoiceId).toArray();
  return rows.reduce((sum, row) => sum + row.amountCents, 0);
}

/** The sum of an invoice's credit notes (the creditNotes table must be in the transaction). */
export async function sumCreditedToInvoice(
  db: CuentasDatabase,
  invoiceId: string,
): Promise<number> {
  const rows = await db.creditNotes.where('invoiceId').equals(invoiceId).toArray();
  return rows.reduce((sum, row) => sum + row.amountCents, 0);
}

/**
 * Returns the invoice with its derived fields recomputed from the given paid amount and, when
 * given, credited amount (otherwise the invoice's stored creditedCents is kept).
 */
export function withDerivedFields(
  invoice: InvoiceRecord,
  paidCents: number,
  updatedAt: string,
  creditedCents?: number,
): InvoiceRecord {
  const credited = creditedCents ?? invoice.creditedCents ?? 0;
  const derived = deriveInvoiceFields(invoice, paidCents, credited);
  const next: InvoiceRecord = { ...invoice, ...derived, updatedAt };
  // Invoices never credited keep the field absent (absent = 0), as records written before v3.
  if (credited > 0 || invoice.creditedCents !== undefined) next.creditedCents = credited;
  return next;
}

export interface RecomputeOptions {
  /**
   * Also re-sum the invoice's credit notes (the creditNotes table must then be in the
   * transaction). Without it the stored creditedCents is trusted: it only changes through the
   * credit-note use cases, which recompute with this option.
   */
  credits?: boolean;
}

/** Recomputes from the allocations (and credit notes) and writes the invoice (inside a rw transaction). */
export async function recomputeInvoice(
  db: CuentasDatabase,
  invoice: InvoiceRecord,
  updatedAt: string,
  options: RecomputeOptions = {},
): Promise<InvoiceRecord> {
  const paid = await sumAllocatedToInvoice(db, invoice.id);
  const credited = options.credits ? await sumCreditedToInvoice(db, invoice.id) : undefined;
  const next = withDerivedFields(invoice, paid, updatedAt, credited);
  await db.invoices.put(next);
  return next;
}

/** Collections: disputedCents = the open disputes' amounts (call inside a rw transaction). */
export async function recomputeDisputed(
  db: CuentasDatabase,
  invoice: InvoiceRecord,
  updatedAt: string,
): Promise<InvoiceRecord> {
  const open = await db.disputes
    .where('invoiceId')
    .equals(invoice.id)
    .filter((dispute) => dispute.status === 'open')
    .toArray();
  const disputedCents = Math.min(
    invoice.outstandingCents,
    open.reduce((sum, dispute) => sum + dispute.amountCents, 0),
  );
  const next = { ...invoice, disputedCents, updatedAt };
  await db.invoices.put(next);
  return next;
}

function sumsBy(rows: readonly { invoiceId: string; amountCents: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.invoiceId, (sums.get(row.invoiceId) ?? 0) + row.amountCents);
  return sums;
}

/**
 * recomputeInvoice (with credits) then recomputeDisputed for many invoices at once, inside a rw
 * transaction: the same derivation with one read per table and one bulk write (sync applies a
 * pulled batch of hundreds of invoices with it).
 */
export async function recomputeInvoicesInBulk(
  db: CuentasDatabase,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const [invoices, allocations, credits, disputes] = await Promise.all([
    db.invoices.bulkGet([...ids]),
    db.allocations.where('invoiceId').anyOf(ids).toArray(),
    db.creditNotes.where('invoiceId').anyOf(ids).toArray(),
    db.disputes.where('invoiceId').anyOf(ids).toArray(),
  ]);
  const paid = sumsBy(allocations);
  const credited = sumsBy(credits);
  const open = sumsBy(disputes.filter((dispute) => dispute.status === 'open'));
  const next = invoices.flatMap((invoice) => {
    if (!invoice) return [];
    const derived = withDerivedFields(
      invoice,
      paid.get(invoice.id) ?? 0,
      invoice.updatedAt,
      credited.get(invoice.id) ?? 0,
    );
    return [
      { ...derived, disputedCents: Math.min(derived.outstandingCents, open.get(invoice.id) ?? 0) },
    ];
  });
  await db.invoices.bulkPut(next);
}
