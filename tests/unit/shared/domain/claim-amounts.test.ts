import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildClaim,
  claimAmounts,
  claimableDues,
  paidLateClaims,
  paymentsByInvoice,
  type ClaimInvoice,
} from '../../../../shared/domain/claim-amounts';
import { interestStatement, lateInterest } from '../../../../shared/domain/lateInterest';

const invoice = (id: string, overrides: Partial<ClaimInvoice> = {}): ClaimInvoice => ({
  id,
  number: `F-${id}`,
  lifecycle: 'issued',
  outstandingCents: 1_210_00,
  disputedCents: 0,
  planId: null,
  dues: [{ dueDate: '2026-08-14', amountCents: 1_210_00 }],
  payments: [],
  ...overrides,
});

// 1.060 € in two dues of 530 €, 300 € paid on 20 October (issue 12).
const twoDues = invoice('2d', {
  outstandingCents: 760_00,
  dues: [
    { dueDate: '2026-09-15', amountCents: 530_00 },
    { dueDate: '2026-10-15', amountCents: 530_00 },
  ],
  payments: [{ date: '2026-10-20', amountCents: 300_00 }],
});

describe('claim amounts', () => {
  it('claims each due from its own date and the paid part up to its payment', () => {
    const claim = claimAmounts([twoDues], '2026-10-31');
    // See interest-statement.test.ts: 530 € × 35 d + 230 € × 11 d + 530 € × 16 d at 10,15 %.
    expect(claim).toMatchObject({
      principalCents: 760_00,
      interestCents: 822,
      compensationCents: 4000,
    });
    expect(claim.lines[0]).toMatchObject({
      invoiceId: '2d',
      dueDate: '2026-09-15',
      daysFromDue: 46,
      claimCents: 760_00,
      paidLate: false,
    });
    expect(
      claim.lines[0]?.dues.map((line) => [line.dueDate, line.days, line.interestCents]),
    ).toEqual([
      ['2026-09-15', 35, 516],
      ['2026-09-15', 11, 70],
      ['2026-10-15', 16, 236],
    ]);
  });

  it('claims interest and 40 € only for invoices actually late, and only the overdue principal', () => {
    const claim = claimAmounts(
      [
        invoice('1'),
        invoice('2', { dues: [{ dueDate: '2026-12-01', amountCents: 1_210_00 }] }),
        invoice('3', { dues: [{ dueDate: '2026-11-23', amountCents: 1_210_00 }] }),
        invoice('4', {
          dues: [
            { dueDate: '2026-11-01', amountCents: 210_00 },
            { dueDate: '2026-12-01', amountCents: 1_000_00 },
          ],
        }),
      ],
      '2026-11-23',
    );
    expect(claim.lines.map((line) => [line.invoiceId, line.claimCents])).toEqual([
      ['1', 1_210_00],
      ['4', 210_00],
    ]);
    expect(claim.compensationCents).toBe(80_00);
    expect(claim.lines[0]?.interestCents).toBe(
      lateInterest({ amountCents: 1_210_00, dueDate: '2026-08-14', paidDate: '2026-11-23' })
        .interestCents,
    );
  });

  it('leaves out invoices followed through a plan and invoices not issued', () => {
    const claim = claimAmounts(
      [invoice('1', { planId: 'p1' }), invoice('2', { lifecycle: 'written_off' })],
      '2026-11-23',
    );
    expect(claim).toEqual({ lines: [], principalCents: 0, interestCents: 0, compensationCents: 0 });
  });

  it('takes the disputed part off the latest due, and uses the contract rate when there is one', () => {
    const claim = claimAmounts([{ ...twoDues, disputedCents: 530_00 }], '2026-10-31');
    // Only the first due is left: 530 € × 35 d + 230 € × 11 d = 515,84 + 70,36 → 586 cents.
    expect(claim.principalCents).toBe(230_00);
    expect(claim.interestCents).toBe(586);
    const contract = claimAmounts([invoice('1', { disputedCents: 210_00 })], '2026-11-23', 12);
    expect(contract.principalCents).toBe(1_000_00);
    expect(contract.interestCents).toBe(
      lateInterest({
        amountCents: 1_000_00,
        dueDate: '2026-08-14',
        paidDate: '2026-11-23',
        annualRatePercent: 12,
      }).interestCents,
    );
  });

  it('adds an invoice paid late only when the user chose it: its interest and 40 €', () => {
    const paidLate = invoice('paid', {
      outstandingCents: 0,
      dues: [{ dueDate: '2026-03-10', amountCents: 365_00 }],
      payments: [{ date: '2026-03-30', amountCents: 365_00 }],
    });
    const paidOnTime = invoice('ok', {
      outstandingCents: 0,
      dues: [{ dueDate: '2026-03-10', amountCents: 365_00 }],
      payments: [{ date: '2026-03-10', amountCents: 365_00 }],
    });
    expect(claimAmounts([paidLate, paidOnTime], '2026-11-30').lines).toEqual([]);
    // 365 € × 10,15 % × 20 / 365 = 2,03 €.
    expect(paidLateClaims([paidLate, paidOnTime], '2026-11-30').map((l) => l.invoiceId)).toEqual([
      'paid',
    ]);
    const claim = claimAmounts([paidLate, paidOnTime], '2026-11-30', null, undefined, ['paid']);
    expect(claim).toMatchObject({ principalCents: 0, interestCents: 203, compensationCents: 4000 });
    expect(claim.lines[0]).toMatchObject({
      paidLate: true,
      daysFromDue: 20,
      dueDate: '2026-03-10',
    });
  });

  it('dates each invoice’s allocations by their payments', () => {
    const map = paymentsByInvoice(
      [
        { paymentId: 'p1', invoiceId: 'a', amountCents: 100 },
        { paymentId: 'p2', invoiceId: 'a', amountCents: 50 },
        { paymentId: 'p1', invoiceId: 'b', amountCents: 70 },
        { paymentId: 'gone', invoiceId: 'b', amountCents: 70 },
      ],
      [
        { id: 'p1', date: '2026-01-05' },
        { id: 'p2', date: '2026-02-05' },
      ],
    );
    expect(map.get('a')).toEqual([
      { date: '2026-01-05', amountCents: 100 },
      { date: '2026-02-05', amountCents: 50 },
    ]);
    expect(map.get('b')).toEqual([{ date: '2026-01-05', amountCents: 70 }]);
  });

  it('removes a disputed or credited amount from the latest dues, never below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_00 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 6_000_00 }),
        (amounts, removed) => {
          const dues = amounts.map((amountCents, i) => ({
            dueDate: `2026-0${i + 1}-10`,
            amountCents,
          }));
          const kept = claimableDues(dues, removed);
          const total = amounts.reduce((s, a) => s + a, 0);
          expect(kept.reduce((s, d) => s + d.amountCents, 0)).toBe(Math.max(0, total - removed));
          kept.forEach((due, i) => {
            expect(due.amountCents).toBeGreaterThanOrEqual(0);
            // A due is cut only once every later due is gone.
            if (due.amountCents < (amounts[i] ?? 0)) {
              expect(kept.slice(i + 1).every((later) => later.amountCents === 0)).toBe(true);
            }
          });
          // The claim equals the statement of the kept dues.
          const claim = claimAmounts(
            [invoice('x', { dues, outstandingCents: total, disputedCents: removed })],
            '2026-12-31',
          );
          expect(claim.interestCents).toBe(
            interestStatement({ dues: kept, payments: [], until: '2026-12-31' }).interestCents,
          );
        },
      ),
    );
  });
});

