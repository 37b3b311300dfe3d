// Property: on any ledger, Hoy, Panel, the ledger filter and the client pages show the same overdue.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../../shared/domain/dates';
import { deriveInvoiceFields, settleDues } from '../../../../shared/domain/invoice';
import type {
  InstallmentRecord,
  InvoiceLifecycle,
  InvoiceRecord,
} from '../../../../shared/domain/records';
import { totalsOf } from '../../../../shared/domain/ledger-state';
import { buildWorklist, type WorklistClient } from '../../../../shared/domain/worklist';
import { DEFAULT_DUNNING_LEVELS } from '../../../../shared/domain/dunning';
import { EMPTY_FILTER, filterRows, ledgerTotals } from '../../../../shared/domain/ledger-filter';
import {
  stateContext,
  toLedgerRow,
  type StateFacts,
} from '../../../../renderer/src/db/ledger-queries';
import { exposureOf } from '../../../../renderer/src/db/collections-data';
import { computeDashboard } from '../../../../renderer/src/features/dashboard/dashboard-figures';

const TODAY = '2026-11-30';
const CLIENTS = ['c0', 'c1', 'c2'];

const dueArb = fc.record({
  offset: fc.integer({ min: -150, max: 60 }),
  amountCents: fc.integer({ min: 1, max: 200_000 }),
});
const invoiceArb = fc.record({
  client: fc.integer({ min: 0, max: CLIENTS.length - 1 }),
  dues: fc.array(dueArb, { minLength: 1, maxLength: 3 }),
  paidShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
  lifecycle: fc.constantFrom<InvoiceLifecycle>(
    'issued',
    'issued',
    'issued',
    'draft',
    'written_off',
    'cancelled',
  ),
  planned: fc.boolean(),
  disputed: fc.boolean(),
});
const installmentArb = fc.record({
  offset: fc.integer({ min: -40, max: 120 }),
  amountCents: fc.integer({ min: 1, max: 150_000 }),
  paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
});
const ledgerArb: fc.Arbitrary<Ledger> = fc.record({
  invoices: fc.array(invoiceArb, { minLength: 1, maxLength: 25 }),
  schedules: fc.array(fc.array(installmentArb, { minLength: 1, maxLength: 4 }), {
    minLength: CLIENTS.length,
    maxLength: CLIENTS.length,
  }),
  active: fc.array(fc.boolean(), { minLength: CLIENTS.length, maxLength: CLIENTS.length }),
});

interface Ledger {
  invoices: {
    client: number;
    dues: { offset: number; amountCents: number }[];
    paidShare: number;
    lifecycle: InvoiceLifecycle;
    planned: boolean;
    disputed: boolean;
  }[];
  schedules: { offset: number; amountCents: number; paidShare: number }[][];
  active: boolean[];
}

/** Stored records as the repositories write them: derived fields, planId while the plan is active. */
function build(ledger: Ledger): { invoices: InvoiceRecord[]; facts: StateFacts } {
  const invoices: InvoiceRecord[] = ledger.invoices.map((row, index) => {
    const dues = row.dues
      .map((due) => ({ dueDate: addDays(TODAY, due.offset), amountCents: due.amountCents }))
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
    const payableCents = dues.reduce((sum, due) => sum + due.amountCents, 0);
    const paid = Math.min(payableCents, Math.floor(payableCents * row.paidShare));
    const base = {
      id: `i${String(index).padStart(3, '0')}`,
      clientId: CLIENTS[row.client] as string,
      number: `F-${index}`,
      issueDate: addDays(TODAY, -200),
      description: '',
      taxableBaseCents: payableCents,
      vatRatePercent: 0,
      vatCents: 0,
      withholdingRatePercent: 0,
      withholdingCents: 0,
      totalCents: payableCents,
      payableCents,
      dues,
      lifecycle: row.lifecycle,
      disputedCents: 0,
      planId: null,
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-01T10:00:00.000Z',
    };
    const derived = deriveInvoiceFields(base, paid);
    return {
      ...base,
      ...derived,
      disputedCents: row.disputed ? Math.min(500, derived.outstandingCents) : 0,
    };
  });
  const plans: StateFacts['plans'] = [];
  const installments: InstallmentRecord[] = [];
  CLIENTS.forEach((clientId, c) => {
    const taken = invoices.filter(
      (invoice, index) =>
        invoice.clientId === clientId &&
        ledger.invoices[index]?.planned === true &&
        invoice.lifecycle === 'issued' &&
        invoice.outstandingCents > 0,
    );
    if (taken.length === 0) return;
    const status = ledger.active[c] ? 'active' : 'broken';
    const id = `p${c}`;
    plans.push({ id, clientId, status, invoiceIds: taken.map((invoice) => invoice.id) });
    // planId stays on the invoices while the plan is active; a broken plan gives them back.
    if (status === 'active') for (const invoice of taken) invoice.planId = id;
    (ledger.schedules[c] ?? []).forEach((row, seq) => {
      installments.push({
        id: `${id}-${seq}`,
        planId: id,
        seq: seq + 1,
        dueDate: addDays(TODAY, row.offset),
        amountCents: row.amountCents,
        principalCents: row.amountCents,
        interestCents: 0,
        paidCents: Math.floor(row.amountCents * row.paidShare),
      });
    });
  });
  // Only active plans are read by the screens (loadStateFacts).
  const activePlans = plans.filter((plan) => plan.status === 'active');
  const activeIds = new Set(activePlans.map((plan) => plan.id));
  return {
    invoices,
    facts: {
      plans: activePlans,
      installments: installments.filter((row) => activeIds.has(row.planId)),
      promises: [],
    },
  };
}

