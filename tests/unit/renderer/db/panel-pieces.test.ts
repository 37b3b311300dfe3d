// The Panel's columns per revision are put together client by client (panel-pieces.ts): after any
// sequence of writes they equal a fresh whole join of the revision, the figures equal the oracle's,
// and a one-client write derives that client alone, the others' pieces kept as they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  LedgerMirror,
  MirroredInvoices,
  MirroredMoney,
} from '../../../../renderer/src/db/ledger-mirror';
import {
  clientPieceOf,
  panelJoinOf,
  warmPanelPieces,
} from '../../../../renderer/src/db/panel-pieces';
import { joinHistories } from '../../../../renderer/src/db/panel-join';
import type { DashboardInputs } from '../../../../renderer/src/db/ledger-queries';
import { computeDashboard } from '../../../../renderer/src/features/dashboard/dashboard-figures';
import { addDays } from '../../../../shared/domain/dates';
import type { CompactInvoice } from '../../../../shared/domain/ledger-read-model';
import { ledgerDayColumns } from '../../../../shared/domain/ledger-day-columns';
import { computeDashboardBefore } from './baseline/panel-figures';

const TODAY = '2026-11-23';
const CLIENTS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];

interface ClientRows {
  invoices?: MirroredInvoices;
  money?: MirroredMoney;
}

/** The ledger as the mirror holds it: each client's entries, replaced whole when written. */
type Ledger = Map<string, ClientRows>;

let serial = 0;
const nextId = (prefix: string) => `${prefix}-${String((serial += 1)).padStart(6, '0')}`;

function invoiceOf(clientId: string, offset: number, dueCents: number[]): CompactInvoice {
  const payableCents = dueCents.reduce((sum, cents) => sum + cents, 0);
  return {
    id: nextId(`${clientId}-inv`),
    clientId,
    number: `F-${serial}`,
    issueDate: addDays(TODAY, offset),
    lifecycle: offset % 7 === 0 ? 'draft' : 'issued',
    totalCents: payableCents,
    payableCents,
    paidCents: 0,
    outstandingCents: payableCents,
    creditedCents: 0,
    nextDueDate: null,
    disputedCents: 0,
    planId: null,
    dues: dueCents.map((amountCents, k) => ({
      dueDate: addDays(TODAY, offset + 30 * (k + 1)),
      amountCents,
    })),
  };
}

const invoicesEntry = (invoices: CompactInvoice[]): MirroredInvoices => ({
  invoices,
  invoiceCount: invoices.length,
  creditCents: 0,
});

/** `invoice` with what `allocations` paid it (as the repositories derive it). */
function settled(invoice: CompactInvoice, money: MirroredMoney | undefined): CompactInvoice {
  const paidCents = (money?.allocations ?? [])
    .filter((allocation) => allocation.invoiceId === invoice.id)
    .reduce((sum, allocation) => sum + allocation.amountCents, 0);
  const outstandingCents = Math.max(0, invoice.payableCents - paidCents);
  return { ...invoice, paidCents, outstandingCents };
}

function mirrorOf(ledger: Ledger, rev: number): LedgerMirror {
  const keys = [...ledger.keys()].sort();
  const invoices = new Map<string, MirroredInvoices>();
  const money = new Map<string, MirroredMoney>();
  for (const key of keys) {
    const rows = ledger.get(key) as ClientRows;
    if (rows.invoices) invoices.set(key, rows.invoices);
    if (rows.money) money.set(key, rows.money);
  }
  return { epoch: 'e', rev, invoices, money, tables: new Map(), cache: new Map() };
}

const writeArb = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    client: fc.nat(),
    invoice: fc.nat(),
    cents: fc.integer({ min: 1, max: 40_000 }),
    offset: fc.integer({ min: -300, max: 0 }),
  }),
  fc.record({ kind: fc.constant('move' as const), client: fc.nat(), allocation: fc.nat() }),
  fc.record({
    kind: fc.constant('edit' as const),
    client: fc.nat(),
    invoice: fc.nat(),
    offset: fc.integer({ min: -400, max: 0 }),
  }),
  fc.record({ kind: fc.constant('add' as const), client: fc.nat(), offset: fc.nat(400) }),
  fc.record({ kind: fc.constant('deleteInvoice' as const), client: fc.nat(), invoice: fc.nat() }),
  fc.record({ kind: fc.constant('deleteClient' as const), client: fc.nat() }),
  fc.record({ kind: fc.constant('stray' as const), client: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('touch' as const) }),
);
type Write = typeof writeArb extends fc.Arbitrary<infer W> ? W : never;

const at = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

