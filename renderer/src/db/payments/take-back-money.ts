// Money that goes back out: a returned direct debit takes back the payment its receipt had booked.
import type { BankMovementRecord, PaymentRecord } from '../../../../shared/domain/records';
import type { CuentasDatabase } from '../database';
import { writeAudit } from '../audit';
import { deletePayment } from '../payments-repo';
import { fail } from '../repo-helpers';
import { moneyTables } from './receive-money';

/**
 * One transaction: the payment is deleted (its allocations, the invoices' outstanding and the
 * plans follow, as deletePayment does), the credit that booked it is set aside so it is not
 * matched again, and the return movement is marked returned with the client and the payment.
 * Call inside a transaction over moneyTables(db), or on its own.
 */
export async function takeBackMoney(
  db: CuentasDatabase,
  returnMovementId: string,
  payment: PaymentRecord,
  endToEndId?: string,
): Promise<BankMovementRecord> {
  return db.transaction('rw', moneyTables(db), async () => {
    const movement = await db.bankMovements.get(returnMovementId);
    if (!movement) fail('movementId', 'not_found', { id: returnMovementId });
    // Found before the delete: deleting a payment may unlink its movement.
    const credit = await db.bankMovements.where('paymentId').equals(payment.id).first();
    await deletePayment(db, payment.id);
    if (credit) {
      const current = (await db.bankMovements.get(credit.id)) ?? credit;
      // The credit was offset by this return: it must not be matched again.
      await db.bankMovements.put({ ...current, status: 'ignored', paymentId: null });
    }
    const after: BankMovementRecord = {
      ...movement,
      status: 'returned',
      returnOf: {
        clientId: payment.clientId,
        paymentId: payment.id,
        amountCents: payment.amountCents,
        ...(endToEndId ? { endToEndId } : {}),
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
    return after;
  });
}
