import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../../shared/domain/dates';
import type { DueRecord, InvoiceRecord } from '../../../../shared/domain/records';
import {
  canNeedVatAttention,
  vatAttentionBounds,
} from '../../../../shared/domain/vat-recovery-candidates';
import {
  invoiceVatStatus,
  vatNeedsAttention,
  type VatRecoverySettings,
} from '../../../../shared/domain/vat-recovery-status';

type Facts = Pick<
  InvoiceRecord,
  'issueDate' | 'dues' | 'paidCents' | 'creditedCents' | 'payableCents'
>;

/** The status with nothing that could exclude it: a business client, VAT on every cent, no claim. */
function liftedAttention(facts: Facts, settings: VatRecoverySettings, today: string): boolean {
  const status = invoiceVatStatus({
    invoice: {
      id: 'i',
      clientId: 'c',
      number: '1',
      lifecycle: 'issued',
      taxableBaseCents: facts.payableCents,
      vatCents: facts.payableCents,
      securedCents: 0,
      vatRecovery: null,
      ...facts,
    },
    client: {},
    settings,
    legalEvents: [],
    today,
  });
  return vatNeedsAttention(status, today);
}

const SETTINGS: VatRecoverySettings[] = [
  { turnover: 'up_to_limit', waitMonths: 12 },
  { turnover: 'up_to_limit', waitMonths: 6 },
];

function dues(issueDate: string, offsets: readonly number[], each: number): DueRecord[] {
  return offsets.map((days) => ({ dueDate: addDays(issueDate, days), amountCents: each }));
}

describe('canNeedVatAttention', () => {
  it('is exactly "some unpaid due can be shown" for every issue day around the windows’ edges', () => {
    for (const today of ['2027-02-28', '2028-02-29', '2027-08-31', '2027-12-31']) {
      for (const settings of SETTINGS) {
        const bounds = vatAttentionBounds(settings, today);
        // Every issue day over three years before today: each edge is hit on both sides.
        for (let back = 0; back <= 3 * 366; back += 1) {
          const issueDate = addDays(today, -back);
          for (const facts of [
            { dues: dues(issueDate, [30], 100), paidCents: 0 },
            // Installments over more than a year, the first two paid: each has its own window.
            { dues: dues(issueDate, [30, 200, 400, 600], 100), paidCents: 200 },
          ]) {
            const invoice = { issueDate, payableCents: 100 * facts.dues.length, ...facts };
            expect(canNeedVatAttention(invoice, bounds)).toBe(
              liftedAttention(invoice, settings, today),
            );
          }
        }
      }
    }
  });

  it('matches the lifted status, and never leaves out a real one needing attention (any facts)', () => {
    const date = fc.integer({ min: 0, max: 3 * 365 }).map((days) => addDays('2025-01-01', days));
    fc.assert(
      fc.property(
        date,
        date,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 5_000 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.nat(),
        fc.option(fc.nat(), { nil: undefined }),
        fc.constantFrom(...SETTINGS),
        fc.record({
          vatCents: fc.integer({ min: 0, max: 2_000 }),
          securedCents: fc.integer({ min: 0, max: 3_000 }),
          consumer: fc.boolean(),
          claimDate: fc.option(date, { nil: undefined }),
        }),
        (issueDate, today, rawDues, paidSeed, creditSeed, settings, real) => {
          const sorted = [...rawDues].sort((a, b) => a[0] - b[0]);
          const list = sorted.map(([days, cents]) => ({
            dueDate: addDays(issueDate, days),
            amountCents: cents,
          }));
          const payable = list.reduce((sum, due) => sum + due.amountCents, 0);
          const paidCents = paidSeed % (payable + 1);
          const creditedCents =
            creditSeed === undefined ? undefined : creditSeed % (payable - paidCents + 1);
          const facts: Facts = {
            issueDate,
            dues: list,
            paidCents,
            payableCents: payable,
            ...(creditedCents === undefined ? {} : { creditedCents }),
          };
          const possible = canNeedVatAttention(facts, vatAttentionBounds(settings, today));
          expect(possible).toBe(liftedAttention(facts, settings, today));
          const status = invoiceVatStatus({
            invoice: {
              id: 'i',
              clientId: 'c',
              number: '1',
              lifecycle: 'issued',
              taxableBaseCents: 4_000,
              vatCents: real.vatCents,
              securedCents: real.securedCents,
              ...facts,
            },
            client: real.consumer ? { debtorKind: 'consumer' } : {},
            settings,
            legalEvents:
              real.claimDate === undefined
                ? []
                : [{ invoiceIds: [], kind: 'monitorio', date: real.claimDate, channel: '' }],
            today,
          });
          if (vatNeedsAttention(status, today)) expect(possible).toBe(true);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
