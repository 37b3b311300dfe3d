// Payment use cases: record (through receiveMoney, the one way in), delete, and preview for the form.
import type { AllocationRecord, PaymentRecord } from '../../../shared/domain/records';
import { formatEuros } from '../../../shared/domain/money';
import type { CuentasDatabase } from './database';
import type { AuditEntryInput } from './audit';
import { writeAudits } from './audit';
import { recomputeInvoice } from './derived-fields';
import { fail, nowInstant } from './repo-helpers';
import { recomputePlansOfClient } from './plan-payments';
import type { PaymentInput, PaymentPreview } from './payments/receive-money';
import { invoiceAudit, previewReceipt, receiveMoney } from './payments/receive-money';

export type {
  AllocationChoice,
  AllocationItem,
  PaymentInput,
  PaymentPreview,
} from './payments/receive-money';

/** What recordPayment would allocate, without writing anything. */
export async function previewPayment(
  db: CuentasDatabase,
  input: PaymentInput,
): Promise<PaymentPreview> {
  return previewReceipt(db, input);
}

/** A payment typed by hand. */
export async function recordPayment(
  db: CuentasDatabase,
  input: PaymentInput,
): Promise<{ payment: PaymentRecord; allocations: AllocationRecord[] }> {
  return receiveMoney(db, { ...input, source: 'hand' });
}

/** Deletes a payment and its allocations; the invoices it paid become outstanding again. */
export async function deletePayment(db: CuentasDatabase, id: string): Promise<void> {
  const tables = [db.invoices, db.payments, db.allocations, db.audit, db.plans, db.installments];
  await db.transaction('rw', tables, async () => {
    const payment = await db.payments.get(id);
    if (!payment) fail('id', 'not_found', { id });
    const allocations = await db.allocations.where('paymentId').equals(id).toArray();
    await db.allocations.bulkDelete(allocations.map((allocation) => allocation.id));
    await db.payments.delete(id);
    const at = nowInstant();
    const audits: AuditEntryInput[] = [
      {
        at,
        entity: 'payment',
        entityId: id,
        action: 'delete',
        summary: `Cobro de ${formatEuros(payment.amountCents)} eliminado`,
        before: { payment, allocations },
        after: null,
      },
    ];
    const invoiceIds = [...new Set(allocations.map((allocation) => allocation.invoiceId))];
    for (const invoiceId of invoiceIds) {
      const before = await db.invoices.get(invoiceId);
      if (!before) continue;
      const after = await recomputeInvoice(db, before, at);
      audits.push(invoiceAudit(at, before, after, 'Anulado un cobro'));
    }
    await writeAudits(db, audits);
    await recomputePlansOfClient(db, payment.clientId, at);
  });
}