/** The rule written out again, independently: what the README says counts as overdue. */
function expectedOverdue(invoices: InvoiceRecord[], facts: StateFacts): number {
  let total = 0;
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents <= 0 || invoice.planId) continue;
    total += settleDues(invoice.dues, invoice.paidCents)
      .filter((due) => due.dueDate < TODAY)
      .reduce((sum, due) => sum + due.outstandingCents, 0);
  }
  for (const plan of facts.plans) {
    const late = facts.installments
      .filter((row) => row.planId === plan.id && row.dueDate < TODAY)
      .reduce((sum, row) => sum + Math.max(0, row.amountCents - row.paidCents), 0);
    const owed = invoices
      .filter((invoice) => invoice.planId === plan.id)
      .reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
    total += Math.min(late, owed);
  }
  return total;
}

function worklistClients(invoices: InvoiceRecord[], facts: StateFacts): WorklistClient[] {
  return CLIENTS.map((id) => ({
    id,
    name: id,
    pausedUntil: null,
    risk: 'B',
    brokenPromises: 0,
    invoices: invoices.filter(
      (invoice) =>
        invoice.clientId === id && invoice.lifecycle === 'issued' && invoice.outstandingCents > 0,
    ),
    dunningHistory: [],
    openFollowUps: [],
    promises: [],
    installments: facts.installments.filter((row) =>
      facts.plans.some((plan) => plan.id === row.planId && plan.clientId === id),
    ),
    lastContactDate: null,
  }));
}

describe('one derivation of state', () => {
  it('Hoy, Panel, the ledger filter and the client pages show the same overdue total', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const { invoices, facts } = build(ledger);
        const expected = expectedOverdue(invoices, facts);
        const ctx = stateContext(facts, invoices, TODAY);

        const hoy = buildWorklist({
          clients: worklistClients(invoices, facts),
          today: TODAY,
          levels: DEFAULT_DUNNING_LEVELS,
          state: ctx,
        });
        const clients = CLIENTS.map((id) => ({ id, name: id, taxId: '', creditLimitCents: null }));
        const panel = computeDashboard(
          {
            invoices,
            clients,
            allocations: [],
            payments: [],
            installments: [],
            promises: [],
            facts,
          },
          TODAY,
        );
        const rows = invoices.map((invoice) => toLedgerRow(invoice, undefined, null, ctx));
        const ledgerOverdue = ledgerTotals(
          filterRows(rows, { ...EMPTY_FILTER, overdueOnly: true }),
        ).overdueCents;
        const pages = CLIENTS.map((id) =>
          totalsOf(
            invoices.filter((invoice) => invoice.clientId === id),
            ctx,
          ),
        );
        const exposures = CLIENTS.map((id) =>
          exposureOf(
            invoices.filter((invoice) => invoice.clientId === id),
            ctx,
          ),
        );

        expect(hoy.totals.overdueCents).toBe(expected);
        expect(panel.overdueCents).toBe(expected);
        expect(ledgerOverdue).toBe(expected);
        expect(pages.reduce((sum, page) => sum + page.overdueCents, 0)).toBe(expected);
        expect(exposures.reduce((sum, row) => sum + row.overdueCents, 0)).toBe(expected);
        // Hoy's rows: the overdue rows carry the part outside plans, the plans' part is on top.
        const overdueRows = hoy.items
          .filter((item) => item.kind === 'overdue')
          .reduce((sum, item) => sum + item.amountCents, 0);
        expect(overdueRows + hoy.totals.inPlanOverdueCents).toBe(expected);
        // The Panel's aging bars and the ledger's bucket filter count the same outstanding.
        for (const bucket of ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const) {
          const inBucket = ledgerTotals(filterRows(rows, { ...EMPTY_FILTER, buckets: [bucket] }));
          expect(panel.aging[bucket].cents).toBe(inBucket.outstandingCents);
        }
      }),
      { numRuns: 150 },
    );
  });
});
