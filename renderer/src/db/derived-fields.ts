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
