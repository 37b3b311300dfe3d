// Soak: 10,000 seeded random operations on the repositories, with every invariant checked after each one.
import { afterEach, describe, expect, it } from 'vitest';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient, deleteClient } from '../../../../renderer/src/db/clients-repo';
import {
  createInvoice,
  deleteInvoice,
  updateInvoice,
  writeOffInvoice,
} from '../../../../renderer/src/db/invoices-repo';
import { deletePayment, recordPayment } from '../../../../renderer/src/db/payments-repo';
import { classifyWriteError } from '../../../../renderer/src/db/write-errors';
import { checkReferences } from '../../../../renderer/src/db/check-references';
import {
  computeInvoiceAmounts,
  deriveInvoiceFields,
  deriveInvoiceStatus,
} from '../../../../shared/domain/invoice';
import type { DueRecord, InvoiceRecord, InvoiceStatus } from '../../../../shared/domain/records';
import { isValidationError } from '../../../../shared/domain/validation';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

const TODAY = '2026-03-01';
const RUNS = Number(process.env.SOAK_RUNS ?? 40);
const OPS_PER_RUN = 250;

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed from its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[int(0, items.length - 1)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

function dni(n: number): string {
  const digits = String(10_000_000 + n).slice(-8);
  return `${digits}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits) % 23] ?? 'T'}`;
}

/** Splits `payable` into 1–3 dues on ascending dates; the last takes the rounding. */
function dues(random: Random, payable: number): DueRecord[] {
  const count = payable >= 3 ? random.int(1, 3) : 1;
  const dates = ['2026-01-20', '2026-02-20', '2026-03-20', '2026-04-20'].slice(random.int(0, 1));
  const result: DueRecord[] = [];
  let left = payable;
  for (let i = 0; i < count; i += 1) {
    const amount = i === count - 1 ? left : Math.floor(payable / count);
    result.push({ dueDate: dates[i] ?? '2026-05-20', amountCents: amount });
    left -= amount;
  }
  return result;
}

/** The status an invoice must have, worked out from the allocations table, not its stored fields. */
function expectedStatus(invoice: InvoiceRecord, allocated: number): InvoiceStatus {
  if (invoice.lifecycle === 'draft') return 'draft';
  if (invoice.lifecycle === 'written_off') return 'written_off';
  if (allocated >= invoice.payableCents) return 'paid';
  const { nextDueDate } = deriveInvoiceFields(invoice, allocated);
  if (nextDueDate !== null && nextDueDate < TODAY) return 'overdue';
  return allocated > 0 ? 'partial' : 'pending';
}

async function snapshot(db: CuentasDatabase) {
  // One read transaction: a consistent view, and far cheaper than five.
  const tables = [db.clients, db.invoices, db.payments, db.allocations, db.audit];
  const [clients, invoices, payments, allocations, last] = await db.transaction('r', tables, () =>
    Promise.all([
      db.clients.toArray(),
      db.invoices.toArray(),
      db.payments.toArray(),
      db.allocations.toArray(),
      db.audit.orderBy('seq').last(),
    ]),
  );
  return { clients, invoices, payments, allocations, lastSeq: last?.seq ?? 0 };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

function checkInvariants(state: Snapshot, where: string): void {
  const invoiceIds = new Set(state.invoices.map((invoice) => invoice.id));
  const paymentIds = new Set(state.payments.map((payment) => payment.id));
  const clientIds = new Set(state.clients.map((client) => client.id));
  const allocatedTo = new Map<string, number>();
  const allocatedFrom = new Map<string, number>();
  for (const allocation of state.allocations) {
    // No allocation without its payment and invoice (and a positive amount).
    expect(paymentIds.has(allocation.paymentId), `${where}: orphan allocation`).toBe(true);
    expect(invoiceIds.has(allocation.invoiceId), `${where}: orphan allocation`).toBe(true);
    expect(allocation.amountCents).toBeGreaterThan(0);
    allocatedTo.set(
      allocation.invoiceId,
      (allocatedTo.get(allocation.invoiceId) ?? 0) + allocation.amountCents,
    );
    allocatedFrom.set(
      allocation.paymentId,
      (allocatedFrom.get(allocation.paymentId) ?? 0) + allocation.amountCents,
    );
  }
  for (const invoice of state.invoices) {
    const allocated = allocatedTo.get(invoice.id) ?? 0;
    expect(clientIds.has(invoice.clientId), `${where}: invoice without client`).toBe(true);
    expect(invoice.paidCents, `${where}: paid of ${invoice.number}`).toBe(allocated);
    expect(invoice.paidCents).toBeLessThanOrEqual(invoice.payableCents);
    expect(invoice.outstandingCents, `${where}: outstanding of ${invoice.number}`).toBe(
      invoice.payableCents - allocated,
    );
    expect(invoice.dues.reduce((sum, due) => sum + due.amountCents, 0)).toBe(invoice.payableCents);
    expect(deriveInvoiceStatus(invoice, TODAY), `${where}: status of ${invoice.number}`).toBe(
      expectedStatus(invoice, allocated),
    );
  }
  for (const payment of state.payments) {
    expect(clientIds.has(payment.clientId), `${where}: payment without client`).toBe(true);
    expect((allocatedFrom.get(payment.id) ?? 0) + payment.unallocatedCents).toBe(
      payment.amountCents,
    );
  }
}

/** Ids of the clients, invoices and payments that were added, removed or changed. */
function changedIds(before: Snapshot, after: Snapshot): string[] {
  const changed = new Set<string>();
  for (const table of ['clients', 'invoices', 'payments'] as const) {
    const old = new Map<string, unknown>(before[table].map((row) => [row.id, row]));
    const now = new Map<string, unknown>(after[table].map((row) => [row.id, row]));
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      if (JSON.stringify(old.get(id)) !== JSON.stringify(now.get(id))) changed.add(id);
    }
  }
  return [...changed];
}

interface Counters {
  ok: number;
  refused: number;
  failed: number;
}

/** What a successful operation must have written to the audit log: its entities' ids. */
type Expected = { audited: string[] } | null;

async function step(
  db: CuentasDatabase,
  random: Random,
  n: number,
  state: Snapshot,
): Promise<Expected> {
  const client = random.pick(state.clients);
  const invoice = random.pick(state.invoices);
  const payment = random.pick(state.payments);
  const roll = random.next();
  if (roll < 0.1 || !client) {
    const created = await createClient(
      db,
      clientInput({ name: `Cliente ${n}`, taxId: dni(random.int(0, 400)) }),
    );
    return { audited: [created.id] };
  }
  if (roll < 0.35) {
    const base = random.int(1, 5_000_00);
    const withholding = random.chance(0.2) ? 15 : 0;
    const payable = computeInvoiceAmounts({
      taxableBaseCents: base,
      vatRatePercent: 21,
      withholdingRatePercent: withholding,
    }).payableCents;
    const created = await createInvoice(
      db,
      invoiceInput(client.id, {
        number: `S-${random.int(1, 300)}`, // sometimes taken: a refusal that must change nothing
        taxableBaseCents: base,
        withholdingRatePercent: withholding,
        dues: dues(random, payable),
        lifecycle: random.chance(0.1) ? 'draft' : 'issued',
      }),
    );
    return { audited: [created.id] };
  }
  if (roll < 0.6) {
    const open = state.invoices.filter(
      (candidate) => candidate.lifecycle === 'issued' && candidate.outstandingCents > 0,
    );
    const target = random.pick(open);
    if (!target) return null;
    const paid = (result: Awaited<ReturnType<typeof recordPayment>>) => ({
      audited: [result.payment.id, ...result.allocations.map((allocation) => allocation.invoiceId)],
    });
    if (random.chance(0.5)) {
      const owed = open
        .filter((candidate) => candidate.clientId === target.clientId)
        .reduce((sum, candidate) => sum + candidate.outstandingCents, 0);
      const amount = random.int(1, owed + (random.chance(0.1) ? 1_000 : 0));
      return paid(
        await recordPayment(
          db,
          paymentInput(target.clientId, {
            amountCents: amount,
            allocation: { mode: 'oldest_first' },
            keepExcessAsCredit: random.chance(0.5),
          }),
        ),
      );
    }
    const amount = random.int(1, target.outstandingCents + (random.chance(0.1) ? 500 : 0));
    return paid(
      await recordPayment(
        db,
        paymentInput(target.clientId, {
          amountCents: amount + (random.chance(0.2) ? random.int(1, 100) : 0),
          allocation: { mode: 'chosen', items: [{ invoiceId: target.id, amountCents: amount }] },
          keepExcessAsCredit: random.chance(0.5),
        }),
      ),
    );
  }
  if (roll < 0.7) {
    if (!payment) return null;
    await deletePayment(db, payment.id);
    const invoices = state.allocations
      .filter((allocation) => allocation.paymentId === payment.id)
      .map((allocation) => allocation.invoiceId);
    return { audited: [payment.id, ...new Set(invoices)] };
  }
  if (!invoice) return null;
  if (roll < 0.8) {
    const base = random.int(1, 5_000_00);
    const payable = computeInvoiceAmounts({
      taxableBaseCents: base,
      vatRatePercent: 21,
      withholdingRatePercent: 0,
    }).payableCents;
    await updateInvoice(
      db,
      invoice.id,
      invoiceInput(invoice.clientId, {
        number: invoice.number,
        taxableBaseCents: base,
        dues: dues(random, payable),
        lifecycle: invoice.lifecycle === 'draft' ? 'draft' : 'issued',
      }),
    );
    return { audited: [invoice.id] };
  }
  if (roll < 0.88) await deleteInvoice(db, invoice.id);
  else if (roll < 0.94) await writeOffInvoice(db, invoice.id);
  else {
    await deleteClient(db, client.id);
    return { audited: [client.id] };
  }
  return { audited: [invoice.id] };
}

async function soak(seed: number, ops: number): Promise<Counters> {
  const db = freshDb();
  openDbs.push(db);
  const random = prng(seed);
  const failures = { armed: false };
  // A simulated full disk in the middle of a use case: the audit write is the last thing each does.
  const simulatedFailure = () => {
    if (!failures.armed) return;
    failures.armed = false;
    throw new DOMException('Simulated: the disk is full', 'QuotaExceededError');
  };
  db.audit.hook('creating', simulatedFailure);
  const counters: Counters = { ok: 0, refused: 0, failed: 0 };
  let state: Snapshot | null = null;
  for (let n = 0; n < ops; n += 1) {
    const where = `seed ${seed}, op ${n}`;
    const before = state ?? (await snapshot(db));
    failures.armed = random.chance(0.05);
    const armed = failures.armed;
    try {
      const expected = await step(db, random, n, before);
      const after = await snapshot(db);
      state = after;
      checkInvariants(after, where);
      // Every change has its audit entries: exactly one per entity it changed, naming it.
      const added = await db.audit.where('seq').above(before.lastSeq).toArray();
      expect(added.map((entry) => entry.entityId).sort(), `${where}: audit`).toEqual(
        (expected?.audited ?? []).sort(),
      );
      // …and nothing changed without one.
      const audited = new Set(added.map((entry) => entry.entityId));
      for (const id of changedIds(before, after)) {
        expect(audited.has(id), `${where}: ${id} changed without an audit entry`).toBe(true);
      }
      if (expected !== null) counters.ok += 1;
    } catch (error) {
      if (isValidationError(error)) counters.refused += 1;
      else if (armed && classifyWriteError(error) === 'quota') counters.failed += 1;
      else throw error;
      // Refused or failed half-way: nothing at all may have changed.
      const after = await snapshot(db);
      expect(after, `${where}: a rejected operation changed data`).toEqual(before);
      state = after;
    }
    failures.armed = false;
  }
  // Nothing points at nothing after all those deletes (the reference map, check-references.ts).
  expect(await checkReferences(db), `seed ${seed}: dangling references`).toEqual([]);
  return counters;
}

const openDbs: CuentasDatabase[] = [];
afterEach(async () => {
  for (const db of openDbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('soak: random operations against the repositories', () => {
  for (let run = 0; run < RUNS; run += 1) {
    const seed = 20_261_123 + run;
    it(`keeps every invariant through ${OPS_PER_RUN} operations (seed ${seed})`, async () => {
      const counters = await soak(seed, OPS_PER_RUN);
      // The mix must really exercise successes, refusals and simulated failures.
      expect(counters.ok).toBeGreaterThan(OPS_PER_RUN * 0.3);
      expect(counters.refused).toBeGreaterThan(0);
      expect(counters.failed).toBeGreaterThan(0);
    }, 120_000);
  }
});