/** `rows` with money `money` and its invoices settled by it: new entries, as a write makes. */
function withMoney(rows: ClientRows, money: MirroredMoney): ClientRows {
  const invoices = rows.invoices?.invoices.map((invoice) => settled(invoice, money));
  return { invoices: invoices && invoicesEntry(invoices), money };
}

/** The ledger after `write`; the clients it does not touch keep their very entries. */
function applyWrite(ledger: Ledger, write: Write): void {
  if (write.kind === 'touch') return;
  const clientId = at(CLIENTS, write.client) as string;
  const rows = ledger.get(clientId) ?? {};
  const invoices = rows.invoices?.invoices ?? [];
  const payments = rows.money?.payments ?? [];
  const allocations = rows.money?.allocations ?? [];
  switch (write.kind) {
    case 'pay': {
      const target = at(invoices, write.invoice);
      const payment = {
        id: nextId(`${clientId}-pay`),
        date: addDays(TODAY, write.offset),
        amountCents: write.cents,
      };
      const allocation = target
        ? [
            {
              id: nextId('al'),
              invoiceId: target.id,
              paymentId: payment.id,
              amountCents: write.cents,
            },
          ]
        : [];
      ledger.set(
        clientId,
        withMoney(rows, {
          payments: [...payments, payment],
          allocations: [...allocations, ...allocation],
        }),
      );
      return;
    }
    case 'move': {
      const moved = at(allocations, write.allocation);
      if (!moved || invoices.length === 0) return;
      const index = invoices.findIndex((invoice) => invoice.id === moved.invoiceId);
      const target = invoices[(index + 1) % invoices.length] as CompactInvoice;
      ledger.set(
        clientId,
        withMoney(rows, {
          payments,
          allocations: allocations.map((a) => (a === moved ? { ...a, invoiceId: target.id } : a)),
        }),
      );
      return;
    }
    case 'edit': {
      const edited = at(invoices, write.invoice);
      if (!edited) return;
      const dues = [{ dueDate: addDays(TODAY, write.offset), amountCents: edited.payableCents }];
      const next = invoices.map((invoice) =>
        invoice === edited
          ? settled({ ...invoice, issueDate: addDays(TODAY, write.offset - 30), dues }, rows.money)
          : invoice,
      );
      ledger.set(clientId, { ...rows, invoices: invoicesEntry(next) });
      return;
    }
    case 'add': {
      const added = invoiceOf(clientId, -write.offset, [10_000 + write.offset, 5_000]);
      ledger.set(clientId, { ...rows, invoices: invoicesEntry([...invoices, added]) });
      return;
    }
    case 'deleteInvoice': {
      // Its allocations stay behind: the join leaves them out (no invoice to collect on).
      const gone = at(invoices, write.invoice);
      if (!gone) return;
      const kept = invoices.filter((invoice) => invoice !== gone);
      ledger.set(clientId, {
        ...rows,
        invoices: kept.length > 0 ? invoicesEntry(kept) : undefined,
      });
      return;
    }
    case 'deleteClient':
      ledger.delete(clientId);
      return;
    case 'stray': {
      // An allocation in this client's rows whose invoice is another client's.
      const other = ledger.get(at(CLIENTS, write.other) as string)?.invoices?.invoices[0];
      const payment = payments[0];
      if (!other || !payment) return;
      const stray = {
        id: nextId('al'),
        invoiceId: other.id,
        paymentId: payment.id,
        amountCents: 1_00,
      };
      ledger.set(clientId, { ...rows, money: { payments, allocations: [...allocations, stray] } });
      return;
    }
  }
}

function startingLedger(sizes: number[]): Ledger {
  const ledger: Ledger = new Map();
  CLIENTS.forEach((clientId, c) => {
    const count = sizes[c] ?? 0;
    if (count === 0) return;
    const invoices = Array.from({ length: count }, (_, k) =>
      invoiceOf(clientId, -20 * k - c, k % 3 === 0 ? [20_000, 10_000] : [15_000]),
    );
    const payments = invoices.slice(0, Math.ceil(count / 2)).map((invoice, k) => ({
      id: nextId(`${clientId}-pay`),
      date: addDays(invoice.issueDate, 10 + k),
      amountCents: 12_000,
    }));
    const allocations = payments.map((payment, k) => ({
      id: nextId('al'),
      invoiceId: (invoices[k] as CompactInvoice).id,
      paymentId: payment.id,
      amountCents: payment.amountCents,
    }));
    const money = { payments, allocations };
    ledger.set(clientId, {
      invoices: invoicesEntry(invoices.map((invoice) => settled(invoice, money))),
      money,
    });
  });
  return ledger;
}

