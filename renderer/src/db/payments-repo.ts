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
import { tablesTouchedBy } from './references';
import { applyRemoval, changedRows, planRemoval, removedRows } from './removal';

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

/**
 * Deletes a payment and its allocations; the invoices it paid become outstanding again, and the
 * bank movement it was matched to goes back to "por conciliar" (the reference map, references.ts).
 */
export async function deletePayment(db: CuentasDatabase, id: string): Promise<void> {
  const tables = [db.invoices, db.plans, db.installments, ...tablesTouchedBy('payment', 'delete')];
  await db.transaction('rw', tables, async () => {
    const payment = await db.payments.get(id);
    if (!payment) fail('id', 'not_found', { id });
    const removal = await planRemoval(db, 'payment', [id], 'delete');
    const allocations = removedRows<AllocationRecord>(removal, 'allocations');
    await applyRemoval(db, removal);
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
    for (const { before, after } of changedRows(removal, 'bankMovements')) {
      audits.push({
        at,
        entity: 'bank_movement',
        entityId: String(after.id),
        action: 'update',
        summary: `Movimiento del ${String(after.date)} vuelve a por conciliar (cobro eliminado)`,
        before: { status: before.status, paymentId: before.paymentId },
        after: { status: after.status, paymentId: after.paymentId },
      });
    }
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
