// Returned direct debits on imported statements: take back the payment, reopen the installment.
import type { BankMovementRecord } from '../../../shared/domain/records';
import { isReturnedDebit, pickReturnedPayment } from '../../../shared/domain/returned-debits';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { deletePayment } from './payments-repo';
import { LIVE_PLAN_STATUSES } from './plan-payments';

export interface ReturnedDebitsResult {
  /** Returns whose payment was taken back. */
  reversed: number;
  /** Returns recognised but with no payment of that amount to take back: left for a person. */
  unexplained: number;
}

/**
 * Each recognised return is one transaction: the payment it takes back is deleted (its
 * allocations, the invoices' outstanding and the plans follow, as deletePayment does), and the
 * movement is marked returned with the client, so Hoy can say why the installment is unpaid
 * again. The plan's own grace days then run from the installment's date, as for any unpaid one.
 */
export async function processReturnedDebits(db: CuentasDatabase): Promise<ReturnedDebitsResult> {
  const outgoing = (await db.bankMovements.where('status').anyOf('ignored', 'unmatched').toArray())
    .filter(isReturnedDebit)
    .sort((a, b) => a.date.localeCompare(b.date));
  let reversed = 0;
  let unexplained = 0;
  const tables = [
    db.bankMovements,
    db.clients,
    db.invoices,
    db.payments,
    db.allocations,
    db.audit,
    db.plans,
    db.installments,
  ];
  for (const movement of outgoing) {
    const done = await db.transaction('rw', tables, async () => {
      const planClients = new Set(
        (await db.plans.toArray())
          .filter((plan) => LIVE_PLAN_STATUSES.includes(plan.status))
          .map((plan) => plan.clientId),
      );
      // Only a payment already matched from the bank can come back as a returned receipt.
      const matched = new Set(
        (await db.bankMovements.where('status').equals('matched').toArray()).map(
          (row) => row.paymentId,
        ),
      );
      const payments = (await db.payments.toArray()).filter(
        (payment) => planClients.has(payment.clientId) && matched.has(payment.id),
      );
      const payment = pickReturnedPayment(movement, payments);
      if (!payment) return false;
      // The credit that booked it was offset by this return: it must not be matched again
      // (deletePayment alone would put it back in "por conciliar").
      const credit = await db.bankMovements.where('paymentId').equals(payment.id).first();
      await deletePayment(db, payment.id);
      if (credit) await db.bankMovements.put({ ...credit, status: 'ignored', paymentId: null });
      const after: BankMovementRecord = {
        ...movement,
        status: 'returned',
        returnOf: {
          clientId: payment.clientId,
          paymentId: payment.id,
          amountCents: payment.amountCents,
        },
      };
      await db.bankMovements.put(after);
      await writeAudit(db, {
        entity: 'payment',
        entityId: payment.id,
        action: 'delete',
        summary: `Recibo devuelto el ${movement.date}: se anula el cobro y el plazo vuelve a estar pendiente`,
        before: movement,
        after,
      });
      return true;
    });
    if (done) reversed += 1;
    else unexplained += 1;
  }
  return { reversed, unexplained };
}

/** Returned receipts per client, for Hoy. */
export async function returnedDebitsByClient(
  db: CuentasDatabase,
): Promise<Map<string, { movementId: string; date: string; amountCents: number }[]>> {
  const rows = await db.bankMovements.where('status').equals('returned').toArray();
  const map = new Map<string, { movementId: string; date: string; amountCents: number }[]>();
  for (const row of rows) {
    if (!row.returnOf) continue;
    const list = map.get(row.returnOf.clientId) ?? [];
    list.push({ movementId: row.id, date: row.date, amountCents: row.returnOf.amountCents });
    map.set(row.returnOf.clientId, list);
  }
  return map;
}
