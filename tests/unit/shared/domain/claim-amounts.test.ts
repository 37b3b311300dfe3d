import { describe, expect, it } from 'vitest';
import { claimAmounts } from '../../../../shared/domain/claim-amounts';
import { lateInterest } from '../../../../shared/domain/lateInterest';

const invoice = (id: string, nextDueDate: string | null, overrides = {}) => ({
  id,
  number: `F-${id}`,
  lifecycle: 'issued' as const,
  outstandingCents: 1_210_00,
  disputedCents: 0,
  nextDueDate,
  planId: null as string | null,
  ...overrides,
});

describe('claim amounts', () => {
  it('claims interest and 40 € only for invoices actually overdue', () => {
    const claim = claimAmounts(
      [invoice('1', '2026-08-14'), invoice('2', '2026-12-01'), invoice('3', '2026-11-23')],
      '2026-11-23',
    );
    expect(claim.lines.map((line) => line.invoiceId)).toEqual(['1']);
    expect(claim.compensationCents).toBe(40_00);
    expect(claim.interestCents).toBe(
      lateInterest({ amountCents: 1_210_00, dueDate: '2026-08-14', paidDate: '2026-11-23' })
        .interestCents,
    );
  });

  it('leaves out invoices followed through a plan: only the plan’s overdue installments count', () => {
    const claim = claimAmounts([invoice('1', '2026-08-14', { planId: 'p1' })], '2026-11-23');
    expect(claim).toEqual({ lines: [], principalCents: 0, interestCents: 0, compensationCents: 0 });
  });

  it('does not claim the disputed part, and uses the contract rate when there is one', () => {
    const claim = claimAmounts(
      [invoice('1', '2026-08-14', { disputedCents: 210_00 })],
      '2026-11-23',
      12,
    );
    expect(claim.principalCents).toBe(1_000_00);
    expect(claim.lines[0]?.interestCents).toBe(
      lateInterest({
        amountCents: 1_000_00,
        dueDate: '2026-08-14',
        paidDate: '2026-11-23',
        annualRatePercent: 12,
      }).interestCents,
    );
  });
});
