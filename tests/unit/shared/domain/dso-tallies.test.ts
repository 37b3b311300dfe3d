import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import { SalesTally, salesBetween } from '../../../../shared/domain/dso';
import { dayNumberOf } from '../../../../shared/domain/day-numbers';
import { SalesByDay } from '../../../../shared/domain/history-tallies';

const BASE = '2026-01-01';
const salesArb = fc.array(
  fc.record({
    issueDate: fc.integer({ min: 0, max: 30 }).map((offset) => addDays(BASE, offset)),
    payableCents: fc.integer({ min: 0, max: 100_000 }),
  }),
  { maxLength: 60 },
);

describe('SalesTally', () => {
  it('sums each issue date once, whatever the order and runs of equal dates', () => {
    fc.assert(
      fc.property(salesArb, (sales) => {
        const tally = new SalesTally();
        for (const sale of sales) tally.add(sale.issueDate, sale.payableCents);
        const expected = new Map<string, number>();
        for (const sale of sales)
          expected.set(sale.issueDate, (expected.get(sale.issueDate) ?? 0) + sale.payableCents);
        const got = tally.perIssueDate();
        expect(new Map(got.map((row) => [row.issueDate, row.payableCents]))).toEqual(expected);
        expect(got).toHaveLength(expected.size);
        // Asking twice gives the same (nothing pending is added twice).
        expect(tally.perIssueDate()).toEqual(got);
      }),
    );
  });

  it('keeping only sales after a date leaves every period starting on or after it unchanged', () => {
    fc.assert(
      fc.property(
        salesArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 20 }),
        (sales, afterOffset, fromGap, length) => {
          const after = addDays(BASE, afterOffset);
          const from = addDays(after, fromGap);
          const to = addDays(from, length);
          const bounded = new SalesTally(after);
          const full = new SalesTally();
          for (const sale of sales) {
            bounded.add(sale.issueDate, sale.payableCents);
            full.add(sale.issueDate, sale.payableCents);
          }
          expect(salesBetween(bounded.perIssueDate(), from, to)).toBe(
            salesBetween(sales, from, to),
          );
          expect(salesBetween(full.perIssueDate(), from, to)).toBe(salesBetween(sales, from, to));
          expect(bounded.perIssueDate().every((row) => row.issueDate > after)).toBe(true);
        },
      ),
    );
  });
});

describe('SalesByDay', () => {
  it('gives every period inside its window the sales SalesTally gives', () => {
    fc.assert(
      fc.property(
        salesArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        (sales, afterOffset, fromGap, length, slack) => {
          const after = addDays(BASE, afterOffset);
          const from = addDays(after, fromGap);
          const to = addDays(from, length);
          const byDay = new SalesByDay(dayNumberOf(after), dayNumberOf(to) + slack);
          for (const sale of sales) {
            byDay.add(dayNumberOf(sale.issueDate), sale.issueDate, sale.payableCents);
          }
          const got = byDay.perIssueDate();
          expect(salesBetween(got, from, to)).toBe(salesBetween(sales, from, to));
          // One row per day with sales in the window, in date order.
          const days = got.map((row) => row.issueDate);
          expect(days).toEqual([...new Set(days)].sort());
          expect(days.every((day) => day > after)).toBe(true);
        },
      ),
    );
  });
});
