// The ledger's read model equals a full recomputation from the invoices after any sequence of
// writes through the real use cases, and a write it cannot follow row by row makes it rebuild.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import {
  createInvoice,
  deleteInvoice,
  writeOffInvoice,
} from '../../../../renderer/src/db/invoices-repo';
import { cancelInvoice, reopenInvoice } from '../../../../renderer/src/db/invoices/invoice-life';
import {
  createCreditNote,
  deleteCreditNote,
} from '../../../../renderer/src/db/invoices/credit-notes';
import { deletePayment, recordPayment } from '../../../../renderer/src/db/payments-repo';
import { openDispute } from '../../../../renderer/src/db/disputes-repo';
import {
  loadClientCompact,
  loadCompactInvoices,
  loadOpenCompactInvoices,
  rebuildReadModel,
} from '../../../../renderer/src/db/ledger-read-model';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import {
  loadDashboardInputs,
  loadStateFacts,
  stateContext,
  type DashboardInputs,
} from '../../../../renderer/src/db/ledger-queries';
import { listClientsWithBalance } from '../../../../renderer/src/db/queries';
import { invoiceState } from '../../../../shared/domain/ledger-state';
import { computeDashboard } from '../../../../renderer/src/features/dashboard/dashboard-figures';
import {
  buildChunks,
  compactOf,
  READY_KEY,
  MODEL_FORMAT,
  isChunk,
  isCurrentMarker,
  storedRowsOfAll,
  type CompactInvoice,
} from '../../../../shared/domain/ledger-read-model';
import { addDays } from '../../../../shared/domain/dates';
import { isValidationError } from '../../../../shared/domain/validation';
import { clientInput, freshDb, invoiceInput } from './test-db';

const TODAY = '2026-11-30';

type Op =
  | { kind: 'client' }
  | { kind: 'invoice'; client: number; dues: { offset: number; cents: number }[] }
  | { kind: 'pay'; client: number; cents: number }
  | { kind: 'deletePayment'; payment: number }
  | { kind: 'credit'; invoice: number; share: number }
  | { kind: 'deleteCredit'; note: number }
  | { kind: 'dispute'; invoice: number; share: number }
  | { kind: 'writeOff'; invoice: number }
  | { kind: 'cancel'; invoice: number }
  | { kind: 'reopen'; invoice: number }
  | { kind: 'deleteInvoice'; invoice: number }
  | { kind: 'bulk'; client: number; count: number }
  | { kind: 'movePayment'; payment: number; days: number }
  | { kind: 'rawAllocation'; allocation: number; drop: boolean }
  | { kind: 'clearAndRebuild' };

