import { describe, expect, it } from 'vitest';
import {
  invoiceVatStatus,
  type VatInvoiceFacts,
} from '../../../../shared/domain/vat-recovery-status';
import { vatTodayItems } from '../../../../shared/domain/vat-today';

// 1.000 € + 21 % VAT, issued 2026-01-31 in two dues: with a one-year wait the window opens on
// 2027-01-31 and closes on 2027-07-31 for both dues.
const invoice = (over: Partial<VatInvoiceFacts> = {}): VatInvoiceFacts => ({
  id: 'i1',
  clientId: 'c1',
  number: 'F-2026-001',
  issueDate: '2026-01-31',
  lifecycle: 'issued',
  taxableBaseCents: 100_000,
  vatCents: 21_000,
  payableCents: 121_000,
  paidCents: 0,
  dues: [
    { dueDate: '2026-02-28', amountCents: 60_500 },
    { dueDate: '2026-03-31', amountCents: 60_500 },
  ],
  ...over,
});
const burofax = {
  invoiceIds: ['i1'],
  kind: 'demand' as const,
  date: '2026-05-04',
  channel: 'burofax',
};

function itemsOn(today: string, over: Partial<VatInvoiceFacts> = {}, claimed = true) {
  const status = invoiceVatStatus({
    invoice: invoice(over),
    client: {},
    settings: { turnover: 'up_to_limit', waitMonths: 12 },
    legalEvents: claimed ? [burofax] : [],
    today,
  });
  return vatTodayItems([status], today).map(({ kind, date, vatCents }) => ({
    kind,
    date,
    vatCents,
  }));
}

describe('vatTodayItems', () => {
  it('says nothing while the window is months away', () => {
    expect(itemsOn('2026-10-01')).toEqual([]);
  });

  it('announces the window opening within 30 days, with the VAT of every due it opens for', () => {
    expect(itemsOn('2027-01-10')).toEqual([
      { kind: 'opens', date: '2027-01-31', vatCents: 21_000 },
    ]);
  });

  it('asks for a provable claim first when none is on file, by the closing date', () => {
    expect(itemsOn('2027-07-15', {}, false)).toEqual([
      { kind: 'claim_missing', date: '2027-07-31', vatCents: 21_000 },
    ]);
  });

  it('warns before the window closes and for 30 days after it was lost', () => {
    expect(itemsOn('2027-07-15')).toEqual([
      { kind: 'closes', date: '2027-07-31', vatCents: 21_000 },
    ]);
    expect(itemsOn('2027-08-10')).toEqual([{ kind: 'lost', date: '2027-07-31', vatCents: 21_000 }]);
    expect(itemsOn('2027-09-15')).toEqual([]);
  });

  it('once the corrective invoice is recorded, the AEAT notice comes first, until it is filed', () => {
    const corrective = {
      correctiveInvoiceNumber: 'R-1',
      correctiveInvoiceDate: '2027-02-10',
      vatCents: 21_000,
      paidCentsAtCorrection: 0,
      aeatNoticeDate: null,
      withdrawnDate: null,
    };
    expect(itemsOn('2027-02-20', { vatRecovery: corrective })).toEqual([
      { kind: 'aeat_notice', date: '2027-03-10', vatCents: 21_000 },
    ]);
    expect(
      itemsOn('2027-02-20', { vatRecovery: { ...corrective, aeatNoticeDate: '2027-02-15' } }),
    ).toEqual([]);
  });

  it('a paid invoice has nothing to recover', () => {
    expect(itemsOn('2027-07-15', { paidCents: 121_000 })).toEqual([]);
  });
});
