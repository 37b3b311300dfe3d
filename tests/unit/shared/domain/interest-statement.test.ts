import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  interestStatement,
  lateInterest,
  LATE_PAYMENT_COMPENSATION_CENTS,
} from '../../../../shared/domain/lateInterest';
import { semesterStart } from '../../../../shared/domain/legal-interest-rates';
import { addDays } from '../../../../shared/domain/dates';

describe('interestStatement', () => {
  it('claims each due from its own date and the paid part up to its payment (issue 12 example)', () => {
    // 1.060 € in two dues of 530 €, 300 € paid on 20 October, interest to 31 October 2026.
    const result = interestStatement({
      dues: [
        { dueDate: '2026-09-15', amountCents: 530_00 },
        { dueDate: '2026-10-15', amountCents: 530_00 },
      ],
      payments: [{ date: '2026-10-20', amountCents: 300_00 }],
      until: '2026-10-31',
    });
    // By hand at 10,15 %: 530 € × 35 days (16/09–20/10), 230 € × 11 days (21/10–31/10),
    // 530 € × 16 days (16/10–31/10) = 29.560 euro-days × 0,1015 / 365 = 8,2201 € → 822 cents.
    // The old way (760 € × 46 days from the first due) gave 9,72 €.
    expect(result.interestCents).toBe(822);
    expect(result.compensationCents).toBe(4000);
    // Exact shares 515,84 · 70,36 · 235,81: floors add to 820, the two cents go to .84 and .81.
    expect(result.lines).toEqual([
      {
        dueDate: '2026-09-15',
        from: '2026-09-16',
        to: '2026-10-20',
        principalCents: 530_00,
        days: 35,
        ratePercent: 10.15,
        interestCents: 516,
      },
      {
        dueDate: '2026-09-15',
        from: '2026-10-21',
        to: '2026-10-31',
        principalCents: 230_00,
        days: 11,
        ratePercent: 10.15,
        interestCents: 70,
      },
      {
        dueDate: '2026-10-15',
        from: '2026-10-16',
        to: '2026-10-31',
        principalCents: 530_00,
        days: 16,
        ratePercent: 10.15,
        interestCents: 236,
      },
    ]);
  });

  it('lets a payment before a due date reduce that due from the start', () => {
    const result = interestStatement({
      dues: [{ dueDate: '2026-03-10', amountCents: 1_000_00 }],
      payments: [{ date: '2026-03-01', amountCents: 400_00 }],
      until: '2026-03-20',
    });
    expect(result.lines.map((l) => [l.from, l.to, l.principalCents])).toEqual([
      ['2026-03-11', '2026-03-20', 600_00],
    ]);
    // 600 € × 10,15 % × 10 / 365 = 1,6685 € → 167.
    expect(result.interestCents).toBe(167);
  });

  it('owes the 40 € but no more interest for an invoice paid late in full', () => {
    const result = interestStatement({
      dues: [{ dueDate: '2026-03-10', amountCents: 365_00 }],
      payments: [{ date: '2026-03-12', amountCents: 365_00 }],
      until: '2026-11-30',
    });
    // 365 € × 10,15 % × 2 / 365 = 0,203 € → 20.
    expect(result).toEqual({
      interestCents: 20,
      compensationCents: 4000,
      lines: [
        {
          dueDate: '2026-03-10',
          from: '2026-03-11',
          to: '2026-03-12',
          principalCents: 365_00,
          days: 2,
          ratePercent: 10.15,
          interestCents: 20,
        },
      ],
    });
  });

  it('ignores payments beyond all dues and dues not yet reached', () => {
    const result = interestStatement({
      dues: [
        { dueDate: '2026-03-10', amountCents: 100_00 },
        { dueDate: '2026-12-10', amountCents: 100_00 },
      ],
      payments: [{ date: '2026-03-10', amountCents: 500_00 }],
      until: '2026-11-30',
    });
    expect(result).toEqual({ interestCents: 0, compensationCents: 0, lines: [] });
    const unpaidFuture = interestStatement({
      dues: [{ dueDate: '2026-12-10', amountCents: 100_00 }],
      payments: [],
      until: '2026-11-30',
    });
    expect(unpaidFuture.compensationCents).toBe(0);
  });

  it('splits a line at a semester with the legal table but not with a contract rate', () => {
    const args = {
      dues: [{ dueDate: '2024-06-20', amountCents: 10_000_00 }],
      payments: [],
      until: '2024-07-10',
    };
    expect(interestStatement(args).lines.map((l) => [l.from, l.to, l.ratePercent])).toEqual([
      ['2024-06-21', '2024-06-30', 12.5],
      ['2024-07-01', '2024-07-10', 12.25],
    ]);
    const contract = interestStatement({ ...args, annualRatePercent: 5 });
    expect(contract.lines.map((l) => [l.from, l.to, l.days, l.ratePercent])).toEqual([
      ['2024-06-21', '2024-07-10', 20, 5],
    ]);
    // 10.000 € × 5 % × 20 / 365 = 27,397 € → 2.740.
    expect(contract.interestCents).toBe(27_40);
  });

  it('gives a missing cent to the earlier line when remainders tie', () => {
    const result = interestStatement({
      dues: [
        { dueDate: '2026-01-10', amountCents: 100 },
        { dueDate: '2026-01-10', amountCents: 100 },
      ],
      payments: [],
      until: '2026-01-11',
      annualRatePercent: 91.25,
    });
    // Two dues of 1,00 € one day late at 91,25 %: 0,25 cent each, the exact sum 0,5 rounds half
    // up to 1 cent, and with equal remainders the earlier line takes it.
    expect(result.interestCents).toBe(1);
    expect(result.lines.map((l) => l.interestCents)).toEqual([1, 0]);
  });

  it('rejects bad input naming the field', () => {
    const base = {
      dues: [{ dueDate: '2026-01-10', amountCents: 100 }],
      payments: [],
      until: '2026-02-01',
    };
    expect(() => interestStatement({ ...base, until: '1/2/2026' })).toThrow(/until/);
    expect(() =>
      interestStatement({ ...base, dues: [{ dueDate: '2026-02-30', amountCents: 1 }] }),
    ).toThrow(/dues\[0\]\.dueDate/);
    expect(() =>
      interestStatement({ ...base, payments: [{ date: '2026-01-12', amountCents: 1.5 }] }),
    ).toThrow(/payments\[0\]\.amountCents/);
    expect(() =>
      interestStatement({ ...base, dues: [{ dueDate: '2026-01-10', amountCents: -1 }] }),
    ).toThrow(/dues\[0\]\.amountCents/);
    expect(() => interestStatement({ ...base, annualRatePercent: 101 })).toThrow(
      /annualRatePercent/,
    );
  });
});

