import { describe, expect, it } from 'vitest';
import {
  buildLedgerContext,
  clientStates,
  invoiceState,
  totalsOf,
  type InstallmentFacts,
  type PlanFacts,
} from '../../../../shared/domain/ledger-state';
import { deriveInvoiceFields } from '../../../../shared/domain/invoice';
import type { DueRecord, InvoiceRecord } from '../../../../shared/domain/records';

const TODAY = '2026-11-30';

function invoice(
  id: string,
  dues: DueRecord[],
  paidCents = 0,
  overrides: Partial<InvoiceRecord> = {},
): InvoiceRecord {
  const payableCents = dues.reduce((sum, due) => sum + due.amountCents, 0);
  const base: InvoiceRecord = {
    id,
    clientId: 'c1',
    number: `F-${id}`,
    issueDate: '2026-09-01',
    description: '',
    taxableBaseCents: payableCents,
    vatRatePercent: 0,
    vatCents: 0,
    withholdingRatePercent: 0,
    withholdingCents: 0,
    totalCents: payableCents,
    payableCents,
    dues,
    lifecycle: 'issued',
    paidCents: 0,
    outstandingCents: payableCents,
    nextDueDate: null,
    disputedCents: 0,
    planId: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    ...overrides,
  };
  return { ...base, ...deriveInvoiceFields(base, paidCents), ...overrides };
}

/** The issue's case: 1.060 € in two dues of 530 €, the first 46 days late on 30/11. */
const twoDues = (overrides: Partial<InvoiceRecord> = {}) =>
  invoice(
    'i1',
    [
      { dueDate: '2026-10-15', amountCents: 53_000 },
      { dueDate: '2026-12-15', amountCents: 53_000 },
    ],
    0,
    overrides,
  );

const plan = (status: PlanFacts['status'] = 'active'): PlanFacts => ({
  id: 'p1',
  clientId: 'c1',
  status,
  invoiceIds: ['i1'],
});

const installments = (firstPaid = 0): InstallmentFacts[] => [
  { planId: 'p1', seq: 1, dueDate: '2026-11-20', amountCents: 53_000, paidCents: firstPaid },
  { planId: 'p1', seq: 2, dueDate: '2026-12-20', amountCents: 53_000, paidCents: 0 },
];

function ctxWith(invoices: InvoiceRecord[], plans: PlanFacts[], rows: InstallmentFacts[]) {
  return buildLedgerContext({ today: TODAY, plans, installments: rows, invoices });
}

describe('invoiceState outside a plan', () => {
  it('is overdue by the unpaid part of the dues before today, late since the first open due', () => {
    const inv = twoDues();
    const state = invoiceState(inv, ctxWith([inv], [], []));
    expect(state).toMatchObject({
      status: 'overdue',
      outstandingCents: 106_000,
      overdueCents: 53_000,
      daysOverdue: 46,
      overdueSince: '2026-10-15',
      bucket: 'd31_60',
      inPlan: false,
    });
  });

  it('a partial payment settles the oldest due first', () => {
    const inv = invoice(
      'i1',
      [
        { dueDate: '2026-10-15', amountCents: 53_000 },
        { dueDate: '2026-12-15', amountCents: 53_000 },
      ],
      20_000,
    );
    expect(invoiceState(inv, ctxWith([inv], [], [])).overdueCents).toBe(33_000);
  });

  it('settled by credit notes alone reads credited; collected in part and credited, paid', () => {
    const dues = [{ dueDate: '2026-10-15', amountCents: 53_000 }];
    const credited = invoice('i1', dues, 0, { creditedCents: 53_000 });
    const state = invoiceState(credited, ctxWith([credited], [], []));
    expect(state).toMatchObject({ status: 'credited', outstandingCents: 0, overdueCents: 0 });
    const mixed = invoice('i2', dues, 20_000, { creditedCents: 33_000 });
    expect(invoiceState(mixed, ctxWith([mixed], [], [])).status).toBe('paid');
  });
});