const index = fc.nat(50);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'client' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      client: index,
      dues: fc.array(
        fc.record({
          offset: fc.integer({ min: -120, max: 60 }),
          cents: fc.integer({ min: 1, max: 5_000_00 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      client: index,
      cents: fc.integer({ min: 1, max: 6_000_00 }),
    }),
  },
  fc.record({ kind: fc.constant('deletePayment' as const), payment: index }),
  fc.record({
    kind: fc.constant('credit' as const),
    invoice: index,
    share: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constant('deleteCredit' as const), note: index }),
  fc.record({
    kind: fc.constant('dispute' as const),
    invoice: index,
    share: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constant('writeOff' as const), invoice: index }),
  fc.record({ kind: fc.constant('cancel' as const), invoice: index }),
  fc.record({ kind: fc.constant('reopen' as const), invoice: index }),
  fc.record({ kind: fc.constant('deleteInvoice' as const), invoice: index }),
  fc.record({
    kind: fc.constant('bulk' as const),
    client: index,
    count: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('movePayment' as const),
    payment: index,
    days: fc.integer({ min: -40, max: 0 }),
  }),
  fc.record({ kind: fc.constant('rawAllocation' as const), allocation: index, drop: fc.boolean() }),
  { weight: 1, arbitrary: fc.constant({ kind: 'clearAndRebuild' as const }) },
);

function at<T>(rows: readonly T[], i: number): T | undefined {
  return rows.length === 0 ? undefined : rows[i % rows.length];
}

let serial = 0;

async function apply(db: CuentasDatabase, op: Op): Promise<void> {
  serial += 1;
  const [clients, invoices, payments, notes] = await Promise.all([
    db.clients.orderBy('id').toArray(),
    db.invoices.orderBy('id').toArray(),
    db.payments.orderBy('id').toArray(),
    db.creditNotes.orderBy('id').toArray(),
  ]);
  const client = 'client' in op ? at(clients, op.client) : undefined;
  const invoice = 'invoice' in op ? at(invoices, op.invoice) : undefined;
  switch (op.kind) {
    case 'client':
      await createClient(db, clientInput({ name: `Cliente ${serial}`, taxId: dniOf(serial) }));
      return;
    case 'invoice': {
      if (!client) return;
      const dues = op.dues
        .map((due) => ({ dueDate: addDays(TODAY, due.offset), amountCents: due.cents }))
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
      const payable = dues.reduce((sum, due) => sum + due.amountCents, 0);
      await createInvoice(
        db,
        invoiceInput(client.id, {
          number: `F-${serial}`,
          issueDate: addDays(TODAY, -150),
          taxableBaseCents: payable,
          vatRatePercent: 0,
          dues,
        }),
      );
      return;
    }
    case 'pay':
      if (!client) return;
      await recordPayment(db, {
        clientId: client.id,
        date: TODAY,
        amountCents: op.cents,
        method: 'transfer',
        reference: `TRF ${serial}`,
        note: '',
        allocation: { mode: 'oldest_first' },
        keepExcessAsCredit: true,
      });
      return;
    case 'deletePayment': {
      const payment = at(payments, op.payment);
      if (payment) await deletePayment(db, payment.id);
      return;
    }
    case 'movePayment': {
      // A write outside the use cases (as sync applies a remote edit): the model follows it too.
      const payment = at(payments, op.payment);
      if (payment) await db.payments.update(payment.id, { date: addDays(TODAY, op.days) });
      return;
    }
    case 'rawAllocation': {
      const allocation = at(await db.allocations.orderBy('id').toArray(), op.allocation);
      if (!allocation) return;
      if (op.drop) await db.allocations.delete(allocation.id);
      else await db.allocations.put({ ...allocation, amountCents: allocation.amountCents + 1 });
      return;
    }
    case 'credit':
      if (!invoice) return;
      await createCreditNote(db, {
        invoiceId: invoice.id,
        number: `R-${serial}`,
        date: TODAY,
        amountCents: Math.max(1, Math.round((invoice.outstandingCents * op.share) / 100)),
        reason: 'Descuento acordado',
      });
      return;
    case 'deleteCredit': {
      const note = at(notes, op.note);
      if (note) await deleteCreditNote(db, note.id);
      return;
    }
    case 'dispute':
      if (!invoice) return;
      await openDispute(db, {
        invoiceId: invoice.id,
        reason: 'quality',
        amountCents: Math.max(1, Math.round((invoice.outstandingCents * op.share) / 100)),
        openedDate: TODAY,
        note: '',
      });
      return;
    case 'writeOff':
      if (invoice) await writeOffInvoice(db, invoice.id, { date: TODAY });
      return;
    case 'cancel':
      if (invoice) await cancelInvoice(db, invoice.id, { date: TODAY });
      return;
    case 'reopen':
      if (invoice) await reopenInvoice(db, invoice.id);
      return;
    case 'deleteInvoice':
      if (invoice) await deleteInvoice(db, invoice.id);
      return;
    case 'bulk': {
      // Several invoices in one write, as an import does (and one of them replaced in place).
      if (!client) return;
      const base = await db.invoices.where('clientId').equals(client.id).first();
      await db.transaction('rw', [db.invoices], async () => {
        const rows = Array.from({ length: op.count }, (_, k) => ({
          ...(base ?? invoices[0]!),
          id: `bulk-${serial}-${k}`,
          clientId: client.id,
          number: `B-${serial}-${k}`,
        }));
        if (base || invoices[0]) await db.invoices.bulkPut(rows);
        if (base) await db.invoices.put({ ...base, disputedCents: 0, number: `${base.number}b` });
      });
      return;
    }
    case 'clearAndRebuild': {
      // A range delete (as a restore clears tables) drops the model; the next read rebuilds it.
      const kept = await db.invoices.toArray();
      await db.transaction('rw', [db.invoices], async () => {
        await db.invoices.clear();
        await db.invoices.bulkAdd(kept);
      });
      expect(
        await db.ledgerChunks.get(READY_KEY),
        'a clear drops the ready marker',
      ).toBeUndefined();
      expect(sorted(await loadCompactInvoices(db)), 'read before the rebuild').toEqual(
        sorted(kept.map(compactOf)),
      );
      await rebuildReadModel(db);
      return;
    }
  }
}

function dniOf(n: number): string {
  const digits = String(10_000_000 + n).slice(-8);
  return `${digits}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits) % 23]}`;
}

function sorted(rows: readonly CompactInvoice[]): CompactInvoice[] {
  return rows.map(compactOf).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** What Hoy read before the model: issued, with an unpaid due (nextDueDate), money outstanding. */
function openByIndex<T extends CompactInvoice>(invoices: readonly T[]): T[] {
  return invoices.filter(
    (invoice) =>
      invoice.lifecycle === 'issued' &&
      invoice.nextDueDate !== null &&
      invoice.outstandingCents > 0,
  );
}

/** The model as stored equals the chunks a full recomputation from the invoices would build. */
async function expectModelCurrent(db: CuentasDatabase, where: string): Promise<void> {
  const [rows, invoices, payments, allocations] = await Promise.all([
    db.ledgerChunks.toArray(),
    db.invoices.toArray(),
    db.payments.toArray(),
    db.allocations.toArray(),
  ]);
  expect(
    rows.some((row) => row.clientId === READY_KEY && isCurrentMarker(row)),
    `${where}: the model stays complete`,
  ).toBe(true);
  // A write stamps its rows with its rev, a build with 0: the same rows otherwise.
  const stored = rows
    .filter((row) => row.clientId !== READY_KEY)
    .map((row) => ({ ...row, rev: 0 }));
  const full = storedRowsOfAll(buildChunks(invoices, payments, allocations));
  expect(stored, where).toEqual(full);
  expect(sorted(await loadCompactInvoices(db)), where).toEqual(sorted(invoices));
  // Hoy's open set from the model is the one the [lifecycle+nextDueDate] index gives.
  expect(sorted(await loadOpenCompactInvoices(db)), `${where}: open set`).toEqual(
    sorted(openByIndex(invoices)),
  );
  for (const clientId of new Set(invoices.map((invoice) => invoice.clientId))) {
    expect(sorted(await loadClientCompact(db, clientId)), where).toEqual(
      sorted(invoices.filter((invoice) => invoice.clientId === clientId)),
    );
  }
}

/** The Panel's inputs as read before the model: every invoice, allocation and payment record. */
async function panelFromTables(db: CuentasDatabase): Promise<DashboardInputs> {
  const fromModel = await loadDashboardInputs(db);
  const [invoices, allocations, payments] = await Promise.all([
    db.invoices.toArray(),
    db.allocations.orderBy('invoiceId').toArray(),
    db.payments.toArray(),
  ]);
  return {
    ...fromModel,
    invoices,
    allocations,
    payments: payments.map(({ id, date, amountCents }) => ({ id, date, amountCents })),
    // The collections and day columns the loader made belong to its invoices: made anew here.
    collections: null,
    dayColumns: null,
  };
}

/** Clientes from the model shows each client's figures as computed from every stored invoice. */
async function expectClientsAgree(db: CuentasDatabase, where: string): Promise<void> {
  for (const today of [TODAY, addDays(TODAY, 45)]) {
    const [listed, invoices, payments, facts] = await Promise.all([
      listClientsWithBalance(db, today),
      db.invoices.toArray(),
      db.payments.toArray(),
      loadStateFacts(db),
    ]);
    const ctx = stateContext(facts, invoices, today);
    const expected = new Map<
      string,
      { outstanding: number; overdue: number; count: number; credit: number }
    >();
    const entry = (clientId: string) => {
      const found = expected.get(clientId) ?? { outstanding: 0, overdue: 0, count: 0, credit: 0 };
      expected.set(clientId, found);
      return found;
    };
    for (const invoice of invoices) {
      const state = invoiceState(invoice, ctx);
      const row = entry(invoice.clientId);
      row.count += 1;
      row.outstanding += state.outstandingCents;
      row.overdue += state.overdueCents;
    }
    for (const payment of payments) entry(payment.clientId).credit += payment.unallocatedCents;
    // Every client, in the name index's order, as the table gives them now.
    expect(
      listed.map((client) => [client.id, client.name]),
      `${where}: the clients`,
    ).toEqual(
      (await db.clients.orderBy('name').toArray()).map((client) => [client.id, client.name]),
    );
    for (const client of listed) {
      const row = expected.get(client.id) ?? { outstanding: 0, overdue: 0, count: 0, credit: 0 };
      expect(
        [client.outstandingCents, client.overdueCents, client.invoiceCount, client.creditCents],
        `${where} (${today}): ${client.name}`,
      ).toEqual([row.outstanding, row.overdue, row.count, row.credit]);
    }
  }
}

/** The Panel from the model shows what it showed when read from the tables, figure by figure. */
async function expectPanelAgrees(db: CuentasDatabase, where: string): Promise<void> {
  for (const today of [TODAY, addDays(TODAY, 45)]) {
    const model = computeDashboard(await loadDashboardInputs(db), today);
    const tables = computeDashboard(await panelFromTables(db), today);
    expect(model, `${where} (${today})`).toEqual(tables);
  }
}

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('the ledger read model', () => {
  it('equals a full recomputation after random writes through the use cases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        const run = freshDb();
        try {
          await rebuildReadModel(run);
          for (const [step, op] of ops.entries()) {
            try {
              await apply(run, op);
            } catch (error) {
              if (!isValidationError(error)) throw error; // a refusal changes nothing
            }
            await expectModelCurrent(run, `step ${step} ${op.kind}`);
            // Clientes through the copy in memory, current after each write (clients included).
            await expectClientsAgree(run, `step ${step} ${op.kind}`);
          }
          await expectPanelAgrees(run, 'after the run');
          await expectClientsAgree(run, 'after the run');
        } finally {
          await run.delete();
        }
      }),
      { numRuns: 12, seed: 20261130 },
    );
  }, 240_000);

  it('the check can fail: a chunk edited by hand no longer equals the recomputation', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    const chunk = await db.ledgerChunks.get(client.id);
    expect(chunk).toBeDefined();
    if (!chunk || !isChunk(chunk)) throw new Error('no invoices row');
    // Numbers are total, payable, paid, then outstanding cents, one per invoice each (one here).
    const numbers = Float64Array.from(chunk.numbers);
    numbers[3] = 1;
    await db.ledgerChunks.put({ ...chunk, numbers });
    await expect(expectModelCurrent(db, 'tampered')).rejects.toThrow();
  });

  it('a write outside any transaction of ours (Table.update, Table.delete) keeps it current', async () => {
    db = freshDb();
    await rebuildReadModel(db);
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await db.invoices.update(invoice.id, { outstandingCents: 1_00, number: 'F-9' });
    await expectModelCurrent(db, 'update');
    await db.invoices.delete(invoice.id);
    await expectModelCurrent(db, 'delete');
    expect(await db.ledgerChunks.get(client.id)).toBeUndefined();
  });

  it('sample data is loaded with its read model complete', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 300, today: TODAY });
    await expectModelCurrent(db, 'demo');
    await expectPanelAgrees(db, 'demo');
    await expectClientsAgree(db, 'demo');
  });

  it('a model of the older format (no payments or allocations) is read as absent and rebuilt', async () => {
    db = freshDb();
    await loadDemoData(db, { invoices: 120, today: TODAY });
    // As v4 left it: chunks without the money columns, and a marker without a format.
    const rows = await db.ledgerChunks.toArray();
    await db.ledgerChunks.bulkPut(
      rows.map((row) =>
        row.clientId === READY_KEY
          ? { clientId: READY_KEY }
          : { ...row, paymentKeys: [], paymentDates: [], paymentCents: [] },
      ),
    );
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    expect(await db.ledgerChunks.get(client.id), 'an old model is not followed').toBeUndefined();
    // The Panel reads the tables meanwhile, and the read starts the rebuild.
    await expectPanelAgrees(db, 'old format');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectModelCurrent(db, 'rebuilt');
  });

  it('an empty database reads nothing and builds its marker', async () => {
    db = freshDb();
    expect(await loadCompactInvoices(db)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.ledgerChunks.get(READY_KEY)).toMatchObject({
      clientId: READY_KEY,
      format: MODEL_FORMAT,
      rev: 0,
    });
  });
});
