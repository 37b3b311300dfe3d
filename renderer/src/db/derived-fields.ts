// Keeps an invoice's derived fields (paid, outstanding, next due) equal to its allocations.
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

/** Returns the invoice with its derived fields recomputed from the given paid amount. */
export function withDerivedFields(
  invoice: InvoiceRecord,
  paidCents: number,
  updatedAt: string,
): InvoiceRecord {
  const derived = deriveInvoiceFields(invoice, paidCents);
  return { ...invoice, ...derived, updatedAt };
}

/** Recomputes from the allocations table and writes the invoice (call inside a rw transaction). */
export async function recomputeInvoice(
  db: CuentasDatabase,
  invoice: InvoiceRecord,
  updatedAt: string,
): Promise<InvoiceRecord> {
  const paid = await sumAllocatedToInvoice(db, invoice.id);
  const next = withDerivedFields(invoice, paid, updatedAt);
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