// 3.630 € in three dues of 1.210 €: 31/10, 30/11 and 31/12 (issue 18).
const threeDues = invoice('3d', {
  outstandingCents: 3_630_00,
  dues: [
    { dueDate: '2026-10-31', amountCents: 1_210_00 },
    { dueDate: '2026-11-30', amountCents: 1_210_00 },
    { dueDate: '2026-12-31', amountCents: 1_210_00 },
  ],
});

describe('a claim due by due, not prescribed, under the right law', () => {
  it('lists only the dues past their date, each with its own amount and interest', () => {
    const claim = buildClaim([threeDues], '2026-11-30');
    expect(claim.principalCents).toBe(1_210_00);
    const line = claim.lines[0];
    expect(line?.parts).toEqual([
      {
        dueDate: '2026-10-31',
        index: 1,
        count: 3,
        daysFromDue: 30,
        claimCents: 1_210_00,
        // 1.210 € × 10,15 % × 30 / 365 = 10,09 €.
        interestCents: 1009,
        prescribed: false,
      },
    ]);
    expect(line?.interestCents).toBe(1009);
    expect(claim.interestCents).toBe(
      lateInterest({ amountCents: 1_210_00, dueDate: '2026-10-31', paidDate: '2026-11-30' })
        .interestCents,
    );
    // The next day the second due is late too, and listed apart.
    const later = buildClaim([threeDues], '2026-12-01');
    expect(later.lines[0]?.parts.map((part) => [part.index, part.claimCents])).toEqual([
      [1, 1_210_00],
      [2, 1_210_00],
    ]);
    expect(later.compensationCents).toBe(40_00);
  });

  it('leaves a prescribed invoice out, and claims it only by choice, without interest or 40 €', () => {
    const old = invoice('2013', {
      number: 'F-2013-7',
      outstandingCents: 500_00,
      dues: [{ dueDate: '2013-05-31', amountCents: 500_00 }],
    });
    const interruptions = new Map([['2013', []]]);
    const claim = buildClaim([old, invoice('1')], '2026-11-23', { interruptions });
    expect(claim.lines.map((line) => line.invoiceId)).toEqual(['1']);
    expect(claim.prescribed.map((line) => line.number)).toEqual(['F-2013-7']);
    expect(claim.compensationCents).toBe(40_00);
    const chosen = buildClaim([old], '2026-11-23', { interruptions, includePrescribed: ['2013'] });
    expect(chosen).toMatchObject({
      principalCents: 500_00,
      interestCents: 0,
      compensationCents: 0,
    });
    expect(chosen.lines[0]).toMatchObject({ prescribed: true, dues: [] });
    // A demand recorded in time restarts the five years: then it is claimed as usual.
    const kept = buildClaim([old], '2026-11-23', {
      interruptions: new Map([['2013', ['2018-01-10', '2022-12-01']]]),
    });
    expect(kept.prescribed).toEqual([]);
    expect(kept.lines[0]?.compensationCents).toBe(40_00);
    expect(kept.interestCents).toBeGreaterThan(0);
  });

  it('a consumer owes the interés legal del dinero from the demand, and no 40 €', () => {
    const options = { debtorKind: 'consumer' as const };
    const noDemand = buildClaim([invoice('1')], '2026-11-23', options);
    expect(noDemand).toMatchObject({
      law: 'civil_code',
      principalCents: 1_210_00,
      interestCents: 0,
      compensationCents: 0,
    });
    const claim = buildClaim([invoice('1')], '2026-11-23', {
      ...options,
      demandDates: new Map([['1', '2026-09-23']]),
    });
    // 1.210 € × 3,25 % × 61 days (24/09–23/11) / 365 = 6,57 €.
    expect(claim.interestCents).toBe(657);
    expect(claim.compensationCents).toBe(0);
    expect(claim.lines[0]?.dues.map((line) => [line.from, line.to, line.ratePercent])).toEqual([
      ['2026-09-24', '2026-11-23', 3.25],
    ]);
  });
});
