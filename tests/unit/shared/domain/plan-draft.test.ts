import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  composePlan,
  suggestLateCharges,
  type PlanScheduleInput,
} from '../../../../shared/domain/plan-draft';

const base: PlanScheduleInput = {
  invoicesCents: 1_815_00,
  extraLines: [{ kind: 'compensation', label: 'Compensación', amountCents: 80_00 }],
  downPaymentCents: 95_00,
  installments: 3,
  frequency: 'monthly',
  firstDueDate: '2026-12-10',
  annualInterestPercent: 0,
  breakAfterDays: 15,
  edits: null,
};

describe('composePlan', () => {
  it('finances the debt plus extra lines minus the down payment', () => {
    const plan = composePlan(base);
    expect(plan.debtCents).toBe(1_895_00);
    expect(plan.financedCents).toBe(1_800_00);
    expect(plan.rows.map((row) => row.amountCents)).toEqual([600_00, 600_00, 600_00]);
    expect(plan.issues).toEqual([]);
  });

  it('edited installments must add up to the proposed total, and it says both sums', () => {
    const edits = [
      { dueDate: '2026-12-10', amountCents: 1_000_00 },
      { dueDate: '2027-01-10', amountCents: 500_00 },
      { dueDate: '2027-02-10', amountCents: 200_00 },
    ];
    expect(composePlan({ ...base, edits }).issues).toEqual([
      {
        field: 'schedule',
        code: 'plan_sum_mismatch',
        params: { expected: 1_800_00, actual: 1_700_00 },
      },
    ]);
    const fixed = edits.map((row, index) => (index === 2 ? { ...row, amountCents: 300_00 } : row));
    const plan = composePlan({ ...base, edits: fixed });
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((row) => row.principalCents)).toEqual([1_000_00, 500_00, 300_00]);
  });

  it('names the installment whose date goes backwards or is not a date', () => {
    const edits = [
      { dueDate: '2026-12-10', amountCents: 600_00 },
      { dueDate: '2026-11-01', amountCents: 600_00 },
      { dueDate: 'mañana', amountCents: 600_00 },
    ];
    const fields = composePlan({ ...base, edits }).issues.map((issue) => issue.field);
    expect(fields).toEqual(['schedule.1.dueDate', 'schedule.2.dueDate']);
  });

  it('refuses a down payment that covers everything and terms out of range', () => {
    const codes = composePlan({
      ...base,
      downPaymentCents: 1_895_00,
      installments: 0,
      annualInterestPercent: -1,
      breakAfterDays: 400,
      firstDueDate: '2026-02-30',
    }).issues.map((issue) => `${issue.field}:${issue.code}`);
    expect(codes).toEqual([
      'downPaymentCents:out_of_range',
      'installments:out_of_range',
      'firstDueDate:date_invalid',
      'annualInterestPercent:out_of_range',
      'breakAfterDays:out_of_range',
    ]);
  });

  it('with interest, principal still sums to what is financed whatever the edits keep', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_00, max: 5_000_000_00 }),
        fc.integer({ min: 1, max: 36 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (invoicesCents, installments, annualInterestPercent) => {
          const plan = composePlan({
            ...base,
            invoicesCents,
            extraLines: [],
            downPaymentCents: 0,
            installments,
            annualInterestPercent,
          });
          const principal = plan.rows.reduce((sum, row) => sum + row.principalCents, 0);
          expect(principal).toBe(invoicesCents);
        },
      ),
    );
  });
});

const late = (number: string, outstandingCents: number, dueDate: string, payments = []) => ({
  id: number,
  number,
  lifecycle: 'issued' as const,
  outstandingCents,
  disputedCents: 0,
  dues: [{ dueDate, amountCents: outstandingCents }],
  payments,
});

describe('suggestLateCharges', () => {
  it('adds Ley 3/2004 interest to today and 40 € for each late invoice', () => {
    const lines = suggestLateCharges(
      [
        late('A-1', 1_000_00, '2026-01-01'),
        late('A-2', 500_00, '2026-06-01'),
        late('A-3', 300_00, '2026-12-31'),
      ],
      '2026-11-23',
      { interest: (numbers) => `Intereses ${numbers}`, compensation: (count) => `40 € × ${count}` },
    );
    expect(lines.map((line) => line.label)).toEqual(['Intereses A-1, A-2', '40 € × 2']);
    expect(lines[1]?.amountCents).toBe(80_00);
    // 10,15 % in 2026, each invoice rounded on its own: 1.000 € × 326 days = 90,65 € and
    // 500 € × 175 days = 24,33 €.
    expect(lines[0]?.amountCents).toBe(114_98);
  });

  it('counts the part already paid late up to its payment, per due', () => {
    const lines = suggestLateCharges(
      [
        {
          id: 'B',
          number: 'B-1',
          lifecycle: 'issued',
          outstandingCents: 760_00,
          disputedCents: 0,
          dues: [
            { dueDate: '2026-09-15', amountCents: 530_00 },
            { dueDate: '2026-10-15', amountCents: 530_00 },
          ],
          payments: [{ date: '2026-10-20', amountCents: 300_00 }],
        },
      ],
      '2026-10-31',
      { interest: () => 'i', compensation: () => 'c' },
    );
    // The issue 12 example (interest-statement.test.ts): 8,22 €, not 760 € × 46 days = 9,72 €.
    expect(lines.map((line) => line.amountCents)).toEqual([822, 40_00]);
  });

  it('suggests nothing when no invoice is late', () => {
    const labels = { interest: () => '', compensation: () => '' };
    expect(suggestLateCharges([late('A', 1, '2027-01-01')], '2026-11-23', labels)).toEqual([]);
  });

  it('refuses a first installment before today, and accepts today', () => {
    const past = composePlan({ ...base, firstDueDate: '2026-11-20', today: '2026-11-23' });
    expect(past.issues).toContainEqual({ field: 'firstDueDate', code: 'date_in_past' });
    const fromToday = composePlan({ ...base, firstDueDate: '2026-11-23', today: '2026-11-23' });
    expect(fromToday.issues).toEqual([]);
  });
});