const day = fc.integer({ min: 0, max: 2400 }).map((offset) => addDays('2019-06-01', offset));
const dueArb = fc.record({ dueDate: day, amountCents: fc.integer({ min: 0, max: 5_000_000 }) });
const paymentArb = fc.record({ date: day, amountCents: fc.integer({ min: 0, max: 5_000_000 }) });
const rateArb = fc.option(
  fc.integer({ min: 0, max: 2000 }).map((r) => r / 100),
  {
    nil: undefined,
  },
);
const statementArgs = fc.record({
  dues: fc.array(dueArb, { maxLength: 5 }),
  payments: fc.array(paymentArb, { maxLength: 5 }),
  until: day,
  rate: rateArb,
});
type Args = { dues: Due[]; payments: Payment[]; until: string; rate: number | undefined };
type Due = { dueDate: string; amountCents: number };
type Payment = { date: string; amountCents: number };
const call = (a: Args) =>
  interestStatement({
    dues: a.dues,
    payments: a.payments,
    until: a.until,
    ...(a.rate !== undefined ? { annualRatePercent: a.rate } : {}),
  });

describe('interestStatement properties', () => {
  it('adds its lines up to the total exactly, each within a cent of its exact share', () => {
    fc.assert(
      fc.property(statementArgs, (args) => {
        const result = call(args);
        expect(result.lines.reduce((sum, l) => sum + l.interestCents, 0)).toBe(
          result.interestCents,
        );
        for (const line of result.lines) {
          const exact = (line.principalCents * line.ratePercent * line.days) / 36500;
          expect(Math.abs(line.interestCents - exact)).toBeLessThan(1.000001);
        }
      }),
    );
  });

  it('equals lateInterest for a single due without payments', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 900 }),
        rateArb,
        (dueDate, amountCents, delay, rate) => {
          const paidDate = addDays(dueDate, delay);
          const contract = rate !== undefined ? { annualRatePercent: rate } : {};
          const statement = interestStatement({
            dues: [{ dueDate, amountCents }],
            payments: [],
            until: paidDate,
            ...contract,
          });
          const single = lateInterest({ amountCents, dueDate, paidDate, ...contract });
          expect(statement.interestCents).toBe(single.interestCents);
          expect(statement.compensationCents).toBe(single.compensationCents);
          expect(statement.lines.reduce((sum, l) => sum + l.days, 0)).toBe(single.days);
          if (rate === undefined) {
            expect(statement.lines.map((l) => [l.from, l.to, l.ratePercent])).toEqual(
              single.periods.map((p) => [p.from, p.to, p.ratePercent]),
            );
          }
        },
      ),
    );
  });

  it('owes nothing, not even the 40 €, when every due is paid on its date', () => {
    fc.assert(
      fc.property(statementArgs, (args) => {
        const payments = args.dues.map((due) => ({
          date: due.dueDate,
          amountCents: due.amountCents,
        }));
        const result = call({ ...args, payments });
        expect(result).toEqual({ interestCents: 0, compensationCents: 0, lines: [] });
      }),
    );
  });

  it('does not change when a payment is split in two on the same day or inputs are reordered', () => {
    fc.assert(
      fc.property(
        statementArgs.filter((a) => a.payments.length > 0),
        fc.nat(),
        fc.nat(),
        (args, which, cut) => {
          const index = which % args.payments.length;
          const payment = args.payments[index] as { date: string; amountCents: number };
          const first = payment.amountCents === 0 ? 0 : cut % (payment.amountCents + 1);
          const split = [
            ...args.payments.slice(0, index),
            { date: payment.date, amountCents: first },
            { date: payment.date, amountCents: payment.amountCents - first },
            ...args.payments.slice(index + 1),
          ];
          const expected = call(args);
          expect(call({ ...args, payments: split })).toEqual(expected);
          expect(call({ ...args, payments: [...args.payments].reverse() })).toEqual(expected);
        },
      ),
    );
  });

  it('orders lines by due date then day, contiguous per due, never across a semester', () => {
    fc.assert(
      fc.property(statementArgs, (args) => {
        const result = call(args);
        result.lines.forEach((line, index) => {
          expect(line.from > line.dueDate).toBe(true);
          expect(line.to <= args.until).toBe(true);
          expect(line.principalCents).toBeGreaterThan(0);
          if (args.rate === undefined)
            expect(semesterStart(line.from)).toBe(semesterStart(line.to));
          const next = result.lines[index + 1];
          if (!next) return;
          expect(line.dueDate <= next.dueDate).toBe(true);
          // Two dues on the same date are two runs of lines: contiguity holds within each run.
          if (next.dueDate === line.dueDate && next.from > line.from)
            expect(next.from).toBe(addDays(line.to, 1));
        });
        // The 40 € go with any day of delay, even at a 0 % contract rate.
        expect(result.compensationCents).toBe(
          result.lines.length > 0 ? LATE_PAYMENT_COMPENSATION_CENTS : 0,
        );
      }),
    );
  });

  it('never increases when a payment comes earlier', () => {
    fc.assert(
      fc.property(
        statementArgs.filter((a) => a.payments.length > 0),
        fc.integer({ min: 1, max: 60 }),
        (args, earlier) => {
          const moved = args.payments.map((p, i) =>
            i === 0 ? { ...p, date: addDays(p.date, -earlier) } : p,
          );
          expect(call({ ...args, payments: moved }).interestCents).toBeLessThanOrEqual(
            call(args).interestCents,
          );
        },
      ),
    );
  });
});
