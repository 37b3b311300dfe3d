import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateToInstallments,
  canTransition,
  evaluatePlan,
  type InstallmentState,
} from '../../../../shared/domain/plan-lifecycle';
import { addDays } from '../../../../shared/domain/dates';

const rows = (paid: number[] = [0, 0, 0]): InstallmentState[] =>
  ['2027-01-10', '2027-02-10', '2027-03-10'].map((dueDate, index) => ({
    seq: index + 1,
    dueDate,
    amountCents: 100_00,
    paidCents: paid[index] ?? 0,
  }));

describe('evaluatePlan', () => {
  it('a signed plan stays active until an installment is unpaid more than the grace days', () => {
    const days = ['2027-01-01', '2027-01-10', '2027-01-20', '2027-01-25'];
    expect(days.map((today) => evaluatePlan('active', rows(), today, 15).status)).toEqual([
      'active',
      'active',
      'active',
      'active',
    ]);
    const broken = evaluatePlan('active', rows(), '2027-01-26', 15);
    expect(broken.status).toBe('broken');
    expect(broken.accelerated).toBe(true);
    expect(broken.missedInstallment?.seq).toBe(1);
    expect(broken.overdueCents).toBe(100_00);
  });

  it('paying each installment on time keeps the plan active and the last payment completes it', () => {
    let today = '2027-01-05';
    let paid = [0, 0, 0];
    for (let month = 0; month < 3; month += 1) {
      paid = paid.map((value, index) => (index === month ? 100_00 : value));
      today = addDays(today, 30);
      const result = evaluatePlan('active', rows(paid), today, 15);
      expect(result.status).toBe(month === 2 ? 'completed' : 'active');
      expect(result.paidCents).toBe((month + 1) * 100_00);
    }
  });

  it('a partly paid installment still breaks the plan once the grace days are over', () => {
    const result = evaluatePlan('active', rows([99_99]), '2027-01-26', 15);
    expect(result.status).toBe('broken');
    expect(result.nextInstallment?.seq).toBe(1);
  });

  it('a broken plan stays broken while anything is owed, and completes once all is paid', () => {
    expect(evaluatePlan('broken', rows([100_00]), '2027-01-11', 15).status).toBe('broken');
    expect(evaluatePlan('broken', rows([100_00, 100_00, 100_00]), '2027-05-01').status).toBe(
      'completed',
    );
  });

  it('drafts and cancelled plans never move by themselves', () => {
    expect(evaluatePlan('draft', rows(), '2030-01-01').status).toBe('draft');
    expect(evaluatePlan('cancelled', rows(), '2030-01-01').status).toBe('cancelled');
  });

  it('never breaks before the grace days, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -30, max: 90 }),
        (grace, offset) => {
          const today = addDays('2027-01-10', offset);
          const result = evaluatePlan('active', rows(), today, grace);
          expect(result.status).toBe(offset > grace ? 'broken' : 'active');
        },
      ),
    );
  });
});

describe('canTransition', () => {
  it('lets a draft be signed or cancelled, and nothing reopen a closed plan', () => {
    expect(canTransition('draft', 'active')).toBe(true);
    expect(canTransition('draft', 'cancelled')).toBe(true);
    expect(canTransition('active', 'draft')).toBe(false);
    expect(canTransition('completed', 'active')).toBe(false);
    expect(canTransition('cancelled', 'active')).toBe(false);
  });
});

describe('allocateToInstallments', () => {
  it('pays the oldest installment first and never more than each one owes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400_00 }), (amount) => {
        const { paid, unallocatedCents } = allocateToInstallments(rows(), amount);
        const values = [...paid.values()];
        expect(values.reduce((sum, value) => sum + value, 0) + unallocatedCents).toBe(amount);
        expect(values.every((value) => value <= 100_00)).toBe(true);
        values.forEach((value, index) => {
          if (index > 0 && value > 0) expect(values[index - 1]).toBe(100_00);
        });
        expect(unallocatedCents).toBe(Math.max(0, amount - 300_00));
      }),
    );
  });
});