describe('invoiceState in an active plan', () => {
  it('an overdue installment makes the invoice overdue, late since the installment', () => {
    const inv = twoDues({ planId: 'p1' });
    const state = invoiceState(inv, ctxWith([inv], [plan()], installments()));
    expect(state).toMatchObject({
      status: 'overdue',
      inPlan: true,
      overdueCents: 53_000,
      daysOverdue: 10,
      overdueSince: '2026-11-20',
      bucket: 'd1_30',
    });
  });

  it('a paid installment takes it out of overdue: the invoice dues no longer count', () => {
    const inv = twoDues({ planId: 'p1' });
    const state = invoiceState(inv, ctxWith([inv], [plan()], installments(53_000)));
    expect(state).toMatchObject({ status: 'in_plan', inPlan: true, overdueCents: 0 });
    expect(state.daysOverdue).toBe(0);
    expect(state.bucket).toBe('not_due');
  });

  it("the plan's overdue goes to its invoices in the agreement's order, each up to its outstanding", () => {
    const a = invoice('a', [{ dueDate: '2026-09-01', amountCents: 30_000 }], 0, { planId: 'p1' });
    const b = invoice('b', [{ dueDate: '2026-09-01', amountCents: 50_000 }], 0, { planId: 'p1' });
    const facts = { ...plan(), invoiceIds: ['a', 'b'] };
    const rows: InstallmentFacts[] = [
      { planId: 'p1', seq: 1, dueDate: '2026-11-01', amountCents: 40_000, paidCents: 0 },
      { planId: 'p1', seq: 2, dueDate: '2027-01-01', amountCents: 41_000, paidCents: 0 },
    ];
    const ctx = ctxWith([a, b], [facts], rows);
    expect(invoiceState(a, ctx).overdueCents).toBe(30_000);
    expect(invoiceState(b, ctx).overdueCents).toBe(10_000);
    expect(totalsOf([a, b], ctx)).toMatchObject({
      overdueCents: 40_000,
      inPlanCents: 80_000,
      inPlanOverdueCents: 40_000,
    });
    expect(ctx.plans.get('p1')).toMatchObject({
      overdueCents: 40_000,
      outstandingCents: 81_000,
      overdueCount: 1,
      dueCount: 1,
      daysOverdue: 29,
    });
  });

  it('a broken plan gives the invoice back to its own dues (planId cleared on breaking)', () => {
    const inv = twoDues();
    const state = invoiceState(inv, ctxWith([inv], [plan('broken')], installments()));
    expect(state).toMatchObject({ status: 'overdue', inPlan: false, overdueCents: 53_000 });
    expect(state.daysOverdue).toBe(46);
  });
});

describe('written-off and cancelled invoices', () => {
  it('leave outstanding and overdue; the written-off debt stays in its own total', () => {
    const open = twoDues();
    const lost = invoice('w', [{ dueDate: '2026-01-10', amountCents: 20_000 }], 0, {
      lifecycle: 'written_off',
    });
    const voided = invoice('x', [{ dueDate: '2026-01-10', amountCents: 7_000 }], 0, {
      lifecycle: 'cancelled',
    });
    const ctx = ctxWith([open, lost, voided], [], []);
    expect(invoiceState(lost, ctx)).toMatchObject({
      status: 'written_off',
      open: false,
      outstandingCents: 0,
      overdueCents: 0,
      writtenOffCents: 20_000,
    });
    expect(invoiceState(voided, ctx)).toMatchObject({ status: 'cancelled', writtenOffCents: 0 });
    const totals = totalsOf([open, lost, voided], ctx);
    expect(totals).toMatchObject({
      outstandingCents: 106_000,
      overdueCents: 53_000,
      writtenOffCents: 20_000,
      openCount: 1,
    });
    expect(totals.buckets.d31_60).toBe(106_000);
  });
});

describe('promised and disputed', () => {
  it('an open promise marks its invoices; a superseded one does not', () => {
    const inv = twoDues();
    const make = (status: 'open' | 'superseded') =>
      buildLedgerContext({
        today: TODAY,
        plans: [],
        installments: [],
        invoices: [inv],
        promises: [{ status, invoiceIds: ['i1'] }],
      });
    expect(invoiceState(inv, make('open')).promised).toBe(true);
    expect(totalsOf([inv], make('open')).promisedCents).toBe(106_000);
    expect(invoiceState(inv, make('superseded')).promised).toBe(false);
  });

  it('a disputed invoice reads disputed and counts its disputed part', () => {
    const inv = twoDues({ disputedCents: 10_000 });
    const ctx = ctxWith([inv], [], []);
    expect(invoiceState(inv, ctx)).toMatchObject({ status: 'disputed', disputedCents: 10_000 });
    expect(clientStates([inv], ctx).get('c1')?.disputedCents).toBe(10_000);
  });
});
