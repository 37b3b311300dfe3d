// The risk summaries Hoy reads from the model in memory equal the stored summaries' derivation from
// every record, after any sequence of payments made and taken back; a write makes again only the
// written client's summary.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { summariseHistory } from '../../../../renderer/src/db/client-history';
import { readMirror, type LedgerMirror } from '../../../../renderer/src/db/ledger-mirror';
import { historiesOfMirror, warmRiskSummaries } from '../../../../renderer/src/db/mirror-histories';
import { deletePayment, recordPayment } from '../../../../renderer/src/db/payments-repo';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import { group } from '../../../../renderer/src/db/collections-data';
import type { ClientHistoryRecord } from '../../../../shared/domain/records';
import { freshDb, paymentInput } from './test-db';

const TODAY = '2026-11-30';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

async function mirrorWithMoney(database: CuentasDatabase): Promise<LedgerMirror> {
  const mirror = await readMirror(database, { money: true });
  if (!mirror) throw new Error('no complete model');
  return mirror;
}

/** The summaries as the stored ones are made: from every invoice, allocation and payment record. */
async function fromRecords(database: CuentasDatabase): Promise<Map<string, ClientHistoryRecord>> {
  const [clients, invoices, allocations, payments] = await Promise.all([
    database.clients.toArray(),
    database.invoices.toArray(),
    database.allocations.toArray(),
    database.payments.toArray(),
  ]);
  const paymentDate = new Map(payments.map((payment) => [payment.id, payment.date]));
  const invoicesOf = group(invoices, (row) => row.clientId);
  const allocationsOf = group(allocations, (row) => row.clientId);
  return new Map(
    clients.map((client) => [
      client.id,
      summariseHistory(
        client.id,
        invoicesOf.get(client.id) ?? [],
        allocationsOf.get(client.id) ?? [],
        paymentDate,
      ),
    ]),
  );
}

/** Both ways a revision's summaries are made (from the mirror's rows, read as stored) agree. */
async function expectSameAsRecords(database: CuentasDatabase): Promise<LedgerMirror> {
  const mirror = await mirrorWithMoney(database);
  const expected = Object.fromEntries(await fromRecords(database));
  const ids = Object.keys(expected);
  const made = await historiesOfMirror(database, mirror, ids, Number.POSITIVE_INFINITY);
  expect(Object.fromEntries(made)).toEqual(expected);
  const stored = await historiesOfMirror(database, mirror, ids, 0);
  expect(Object.fromEntries(stored)).toEqual(expected);
  return mirror;
}

describe('risk summaries from the model in memory', () => {
  it('are read as stored when the mirror was read without its payments', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 40, today: TODAY });
    const mirror = await readMirror(db);
    expect(mirror?.money).toBeNull();
    const expected = await fromRecords(db);
    const ids = [...expected.keys(), 'a client with no invoices'];
    const read = await historiesOfMirror(db, mirror as LedgerMirror, ids);
    expect(read.get('a client with no invoices')).toEqual({
      clientId: 'a client with no invoices',
      settledCount: 0,
      lateCount: 0,
      daysLateSum: 0,
    });
    read.delete('a client with no invoices');
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(expected));
  });

  it('equal the derivation from every record after payments made and taken back', async () => {
    db = freshDb();
    const database = db;
    await loadDemoData(database, { invoices: 300, today: TODAY });
    const first = await expectSameAsRecords(database);
    // The sample has clients with settled invoices, some paid late: the comparison is not empty.
    const summaries = await historiesOfMirror(database, first, [...first.invoices.keys()]);
    expect([...summaries.values()].some((row) => row.lateCount > 0)).toBe(true);
    const clientIds = [...first.invoices.keys()];
    const write = fc.oneof(
      fc.record({
        kind: fc.constant('pay' as const),
        client: fc.nat({ max: clientIds.length - 1 }),
        cents: fc.integer({ min: 1, max: 5_000_00 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({ kind: fc.constant('unpay' as const), pick: fc.nat() }),
      // A payment's date changed alone (as a synced edit arrives): its invoices' rows stay the same.
      fc.record({
        kind: fc.constant('redate' as const),
        pick: fc.nat(),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      // An allocation moved to another payment of its client (a synced edit): only the money row.
      fc.record({ kind: fc.constant('repoint' as const), pick: fc.nat(), to: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 4 }), async (writes) => {
        for (const step of writes) {
          if (step.kind === 'pay') {
            const clientId = clientIds[step.client] as string;
            const open = await database.invoices
              .where('clientId')
              .equals(clientId)
              .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
              .count();
            if (open === 0) continue;
            await recordPayment(
              database,
              paymentInput(clientId, {
                date: `2026-11-${String(step.day).padStart(2, '0')}`,
                amountCents: step.cents,
                keepExcessAsCredit: true,
              }),
            );
          } else if (step.kind === 'unpay') {
            const ids = await database.payments.toCollection().primaryKeys();
            const id = ids[step.pick % ids.length];
            if (id !== undefined) await deletePayment(database, id);
          } else if (step.kind === 'redate') {
            const allocations = await database.allocations.toArray();
            const allocation = allocations[step.pick % allocations.length];
            if (allocation === undefined) continue;
            await database.payments.update(allocation.paymentId, {
              date: `2027-01-${String(step.day).padStart(2, '0')}`,
            });
          } else {
            const allocations = await database.allocations.toArray();
            const allocation = allocations[step.pick % allocations.length];
            if (allocation === undefined) continue;
            const others = await database.payments
              .where('clientId')
              .equals(allocation.clientId)
              .filter((payment) => payment.id !== allocation.paymentId)
              .primaryKeys();
            const to = others[step.to % others.length];
            if (to !== undefined)
              await database.allocations.update(allocation.id, { paymentId: to });
          }
        }
        await expectSameAsRecords(database);
      }),
      { numRuns: 12 },
    );
  });

  it('makes again only the summary of the client a payment was written for', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 200, today: TODAY });
    const before = await mirrorWithMoney(db);
    const ids = [...before.invoices.keys()];
    const summariesBefore = await historiesOfMirror(db, before, ids);
    const paid = await db.invoices
      .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
      .first();
    if (!paid) throw new Error('the sample has no open invoice');
    await recordPayment(
      db,
      paymentInput(paid.clientId, {
        date: TODAY,
        amountCents: paid.outstandingCents,
        allocation: { mode: 'targets', invoiceIds: [paid.id], planIds: [] },
      }),
    );
    const after = await expectSameAsRecords(db);
    expect(after.rev).toBeGreaterThan(before.rev);
    const summariesAfter = await historiesOfMirror(db, after, ids);
    // The paid invoice is settled now: its client's summary counts one more.
    expect(summariesAfter.get(paid.clientId)?.settledCount).toBe(
      (summariesBefore.get(paid.clientId)?.settledCount ?? 0) + 1,
    );
    for (const id of ids) {
      if (id === paid.clientId) continue;
      expect(summariesAfter.get(id)).toBe(summariesBefore.get(id));
    }
  });

  it('are made ahead by the warm-up: Hoy then finds them made for its revision', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 200, today: TODAY });
    await warmRiskSummaries(db);
    const mirror = await mirrorWithMoney(db);
    const expected = await fromRecords(db);
    // derivedAsync sets the revision's cache only when it makes the summaries.
    const made = vi.spyOn(mirror.cache, 'set');
    const read = await historiesOfMirror(db, mirror, [...expected.keys()]);
    expect(made).not.toHaveBeenCalled();
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(expected));
  });
});
