// The ledger soak's money invariants (ledger-truth-soak.test.ts), for a device after sync, and a
// snapshot of the synced ledger comparable across devices.
import { expect } from 'vitest';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { checkReferences } from '../../../../../renderer/src/db/check-references';
import { pendingChanges, syncOnce } from '../../../../../renderer/src/db/sync/engine';
import type { CouchClient } from '../../../../../renderer/src/db/sync/couch-client';

/** The synced ledger, sorted by id: two converged devices hold equal snapshots. */
export async function ledgerSnapshot(db: CuentasDatabase) {
  return {
    clients: await db.clients.orderBy('id').toArray(),
    invoices: await db.invoices.orderBy('id').toArray(),
    payments: await db.payments.orderBy('id').toArray(),
    allocations: await db.allocations.orderBy('id').toArray(),
    creditNotes: await db.creditNotes.orderBy('id').toArray(),
    statements: await db.bankStatements.orderBy('id').toArray(),
    movements: await db.bankMovements.orderBy('id').toArray(),
    plans: await db.plans.orderBy('id').toArray(),
    installments: await db.installments.orderBy('id').toArray(),
    mandates: await db.mandates.orderBy('id').toArray(),
  };
}

function sumBy<T>(rows: readonly T[], key: (row: T) => string, cents: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + cents(row));
  return sums;
}

/** Money adds up, no payment is applied twice, a movement and a payment link one to one. */
export async function expectLedgerInvariants(db: CuentasDatabase, where: string): Promise<void> {
  const s = await ledgerSnapshot(db);
  const fromPayment = sumBy(
    s.allocations,
    (row) => row.paymentId,
    (row) => row.amountCents,
  );
  for (const payment of s.payments) {
    const allocated = fromPayment.get(payment.id) ?? 0;
    expect(allocated + payment.unallocatedCents + (payment.planCents ?? 0), where).toBe(
      payment.amountCents,
    );
  }
  const toInvoice = sumBy(
    s.allocations,
    (row) => row.invoiceId,
    (row) => row.amountCents,
  );
  const credited = sumBy(
    s.creditNotes,
    (row) => row.invoiceId,
    (row) => row.amountCents,
  );
  for (const invoice of s.invoices) {
    const paid = toInvoice.get(invoice.id) ?? 0;
    const credit = credited.get(invoice.id) ?? 0;
    expect(invoice.paidCents, `${where}: paid of ${invoice.number}`).toBe(paid);
    expect(invoice.payableCents - paid - credit, `${where}: over-settled`).toBeGreaterThanOrEqual(
      0,
    );
    const owed = invoice.lifecycle === 'cancelled' ? 0 : invoice.payableCents - paid - credit;
    expect(invoice.outstandingCents, `${where}: outstanding of ${invoice.number}`).toBe(owed);
  }
  const payments = new Map(s.payments.map((row) => [row.id, row]));
  const linked = new Set<string>();
  for (const movement of s.movements) {
    if (movement.paymentId === null) {
      expect(movement.status, `${where}: unlinked movement`).not.toBe('matched');
      continue;
    }
    expect(linked.has(movement.paymentId), `${where}: payment linked twice`).toBe(false);
    linked.add(movement.paymentId);
    expect(payments.get(movement.paymentId)?.amountCents, `${where}: linked amount`).toBe(
      movement.amountCents,
    );
  }
  const fingerprints = s.movements.map((row) => row.fingerprint);
  expect(new Set(fingerprints).size, `${where}: a movement stored twice`).toBe(fingerprints.length);
  expect(await checkReferences(db), `${where}: dangling references`).toEqual([]);
}

/** Syncs the devices in turn until a whole round leaves nothing to send. */
export async function syncUntilQuiet(
  devices: readonly CuentasDatabase[],
  client: () => CouchClient,
): Promise<number> {
  for (let round = 1; round <= 6; round += 1) {
    for (const db of devices) await syncOnce(db, client());
    const waiting = await Promise.all(devices.map((db) => pendingChanges(db)));
    if (waiting.every((count) => count === 0)) {
      // One more pull each, so the last pushes are seen everywhere.
      for (const db of devices) await syncOnce(db, client());
      return round;
    }
  }
  throw new Error('sync did not settle in 6 rounds');
}
