// Returned direct debits on imported statements: take back the payment a return is tied to, mark
// the receipt returned on its installment, and leave every other return for a person to resolve.
import {
  isReturnedDebit,
  matchReturn,
  RETURN_WINDOW_DAYS,
  type PresentedReceipt,
} from '../../../shared/domain/returned-debits';
import { presentationState } from '../../../shared/domain/plan-direct-debits';
import { addDays, type CalendarDate } from '../../../shared/domain/dates';
import type { BankMovementRecord, PaymentRecord } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { writeAudit } from './audit';
import { moneyTables } from './payments/receive-money';
import { takeBackMoney } from './payments/take-back-money';
import { fail } from './repo-helpers';

export interface ReturnedDebitsResult {
  /** Returns tied to a payment (taken back) or to a receipt we presented. */
  reversed: number;
  /** Returns tied to nothing: listed for a person to resolve (pendingReturns). */
  unexplained: number;
}

/** Returns on the statements not yet explained nor dismissed. */
async function unresolvedReturns(db: CuentasDatabase): Promise<BankMovementRecord[]> {
  return (await db.bankMovements.where('status').anyOf('ignored', 'unmatched').toArray())
    .filter((row) => isReturnedDebit(row) && !row.returnDismissed)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Receipts standing at the bank (presented, not returned), with their clients. */
async function standingReceipts(db: CuentasDatabase): Promise<PresentedReceipt[]> {
  const plans = new Map((await db.plans.toArray()).map((plan) => [plan.id, plan.clientId]));
  const receipts: PresentedReceipt[] = [];
  await db.installments.each((row) => {
    const last = row.presentations?.[row.presentations.length - 1];
    const clientId = plans.get(row.planId);
    if (!last || last.returnedDate !== null || !clientId) return;
    receipts.push({
      installmentId: row.id,
      clientId,
      endToEndId: last.endToEndId,
      collectionDate: last.collectionDate,
      amountCents: last.amountCents,
    });
  });
  return receipts;
}

async function paymentsBefore(
  db: CuentasDatabase,
  movement: BankMovementRecord,
): Promise<PaymentRecord[]> {
  return db.payments
    .where('date')
    .between(addDays(movement.date, -RETURN_WINDOW_DAYS), movement.date, true, true)
    .filter((payment) => payment.amountCents === -movement.amountCents)
    .toArray();
}

/**
 * Each return is one transaction. Tied to a payment (see matchReturn): the payment is taken back
 * (takeBackMoney). Tied to a receipt we presented: that receipt is marked returned, so it can be
 * presented again from Hoy. Tied to nothing: left as it is, for pendingReturns.
 */
export async function processReturnedDebits(db: CuentasDatabase): Promise<ReturnedDebitsResult> {
  let reversed = 0;
  let unexplained = 0;
  for (const movement of await unresolvedReturns(db)) {
    const done = await db.transaction('rw', moneyTables(db), async () => {
      const match = matchReturn(
        movement,
        await paymentsBefore(db, movement),
        await standingReceipts(db),
      );
      if (!match) return false;
      if (match.payment) {
        await takeBackMoney(db, movement.id, match.payment, match.receipt?.endToEndId);
      } else if (match.receipt) {
        await db.bankMovements.put({
          ...movement,
          status: 'returned',
          returnOf: {
            clientId: match.receipt.clientId,
            paymentId: null,
            amountCents: match.receipt.amountCents,
            endToEndId: match.receipt.endToEndId,
          },
        });
      }
      if (match.receipt) await markReceiptReturned(db, match.receipt, movement.date);
      return true;
    });
    if (done) reversed += 1;
    else unexplained += 1;
  }
  return { reversed, unexplained };
}

async function markReceiptReturned(
  db: CuentasDatabase,
  receipt: PresentedReceipt,
  date: CalendarDate,
): Promise<void> {
  const row = await db.installments.get(receipt.installmentId);
  if (!row?.presentations) return;
  const presentations = row.presentations.map((sent, index, all) =>
    index === all.length - 1 && sent.endToEndId === receipt.endToEndId
      ? { ...sent, returnedDate: date }
      : sent,
  );
  await db.installments.put({ ...row, presentations, representRequested: false });
  await writeAudit(db, {
    entity: 'plan',
    entityId: row.planId,
    action: 'update',
    summary: `Recibo ${receipt.endToEndId} devuelto el ${date}`,
    before: { returnedDate: null },
    after: { returnedDate: date },
  });
}

export interface PendingReturn {
  movement: BankMovementRecord;
  /** Payments of that amount recorded in the 8 weeks before, that the return could take back. */
  candidates: { paymentId: string; clientName: string; date: CalendarDate; reference: string }[];
}

/** Returns nothing explained: each with the payments a person may say it takes back. */
export async function pendingReturns(db: CuentasDatabase): Promise<PendingReturn[]> {
  const result: PendingReturn[] = [];
  for (const movement of await unresolvedReturns(db)) {
    const payments = await paymentsBefore(db, movement);
    const clients = await db.clients.bulkGet(payments.map((payment) => payment.clientId));
    result.push({
      movement,
      candidates: payments
        .map((payment, index) => ({
          paymentId: payment.id,
          clientName: clients[index]?.name ?? '',
          date: payment.date,
          reference: payment.reference,
        }))
        .sort((a, b) => b.date.localeCompare(a.date)),
    });
  }
  return result;
}

/** A person says which payment the return takes back: taken back like any return. */
export async function resolveReturn(
  db: CuentasDatabase,
  movementId: string,
  paymentId: string,
): Promise<void> {
  await db.transaction('rw', moneyTables(db), async () => {
    const movement = await db.bankMovements.get(movementId);
    if (!movement || !isReturnedDebit(movement) || movement.status === 'returned')
      fail('movementId', 'not_found', { id: movementId });
    const payment = await db.payments.get(paymentId);
    if (!payment) fail('paymentId', 'not_found', { id: paymentId });
    if (payment.amountCents !== -movement.amountCents)
      fail('amountCents', 'amount_mismatch', {
        expected: -movement.amountCents,
        actual: payment.amountCents,
      });
    await takeBackMoney(db, movementId, payment);
  });
}

/** A person says the return takes back no payment recorded here (e.g. a receipt of another app). */
export async function dismissReturn(db: CuentasDatabase, movementId: string): Promise<void> {
  await db.transaction('rw', [db.bankMovements, db.audit], async () => {
    const movement = await db.bankMovements.get(movementId);
    if (!movement) fail('movementId', 'not_found', { id: movementId });
    await db.bankMovements.put({ ...movement, returnDismissed: true });
    await writeAudit(db, {
      entity: 'payment',
      entityId: `return:${movementId}`,
      action: 'update',
      summary: `Devolución del ${movement.date} revisada: no anula ningún cobro apuntado`,
      before: { returnDismissed: false },
      after: { returnDismissed: true },
    });
  });
}

export interface ReturnedDebitRow {
  movementId: string;
  date: string;
  amountCents: number;
  /** The installment the returned receipt was for, when the return named it. */
  installmentId: string | null;
  /** ready: it can be presented again; requested: it goes in the next file. */
  represent: 'ready' | 'requested' | null;
}

/**
 * Returned receipts per client, for Hoy. One whose installment was presented again (and stands
 * at the bank) is no longer listed.
 */
export async function returnedDebitsByClient(
  db: CuentasDatabase,
): Promise<Map<string, ReturnedDebitRow[]>> {
  const rows = await db.bankMovements.where('status').equals('returned').toArray();
  const byEndToEnd = new Map<string, { id: string; state: ReturnType<typeof presentationState> }>();
  if (rows.some((row) => row.returnOf?.endToEndId)) {
    await db.installments.each((installment) => {
      for (const sent of installment.presentations ?? [])
        byEndToEnd.set(`${sent.endToEndId}|${sent.returnedDate ?? ''}`, {
          id: installment.id,
          state: presentationState(installment),
        });
    });
  }
  const map = new Map<string, ReturnedDebitRow[]>();
  for (const row of rows) {
    if (!row.returnOf) continue;
    const endToEnd = row.returnOf.endToEndId;
    const installment = endToEnd ? byEndToEnd.get(`${endToEnd}|${row.date}`) : undefined;
    if (installment?.state === 'presented' || installment?.state === 'none') continue;
    const list = map.get(row.returnOf.clientId) ?? [];
    list.push({
      movementId: row.id,
      date: row.date,
      amountCents: row.returnOf.amountCents,
      installmentId: installment?.id ?? null,
      represent:
        installment?.state === 'returned'
          ? 'ready'
          : installment?.state === 'represent'
            ? 'requested'
            : null,
    });
    map.set(row.returnOf.clientId, list);
  }
  return map;
}
