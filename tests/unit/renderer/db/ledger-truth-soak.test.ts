// Invariant soak across features: random sequences of invoices with several dues, hand payments,
// bank files (the same transfer again, or a new one), plans and their receipts, promises, disputes,
// credit notes, write-offs, reopen, cancel, plans broken or cancelled and deletes, on a fresh
// database per run. After every step the money adds up, nothing points at a missing row, a
// movement and a payment link one to one, refusals change nothing, and Hoy, Panel, the ledger
// filter, the client pages and the clients list show the same overdue total.
// Longer runs: SOAK_RUNS=200 SOAK_STEPS=150 npx vitest run tests/unit/renderer/db/ledger-truth-soak.test.ts
// A failure prints fast-check's seed and path; SOAK_SEED=<seed> replays it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient, deleteClient } from '../../../../renderer/src/db/clients-repo';
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
import { receiveMoney } from '../../../../renderer/src/db/payments/receive-money';
import {
  confirmMatch,
  importStatements,
  linkMatch,
  reconciliationList,
} from '../../../../renderer/src/db/statements-repo';
import { cancelPlan, createPlanDraft, refreshPlans } from '../../../../renderer/src/db/plans-repo';
import { activatePlan } from '../../../../renderer/src/db/plan-signing-repo';
import { recordPromise } from '../../../../renderer/src/db/promises-repo';
import {
  openDispute,
  resolveDispute,
  resolveDisputeByCreditNote,
} from '../../../../renderer/src/db/disputes-repo';
import { checkReferences } from '../../../../renderer/src/db/check-references';
import { getWorklist } from '../../../../renderer/src/db/collections-queries';
import { loadDashboardInputs, loadLedger } from '../../../../renderer/src/db/ledger-queries';
import { getClientState, listClientsWithBalance } from '../../../../renderer/src/db/queries';
import { computeDashboard } from '../../../../renderer/src/features/dashboard/dashboard-figures';
import { EMPTY_FILTER, filterRows, ledgerTotals } from '../../../../shared/domain/ledger-filter';
import { addDays } from '../../../../shared/domain/dates';
import type { BankMovementRecord } from '../../../../shared/domain/records';
import { readBankStatement } from '../../../../shared/formats/bank-statement';
import { isValidationError } from '../../../../shared/domain/validation';
import { account11, concept23, end33, movement22 } from '../../shared/formats/norma43-fixture';
import { clientInput, freshDb, invoiceInput } from './test-db';

const TODAY = '2026-11-30';
/** Default: 20 runs × 125 steps = 2.500 steps. Longer under SOAK_RUNS / SOAK_STEPS. */
const RUNS = Number(process.env.SOAK_RUNS ?? 20);
const STEPS = Number(process.env.SOAK_STEPS ?? 125);
const SEED = Number(process.env.SOAK_SEED ?? 20261130);

type Op =
  | { kind: 'client' }
  | { kind: 'invoice'; client: number; dues: { offset: number; cents: number }[] }
  | { kind: 'pay'; client: number; cents: number; chosen: number | null; keep: boolean }
  | { kind: 'bankSame'; payment: number }
  | { kind: 'bankNew'; client: number; invoice: number; cents: number }
  | { kind: 'plan'; client: number; installments: number; firstOffset: number; grace: number }
  | { kind: 'cancelPlan'; plan: number }
  | { kind: 'refreshPlans' }
  | { kind: 'planReceipt'; plan: number; share: number }
  | { kind: 'promise'; invoice: number; offset: number }
  | { kind: 'dispute'; invoice: number; share: number }
  | { kind: 'resolve'; dispute: number; how: 'credit_note' | 'write_off' | 'resumed' }
  | { kind: 'credit'; invoice: number; share: number }
  | { kind: 'deleteCredit'; note: number }
  | { kind: 'writeOff'; invoice: number }
  | { kind: 'reopen'; invoice: number }
  | { kind: 'cancel'; invoice: number }
  | { kind: 'deletePayment'; payment: number }
  | { kind: 'deleteInvoice'; invoice: number }
  | { kind: 'deleteClient'; client: number };

