// The Panel aggregate was rewritten for speed (issue 14: one walk, no histories kept, day numbers
// instead of parsed dates). Its figures must not move: on random ledgers it gives exactly what the
// implementation before the change gave (kept as a test oracle in ./baseline).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../../../renderer/src/features/dashboard/dashboard-figures';
import type { DashboardInputs } from '../../../../../renderer/src/db/ledger-queries';
import { generateDemoData } from '../../../../../shared/demo/generate-demo';
import { addDays } from '../../../../../shared/domain/dates';
import { compactOf, type CompactInvoice } from '../../../../../shared/domain/ledger-read-model';
import { joinCollections } from '../../../../../shared/domain/invoice-collections';
import { computeDashboard as computeBefore } from './baseline/dashboard-figures';
import { computeDashboardBefore as computeBeforeColumns } from '../../db/baseline/panel-figures';
import { ledgerDayColumns } from '../../../../../shared/domain/ledger-day-columns';

const TODAY = '2026-11-23';
const LIFECYCLES = ['issued', 'issued', 'issued', 'draft', 'written_off', 'cancelled'] as const;

const dayArb = fc.integer({ min: -500, max: 120 }).map((offset) => addDays(TODAY, offset));

const invoiceArb = fc.record({
  clientIndex: fc.integer({ min: 0, max: 4 }),
  issueOffset: fc.integer({ min: -500, max: 0 }),
  lifecycle: fc.constantFrom(...LIFECYCLES),
  dues: fc.array(fc.record({ dueDate: dayArb, amountCents: fc.integer({ min: 0, max: 50_000 }) }), {
    minLength: 0,
    maxLength: 3,
  }),
  payments: fc.array(
    fc.record({
      date: dayArb,
      amountCents: fc.integer({ min: 1, max: 60_000 }),
      known: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  creditedCents: fc.constantFrom(0, 0, 1_000),
  disputedCents: fc.constantFrom(0, 0, 500),
  inPlan: fc.boolean(),
  promised: fc.boolean(),
});

const ledgerArb = fc.record({
  invoices: fc.array(invoiceArb, { minLength: 0, maxLength: 40 }),
  limits: fc.array(fc.option(fc.integer({ min: 0, max: 80_000 })), { minLength: 5, maxLength: 5 }),
  installments: fc.array(
    fc.record({ dueDate: dayArb, amountCents: fc.integer({ min: 0, max: 20_000 }) }),
    { maxLength: 4 },
  ),
  shuffle: fc.constantFrom('sorted', 'reversed', 'interleaved'),
});

type Ledger = typeof ledgerArb extends fc.Arbitrary<infer L> ? L : never;

/** Random invoices, payments, allocations, plans and promises shaped as loadDashboardInputs gives them. */
function inputsOf(ledger: Ledger): DashboardInputs {
  const clients = ledger.limits.map((limit, index) => ({
    id: `c${index}`,
    name: `Cliente ${index}`,
    taxId: `B0000000${index}`,
    creditLimitCents: limit,
  }));
  const invoices: CompactInvoice[] = [];
  const allocations: DashboardInputs['allocations'] = [];
  const payments: DashboardInputs['payments'] = [];
  const planInvoiceIds: string[] = [];
  const promisedIds: string[] = [];
  ledger.invoices.forEach((spec, index) => {
    const id = `inv-${String(index).padStart(4, '0')}`;
    const payableCents = spec.dues.reduce((sum, due) => sum + due.amountCents, 0);
    let paidCents = 0;
    spec.payments.forEach((payment, k) => {
      const paymentId = `pay-${index}-${k}`;
      if (payment.known)
        payments.push({ id: paymentId, date: payment.date, amountCents: payment.amountCents });
      allocations.push({ invoiceId: id, paymentId, amountCents: payment.amountCents });
      paidCents += payment.amountCents;
    });
    const creditedCents = Math.min(spec.creditedCents, payableCents);
    const outstandingCents = Math.max(0, payableCents - paidCents - creditedCents);
    const openDues = [...spec.dues].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
    const planId = spec.inPlan && spec.lifecycle === 'issued' ? 'plan-1' : null;
    if (planId) planInvoiceIds.push(id);
    if (spec.promised) promisedIds.push(id);
    invoices.push({
      id,
      clientId: `c${spec.clientIndex}`,
      number: `F-${index}`,
      issueDate: addDays(TODAY, spec.issueOffset),
      lifecycle: spec.lifecycle,
      totalCents: payableCents,
      payableCents,
      paidCents,
      outstandingCents,
      creditedCents,
      nextDueDate: openDues[0]?.dueDate ?? null,
      disputedCents: spec.disputedCents,
      planId,
      dues: spec.dues,
    });
  });
  const plans =
    planInvoiceIds.length > 0
      ? [{ id: 'plan-1', clientId: 'c0', status: 'active' as const, invoiceIds: planInvoiceIds }]
      : [];
  const installments = plans.length
    ? ledger.installments.map((row, k) => ({
        id: `ins-${k}`,
        planId: 'plan-1',
        seq: k + 1,
        dueDate: row.dueDate,
        amountCents: row.amountCents,
        paidCents: k === 0 ? Math.floor(row.amountCents / 2) : 0,
      }))
    : [];
  const promises = promisedIds.length
    ? [{ promisedDate: addDays(TODAY, 10), amountCents: 30_000, invoiceIds: promisedIds }]
    : [];
  // Any order: the read model gives invoices client by client, not by id.
  const order = <T>(rows: T[]): T[] =>
    ledger.shuffle === 'reversed'
      ? [...rows].reverse()
      : ledger.shuffle === 'interleaved'
        ? [...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)]
        : rows;
  return {
    invoices: order(invoices),
    clients,
    allocations: order(allocations),
    payments,
    installments: installments
      .filter((row) => row.amountCents > row.paidCents)
      .map((row) => ({ dueDate: row.dueDate, amountCents: row.amountCents - row.paidCents })),
    promises,
    facts: {
      plans,
      installments: installments as unknown as DashboardInputs['facts']['installments'],
      promises: promises.map((promise) => ({
        status: 'open' as const,
        invoiceIds: promise.invoiceIds,
      })),
    },
  };
}

describe('the Panel aggregate gives the figures it gave before the speed-up', () => {
  it('on random ledgers (plans, promises, credits, unknown payments, unsorted dues and rows)', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: -40, max: 40 }), (ledger, shift) => {
        const inputs = inputsOf(ledger);
        const today = addDays(TODAY, shift);
        const before = computeBefore(inputs, today);
        // The second speed-up's oracle (columns made once per revision) agrees with the first.
        expect(computeBeforeColumns(inputs, today)).toEqual(before);
        expect(computeDashboard(inputs, today)).toEqual(before);
        // With the collections joined beforehand, as the Panel's loader gives them.
        const joined = joinCollections(inputs.invoices, inputs.allocations, inputs.payments);
        expect(computeDashboard({ ...inputs, collections: joined }, today)).toEqual(before);
        // With the day columns made beforehand (once per revision in the app), reused on any day.
        const dayColumns = ledgerDayColumns(inputs.invoices, joined, inputs.payments);
        expect(computeDashboard({ ...inputs, collections: joined, dayColumns }, today)).toEqual(
          before,
        );
        const later = addDays(today, 45);
        expect(computeDashboard({ ...inputs, dayColumns }, later)).toEqual(
          computeBeforeColumns(inputs, later),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('on the demo ledger, for several seeds', () => {
    for (const seed of [1, 7, 42]) {
      const data = generateDemoData({ invoices: 800, today: TODAY, seed });
      const inputs: DashboardInputs = {
        invoices: data.invoices.map(compactOf).sort((a, b) => (a.id < b.id ? -1 : 1)),
        clients: data.clients.map((client) => ({
          id: client.id,
          name: client.name,
          taxId: client.taxId,
          creditLimitCents: client.creditLimitCents,
        })),
        allocations: [...data.allocations].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1)),
        payments: data.payments,
        installments: [],
        promises: [],
        facts: { plans: [], installments: [], promises: [] },
      };
      const after = computeDashboard(inputs, TODAY);
      expect(after).toEqual(computeBefore(inputs, TODAY));
      expect(after).toEqual(computeBeforeColumns(inputs, TODAY));
      const joined = joinCollections(inputs.invoices, inputs.allocations, inputs.payments);
      const dayColumns = ledgerDayColumns(inputs.invoices, joined, inputs.payments);
      expect(computeDashboard({ ...inputs, collections: joined, dayColumns }, TODAY)).toEqual(
        after,
      );
      // Not a vacuous comparison: the sample has receivables, history and a forecast.
      expect(after.receivableCents).toBeGreaterThan(0);
      expect(after.averageDaysLate).toBeGreaterThan(0);
      expect(after.trend.some((point) => point.receivableCents > 0)).toBe(true);
    }
  });
});