/** The revision joined whole, as before the pieces: the reference. */
function wholeOf(mirror: LedgerMirror) {
  const model = joinHistories({
    invoiceRows: [...mirror.invoices].map(([clientId, entry]) => ({
      clientId,
      invoices: entry.invoices,
    })),
    moneyRows: [...(mirror.money ?? [])].map(([owner, entry]) => ({ owner, ...entry })),
  });
  const collections = model.collections;
  if (!collections) throw new Error('no collections');
  return { ...model, dayColumns: ledgerDayColumns(model.invoices, collections, model.payments) };
}

function inputsOf(model: ReturnType<typeof wholeOf>): DashboardInputs {
  return {
    invoices: [...model.invoices],
    clients: CLIENTS.map((id) => ({ id, name: id, taxId: 'B00000000', creditLimitCents: 50_000 })),
    allocations: [...model.allocations],
    payments: [...model.payments],
    installments: [],
    promises: [],
    facts: { plans: [], installments: [], promises: [] },
  };
}

describe('the Panel columns put together client by client', () => {
  it('equal a whole join after any writes, and give the oracle figures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 8, maxLength: 8 }),
        fc.array(writeArb, { minLength: 1, maxLength: 12 }),
        (sizes, writes) => {
          const ledger = startingLedger(sizes);
          let previous = panelJoinOf(mirrorOf(ledger, 0));
          writes.forEach((write, index) => {
            applyWrite(ledger, write);
            const mirror = mirrorOf(ledger, index + 1);
            const got = panelJoinOf(mirror);
            const whole = wholeOf(mirror);
            expect(got.dayColumns).toEqual(whole.dayColumns);
            expect(got.collections).toBe(got.dayColumns.collections);
            // A revision is its own columns (the Panel's figures are kept per columns object).
            expect(got.dayColumns).not.toBe(previous.dayColumns);
            const inputs = inputsOf(whole);
            expect(
              computeDashboard(
                { ...inputs, collections: got.collections, dayColumns: got.dayColumns },
                TODAY,
              ),
            ).toEqual(computeDashboardBefore(inputs, TODAY));
            previous = got;
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('derive only the written client after a one-client write, keeping the others pieces', () => {
    const ledger = startingLedger([3, 4, 2, 5, 1, 3, 2, 4]);
    const first = mirrorOf(ledger, 0);
    panelJoinOf(first);
    const before = new Map(CLIENTS.map((clientId) => [clientId, clientPieceOf(first, clientId)]));
    expect([...before.values()].every((piece) => piece !== undefined)).toBe(true);
    applyWrite(ledger, { kind: 'pay', client: 3, invoice: 1, cents: 5_000, offset: -3 });
    const second = mirrorOf(ledger, 1);
    const joined = panelJoinOf(second);
    for (const clientId of CLIENTS) {
      const piece = clientPieceOf(second, clientId);
      if (clientId === 'c3') expect(piece).not.toBe(before.get(clientId));
      else expect(piece).toBe(before.get(clientId));
    }
    expect(joined.dayColumns).toEqual(wholeOf(second).dayColumns);
  });

  it('made ahead range by range, are what the next join copies, equal to a whole join', async () => {
    const ledger = startingLedger([3, 0, 2, 5, 1, 3, 2, 4]);
    const mirror = mirrorOf(ledger, 0);
    let steps = 0;
    await warmPanelPieces(mirror, () => Promise.resolve(void (steps += 1)), 3);
    // Seven clients with rows, three a range.
    expect(steps).toBe(3);
    const warmed = new Map(CLIENTS.map((clientId) => [clientId, clientPieceOf(mirror, clientId)]));
    expect(CLIENTS.filter((clientId) => warmed.get(clientId) === undefined)).toEqual(['c1']);
    const joined = panelJoinOf(mirror);
    for (const clientId of CLIENTS)
      expect(clientPieceOf(mirror, clientId)).toBe(warmed.get(clientId));
    expect(joined.dayColumns).toEqual(wholeOf(mirror).dayColumns);
    // Nothing left to make: a second warm-up joins no range.
    await warmPanelPieces(mirror, () => Promise.resolve(void (steps += 1)), 3);
    expect(steps).toBe(3);
  });

  it('made ahead after any writes (strays too), join equal to a whole join', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 8, maxLength: 8 }),
        fc.array(writeArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (sizes, writes, rangeClients) => {
          const ledger = startingLedger(sizes);
          panelJoinOf(mirrorOf(ledger, 0));
          for (const [index, write] of writes.entries()) {
            applyWrite(ledger, write);
            const mirror = mirrorOf(ledger, index + 1);
            await warmPanelPieces(mirror, () => Promise.resolve(), rangeClients);
            expect(panelJoinOf(mirror).dayColumns).toEqual(wholeOf(mirror).dayColumns);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