const pick = fc.nat(50);
const share = fc.integer({ min: 1, max: 100 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant<Op>({ kind: 'client' }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      client: pick,
      dues: fc.array(
        fc.record({
          offset: fc.integer({ min: -120, max: 60 }),
          cents: fc.integer({ min: 1, max: 300_000 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      client: pick,
      cents: fc.integer({ min: 1, max: 250_000 }),
      chosen: fc.option(pick, { nil: null }),
      keep: fc.boolean(),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('bankSame' as const), payment: pick }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('bankNew' as const),
      client: pick,
      invoice: pick,
      cents: fc.integer({ min: 1, max: 300_000 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('plan' as const),
      client: pick,
      installments: fc.integer({ min: 1, max: 4 }),
      firstOffset: fc.integer({ min: -60, max: 30 }),
      grace: fc.constantFrom(0, 15, 90),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('cancelPlan' as const), plan: pick }), weight: 1 },
  { arbitrary: fc.constant<Op>({ kind: 'refreshPlans' }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('planReceipt' as const), plan: pick, share }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('promise' as const),
      invoice: pick,
      offset: fc.integer({ min: -10, max: 20 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('dispute' as const),
      invoice: pick,
      share: fc.integer({ min: 1, max: 110 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      dispute: pick,
      how: fc.constantFrom('credit_note' as const, 'write_off' as const, 'resumed' as const),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('credit' as const), invoice: pick, share }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('deleteCredit' as const), note: pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('writeOff' as const), invoice: pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reopen' as const), invoice: pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), invoice: pick }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('deletePayment' as const), payment: pick }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('deleteInvoice' as const), invoice: pick }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('deleteClient' as const), client: pick }), weight: 1 },
);

const KINDS: readonly Op['kind'][] = [
  'client',
  'invoice',
  'pay',
  'bankSame',
  'bankNew',
  'plan',
  'planReceipt',
  'cancelPlan',
  'refreshPlans',
  'promise',
  'dispute',
  'resolve',
  'credit',
  'deleteCredit',
  'writeOff',
  'reopen',
  'cancel',
  'deletePayment',
  'deleteInvoice',
  'deleteClient',
];

const PDF = new TextEncoder().encode('%PDF-1.4 acuerdo firmado');
const SIG = 'data:image/png;base64,iVBORw0KGgo=';

/** Every table the invariants read, in one read transaction (a consistent view). */
async function snapshot(db: CuentasDatabase) {
  const tables = [
    db.clients,
    db.invoices,
    db.payments,
    db.allocations,
    db.creditNotes,
    db.bankMovements,
    db.plans,
    db.installments,
    db.promises,
    db.disputes,
  ];
  return db.transaction('r', tables, async () => {
    const [clients, invoices, payments, allocations, creditNotes, movements] = await Promise.all([
      db.clients.orderBy('id').toArray(),
      db.invoices.orderBy('id').toArray(),
      db.payments.orderBy('id').toArray(),
      db.allocations.orderBy('id').toArray(),
      db.creditNotes.orderBy('id').toArray(),
      db.bankMovements.orderBy('id').toArray(),
    ]);
    const [plans, installments, promises, disputes] = await Promise.all([
      db.plans.orderBy('id').toArray(),
      db.installments.orderBy('id').toArray(),
      db.promises.orderBy('id').toArray(),
      db.disputes.orderBy('id').toArray(),
    ]);
    return {
      clients,
      invoices,
      payments,
      allocations,
      creditNotes,
      movements,
      plans,
      installments,
      promises,
      disputes,
    };
  });
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** A valid DNI per serial: clients need a tax id, unique. */
function dni(n: number): string {
  const digits = String(10_000_000 + n).slice(-8);
  return `${digits}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits) % 23] ?? 'T'}`;
}

const at = <T>(rows: readonly T[], index: number): T | undefined =>
  rows.length === 0 ? undefined : rows[index % rows.length];

function sumBy<T>(rows: readonly T[], key: (row: T) => string, cents: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + cents(row));
  return sums;
}

/** A one-movement Norma 43 file; `serial` keeps each file (and movement) distinct. */
function norma43(serial: number, cents: number, concept: string): Uint8Array {
  const movement = { date: '261128', amountCents: cents, concept, ref2: `S${serial}` };
  const initial = 100_000 + serial;
  const lines = [account11('261101', '261130', initial), movement22(movement)];
  lines.push(concept23(concept), end33([movement], initial));
  lines.push(`88${'9'.repeat(18)}${String(lines.length).padStart(6, '0')}`);
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

async function importOne(db: CuentasDatabase, serial: number, cents: number, concept: string) {
  await importStatements(db, readBankStatement(norma43(serial, cents, concept)), `s${serial}.n43`);
  const movement = (await db.bankMovements.toArray()).find((row) =>
    row.references.some((ref) => ref.includes(`S${serial}`)),
  );
  if (!movement) throw new Error(`movement S${serial} not imported`);
  const entry = (await reconciliationList(db)).find((row) => row.movement.id === movement.id);
  return { movement, suggestions: entry?.suggestions ?? [] };
}

async function apply(db: CuentasDatabase, op: Op, s: Snapshot, serial: number): Promise<void> {
  const client = 'client' in op ? at(s.clients, op.client) : undefined;
  const invoice = 'invoice' in op ? at(s.invoices, op.invoice) : undefined;
  const payment = 'payment' in op ? at(s.payments, op.payment) : undefined;
  switch (op.kind) {
    case 'client':
      await createClient(db, clientInput({ name: `Cliente ${serial}`, taxId: dni(serial) }));
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
    case 'pay': {
      if (!client) return;
      // Chosen among the client's own invoices (a wrong client's is refused, rarely worth a step).
      const own = s.invoices.filter((row) => row.clientId === client.id);
      const target = op.chosen === null ? undefined : at(own, op.chosen);
      await recordPayment(db, {
        clientId: client.id,
        date: TODAY,
        amountCents: op.cents,
        method: 'transfer',
        reference: `TRF ${serial}`,
        note: '',
        allocation: target
          ? { mode: 'chosen', items: [{ invoiceId: target.id, amountCents: op.cents }] }
          : { mode: 'oldest_first' },
        keepExcessAsCredit: op.keep,
      });
      return;
    }
    case 'bankSame': {
      // The transfer recorded by hand arrives again in the bank file: it must link, not book twice.
      const linked = new Set(s.movements.map((row) => row.paymentId));
      const unlinked = s.payments.filter((row) => !linked.has(row.id) && !row.planId);
      const original = at(unlinked, op.payment);
      if (!original) return;
      const name = s.clients.find((row) => row.id === original.clientId)?.name ?? '';
      const concept = `TRANSF ${name} ${original.reference}`.toUpperCase();
      const { movement, suggestions } = await importOne(db, serial, original.amountCents, concept);
      const top = suggestions[0];
      expect(top?.link, `the top suggestion for ${concept} links a recorded payment`).toBeDefined();
      const count = await db.payments.count();
      await linkMatch(db, movement.id, top!.link!.paymentId);
      expect(await db.payments.count(), 'linking records no new payment').toBe(count);
      return;
    }
    case 'bankNew': {
      if (!client) return;
      const named = s.invoices.filter((row) => row.clientId === client.id);
      const number = at(named, op.invoice)?.number ?? '';
      const concept = `TRANSF ${client.name} ${number} N${serial}`.toUpperCase();
      const { movement, suggestions } = await importOne(db, serial, op.cents, concept);
      const top = suggestions[0];
      if (!top) return; // Nothing open to suggest: the movement stays to reconcile.
      if (top.link) {
        const count = await db.payments.count();
        await linkMatch(db, movement.id, top.link.paymentId);
        expect(await db.payments.count()).toBe(count);
        return;
      }
      const invoiceIds = top.items.flatMap((item) =>
        item.kind === 'invoice' ? [item.id] : [...item.invoiceIds],
      );
      const planIds = top.items.flatMap((item) => (item.planId ? [item.planId] : []));
      await confirmMatch(db, movement.id, { clientId: top.clientId, invoiceIds, planIds });
      return;
    }
    case 'plan': {
      // Among the clients with open invoices outside a plan.
      const free = s.invoices.filter(
        (row) => row.lifecycle === 'issued' && row.outstandingCents > 0 && row.planId === null,
      );
      const clientId = at([...new Set(free.map((row) => row.clientId))].sort(), op.client);
      if (!clientId) return;
      const open = free.filter((row) => row.clientId === clientId);
      const draft = await createPlanDraft(
        db,
        {
          clientId,
          invoiceIds: open.map((row) => row.id),
          extraLines: [],
          downPaymentCents: 0,
          downPaymentDate: null,
          installments: op.installments,
          frequency: 'monthly',
          firstDueDate: addDays(TODAY, op.firstOffset),
          annualInterestPercent: 0,
          breakAfterDays: op.grace,
          place: 'Zaragoza',
          language: 'es',
          creditorSignatory: { name: 'Lucía Martín', capacity: 'administradora' },
          debtorSignatory: { name: 'José García', capacity: 'apoderado' },
          schedule: null,
        },
        addDays(TODAY, op.firstOffset - 30),
      );
      await activatePlan(db, draft.id, {
        how: 'handwritten',
        creditorSignature: SIG,
        debtorSignature: SIG,
        pdf: PDF,
        fileName: 'acuerdo.pdf',
        today: addDays(TODAY, op.firstOffset - 30),
      });
      return;
    }
    case 'planReceipt': {
      const live = s.plans.filter((row) => row.status === 'active' || row.status === 'broken');
      const plan = at(live, op.plan);
      if (!plan) return;
      const next = s.installments
        .filter((row) => row.planId === plan.id && row.paidCents < row.amountCents)
        .sort((a, b) => a.seq - b.seq)[0];
      if (!next) return;
      const left = next.amountCents - next.paidCents;
      await receiveMoney(db, {
        source: 'plan_installment',
        clientId: plan.clientId,
        date: TODAY,
        amountCents: Math.max(1, Math.round((left * op.share) / 100)),
        method: 'transfer',
        reference: `PLAZO ${next.seq}`,
        note: '',
        allocation: { mode: 'targets', invoiceIds: [], planIds: [plan.id] },
        keepExcessAsCredit: true,
      });
      return;
    }
    case 'cancelPlan': {
      const live = s.plans.filter((row) => row.status !== 'cancelled');
      const plan = at(live, op.plan);
      if (plan) await cancelPlan(db, plan.id);
      return;
    }
    case 'refreshPlans':
      // The day's check: a plan late beyond its grace breaks and gives its invoices back.
      await refreshPlans(db, TODAY);
      return;
    case 'promise':
      if (!invoice) return;
      await recordPromise(db, {
        clientId: invoice.clientId,
        invoiceIds: [invoice.id],
        amountCents: Math.max(1, invoice.outstandingCents),
        promisedDate: addDays(TODAY, op.offset),
        activityId: null,
      });
      return;
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
    case 'resolve': {
      const open = s.disputes.filter((row) => row.status === 'open');
      const dispute = at(open, op.dispute);
      if (!dispute) return;
      if (op.how !== 'credit_note') await resolveDispute(db, dispute.id, op.how);
      else {
        const invoiceOf = s.invoices.find((row) => row.id === dispute.invoiceId);
        await resolveDisputeByCreditNote(db, dispute.id, {
          number: `RD-${serial}`,
          date: TODAY,
          amountCents: Math.min(dispute.amountCents, invoiceOf?.outstandingCents ?? 0),
          reason: 'Disputa resuelta',
        });
      }
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
      const note = at(s.creditNotes, op.note);
      if (note) await deleteCreditNote(db, note.id);
      return;
    }
    case 'writeOff':
      if (invoice) await writeOffInvoice(db, invoice.id, { date: TODAY });
      return;
    case 'reopen': {
      // Mostly a written-off or cancelled one (what reopen is for); sometimes any, to be refused.
      const closed = s.invoices.filter((row) => row.lifecycle !== 'issued');
      const target = op.invoice % 4 === 0 ? invoice : (at(closed, op.invoice) ?? invoice);
      if (target) await reopenInvoice(db, target.id);
      return;
    }
    case 'cancel':
      if (invoice) await cancelInvoice(db, invoice.id, { date: TODAY });
      return;
    case 'deletePayment':
      if (payment) await deletePayment(db, payment.id);
      return;
    case 'deleteInvoice':
      if (invoice) await deleteInvoice(db, invoice.id);
      return;
    case 'deleteClient':
      if (client) await deleteClient(db, client.id);
      return;
  }
}

const stats = { steps: 0, refused: 0, applied: 0, overdueSteps: 0, linkedSteps: 0 };
/** Per operation: how often it changed the data, changed nothing (nothing to act on) or was refused. */
const byKind = new Map<string, { changed: number; idle: number; refused: number }>();
function count(kind: string, outcome: 'changed' | 'idle' | 'refused') {
  const row = byKind.get(kind) ?? { changed: 0, idle: 0, refused: 0 };
  row[outcome] += 1;
  byKind.set(kind, row);
}

async function checkInvariants(db: CuentasDatabase, s: Snapshot, where: string): Promise<void> {
  // A payment: allocations never exceed it, and allocations + unallocated + plan part = amount.
  const fromPayment = sumBy(
    s.allocations,
    (row) => row.paymentId,
    (row) => row.amountCents,
  );
  for (const payment of s.payments) {
    const allocated = fromPayment.get(payment.id) ?? 0;
    expect(allocated, `${where}: allocations of ${payment.reference}`).toBeLessThanOrEqual(
      payment.amountCents,
    );
    expect(payment.unallocatedCents, `${where}: unallocated`).toBeGreaterThanOrEqual(0);
    expect(allocated + payment.unallocatedCents + (payment.planCents ?? 0), where).toBe(
      payment.amountCents,
    );
  }
  for (const row of s.allocations) expect(row.amountCents, where).toBeGreaterThan(0);
  // An invoice: outstanding = payable − allocations − credits, never negative.
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
    expect(invoice.creditedCents ?? 0, `${where}: credited of ${invoice.number}`).toBe(credit);
    // Never settled beyond what is payable (no hidden max(0, …) in the expectation).
    expect(
      invoice.payableCents - paid - credit,
      `${where}: ${invoice.number} over-settled`,
    ).toBeGreaterThanOrEqual(0);
    // A cancelled invoice (anulada) was never owed: outstanding 0, and it had no payments.
    const owed = invoice.lifecycle === 'cancelled' ? 0 : invoice.payableCents - paid - credit;
    if (invoice.lifecycle === 'cancelled') expect(paid, `${where}: paid on cancelled`).toBe(0);
    expect(invoice.outstandingCents, `${where}: outstanding of ${invoice.number}`).toBe(owed);
    expect(
      invoice.dues.reduce((sum, due) => sum + due.amountCents, 0),
      where,
    ).toBe(invoice.payableCents);
  }
  // A movement links to at most one payment, a payment to at most one movement, same amount.
  const payments = new Map(s.payments.map((row) => [row.id, row]));
  const seen = new Set<string>();
  for (const movement of s.movements) {
    if (movement.paymentId === null) {
      expect(movement.status, `${where}: unlinked movement`).not.toBe('matched');
      continue;
    }
    expect(seen.has(movement.paymentId), `${where}: payment linked twice`).toBe(false);
    seen.add(movement.paymentId);
    expect(payments.get(movement.paymentId)?.amountCents, `${where}: linked amount`).toBe(
      movement.amountCents,
    );
  }
  // No row references a missing row.
  expect(await checkReferences(db), `${where}: dangling references`).toEqual([]);
  // The overdue total: Hoy, Panel, the ledger filter, the client pages and the clients list agree.
  const hoy = (await getWorklist(db, TODAY)).worklist.totals.overdueCents;
  const panel = computeDashboard(await loadDashboardInputs(db), TODAY).overdueCents;
  const { rows } = await loadLedger(db, TODAY);
  const ledger = ledgerTotals(filterRows(rows, { ...EMPTY_FILTER, overdueOnly: true }));
  let pages = 0;
  for (const client of s.clients) {
    pages += (await getClientState(db, client.id, TODAY)).totals.overdueCents;
  }
  const list = (await listClientsWithBalance(db, TODAY)).reduce(
    (sum, row) => sum + row.overdueCents,
    0,
  );
  if (panel > 0) stats.overdueSteps += 1;
  if (s.movements.some((row) => row.paymentId !== null)) stats.linkedSteps += 1;
  expect({ hoy, panel, ledger: ledger.overdueCents, pages, list }, `${where}: overdue`).toEqual({
    hoy: panel,
    panel,
    ledger: panel,
    pages: panel,
    list: panel,
  });
}

describe('ledger truth soak', () => {
  it('the invariant check catches a corrupted ledger (the soak can fail)', async () => {
    const db = freshDb();
    try {
      const client = await createClient(db, clientInput({ taxId: dni(1) }));
      const invoice = await createInvoice(
        db,
        invoiceInput(client.id, { dues: [{ dueDate: '2026-10-01', amountCents: 1_210_00 }] }),
      );
      const { payment } = await recordPayment(db, {
        clientId: client.id,
        date: TODAY,
        amountCents: 200_00,
        method: 'transfer',
        reference: 'TRF 1',
        note: '',
        allocation: { mode: 'oldest_first' },
        keepExcessAsCredit: false,
      });
      await checkInvariants(db, await snapshot(db), 'clean');
      // Outstanding that forgets a payment.
      await db.invoices.update(invoice.id, { outstandingCents: 1_210_00 });
      await expect(checkInvariants(db, await snapshot(db), 'stale')).rejects.toThrow(/outstanding/);
      await db.invoices.update(invoice.id, { outstandingCents: 1_010_00 });
      // One payment linked from two bank movements.
      const movement: Omit<BankMovementRecord, 'id' | 'fingerprint'> = {
        statementId: 'st',
        date: TODAY,
        valueDate: TODAY,
        amountCents: 200_00,
        concept: 'TRANSF',
        references: [],
        commonCode: '02',
        counterpartyName: '',
        status: 'matched',
        paymentId: payment.id,
      };
      await db.bankMovements.bulkAdd([
        { ...movement, id: 'm1', fingerprint: 'f1' },
        { ...movement, id: 'm2', fingerprint: 'f2' },
      ]);
      await expect(checkInvariants(db, await snapshot(db), 'twice')).rejects.toThrow(
        /linked twice/,
      );
    } finally {
      await db.delete();
    }
  });

  it(`${RUNS} runs × ${STEPS} steps across features keep every invariant`, async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: STEPS, maxLength: STEPS }), async (ops) => {
        const db = freshDb();
        try {
          // Two clients to start with, so the first steps have someone to invoice.
          await createClient(db, clientInput({ name: 'Talleres Norte S.L.', taxId: dni(9_001) }));
          await createClient(db, clientInput({ name: 'Vidrios Sur S.A.', taxId: dni(9_002) }));
          let before = await snapshot(db);
          for (const [index, op] of ops.entries()) {
            const where = `step ${index} ${JSON.stringify(op)}`;
            let refused = false;
            try {
              await apply(db, op, before, index);
            } catch (error) {
              if (!isValidationError(error)) throw error;
              if (process.env.SOAK_DEBUG) console.info(op.kind, JSON.stringify(error.issues));
              refused = true;
            }
            const after = await snapshot(db);
            stats.steps += 1;
            if (refused) {
              stats.refused += 1;
              count(op.kind, 'refused');
              // A refusal changes nothing.
              expect(after, `${where}: a refusal changed the data`).toEqual(before);
            } else {
              stats.applied += 1;
              count(op.kind, JSON.stringify(after) === JSON.stringify(before) ? 'idle' : 'changed');
              await checkInvariants(db, after, where);
            }
            before = after;
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const ms = performance.now() - started;
    if (RUNS * STEPS >= 1_000) {
      // The soak must exercise every operation, not refuse or skip it throughout.
      // …and the figures it compares are not all zero.
      expect(stats.overdueSteps, 'steps with something overdue').toBeGreaterThan(stats.applied / 4);
      expect(stats.linkedSteps, 'steps with a linked movement').toBeGreaterThan(0);
      for (const kind of KINDS)
        expect(byKind.get(kind)?.changed ?? 0, `${kind} never applied`).toBeGreaterThan(0);
    }
    console.info(
      `soak: ${stats.steps} steps (${stats.applied} applied, ${stats.refused} refused) in ${Math.round(ms)} ms, ${(ms / Math.max(1, stats.steps)).toFixed(1)} ms/step, seed ${SEED}; overdue in ${stats.overdueSteps} steps`,
    );
    console.info(
      [...byKind]
        .map(([kind, row]) => `${kind} ${row.changed}/${row.idle}/${row.refused}`)
        .join(', '),
      '(changed/idle/refused)',
    );
  }, 600_000);
});
