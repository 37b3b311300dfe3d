import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped } from '../../../../shared/domain/dates';
import { deriveInvoiceFields } from '../../../../shared/domain/invoice';
import { mulberry32, type Rng } from '../../../../shared/demo/prng';
import type {
  ClientRecord,
  DueRecord,
  InvoiceLifecycle,
  InvoiceRecord,
  InvoiceVatRecovery,
  LegalEventRecord,
} from '../../../../shared/domain/records';
import type { VatRecoverySettings } from '../../../../shared/domain/vat-recovery-status';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { loadVatCandidates } from '../../../../renderer/src/db/vat-recovery-candidates';
import {
  listVatRecovery,
  saveVatRecoverySettings,
} from '../../../../renderer/src/db/vat-recovery-repo';
import { clientInput, freshDb } from './test-db';
import { fullReadAttentionRows, fullReadVatRows } from './vat-recovery-full-read-oracle';

const AT = '2025-01-01T10:00:00.000Z';

const CLIENT_FLAGS: Partial<ClientRecord>[] = [
  {},
  {},
  { debtorKind: 'consumer' },
  { relatedParty: true },
  { establishedInSpain: false },
  { insolvencyDate: '2026-06-01' },
  { debtorKind: 'business', insolvencyDate: '2027-03-10' },
  {},
];

function clientsOf(): ClientRecord[] {
  return CLIENT_FLAGS.map((flags, index) => ({
    ...clientInput({ name: `Cliente ${index}`, taxId: `B0000000${index}` }),
    id: `client-${index}`,
    createdAt: AT,
    updatedAt: AT,
    ...flags,
  }));
}

/** Dues summing to `payable`: one, a few within a year, or installments over more than a year. */
function duesOf(rng: Rng, issueDate: string, payable: number): DueRecord[] {
  const kind = rng.int(0, 3);
  const dates =
    kind === 0
      ? [addDays(issueDate, rng.pick([0, 30, 60]))]
      : kind === 1
        ? Array.from({ length: rng.int(2, 4) }, (_, k) => addDays(issueDate, 30 * (k + 1)))
        : kind === 2
          ? Array.from({ length: rng.int(3, 8) }, (_, k) =>
              addMonthsClamped(issueDate, 3 * (k + 1) + 1),
            )
          : Array.from({ length: rng.int(13, 24) }, (_, k) => addMonthsClamped(issueDate, k + 1));
  const each = Math.floor(payable / dates.length);
  return dates.map((dueDate, k) => ({
    dueDate,
    amountCents: k === dates.length - 1 ? payable - each * (dates.length - 1) : each,
  }));
}

function correctionOf(rng: Rng, issueDate: string, paid: number): InvoiceVatRecovery {
  const date = addDays(issueDate, rng.int(180, 620));
  return {
    correctiveInvoiceNumber: `R-${issueDate}-${rng.int(1, 999)}`,
    correctiveInvoiceDate: date,
    vatCents: rng.int(1, 500_00),
    paidCentsAtCorrection: rng.chance(0.3) ? Math.max(0, paid - rng.int(1, 100_00)) : paid,
    aeatNoticeDate: rng.chance(0.5) ? addDays(date, rng.int(0, 40)) : null,
    withdrawnDate: rng.chance(0.2) ? addDays(date, rng.int(10, 200)) : null,
  };
}

/** An invoice issued on `issueDate` with random amounts, dues, payments, credit and VAT steps. */
function invoiceOf(rng: Rng, n: number, issueDate: string): InvoiceRecord {
  const base = rng.int(50_00, 6_000_00);
  const rate = rng.pick([21, 21, 21, 10, 4, 0]);
  const vat = Math.round((base * rate) / 100);
  const withholding = rng.chance(0.2) ? Math.round(base * 0.15) : 0;
  const total = base + vat;
  const payable = total - withholding;
  const dues = duesOf(rng, issueDate, payable);
  const lifecycle: InvoiceLifecycle = rng.pick([
    'issued',
    'issued',
    'issued',
    'issued',
    'issued',
    'issued',
    'written_off',
    'written_off',
    'draft',
    'cancelled',
  ]);
  const payMode = rng.int(0, 4);
  const paid = payMode === 0 ? payable : payMode === 1 ? rng.int(1, payable - 1) : 0;
  const credited = rng.chance(0.15) ? rng.int(1, Math.max(1, payable - paid)) : undefined;
  const invoice: InvoiceRecord = {
    id: `inv-${String(n).padStart(5, '0')}-${rng.int(0, 9)}`,
    clientId: rng.chance(0.01) ? 'client-gone' : `client-${rng.int(0, CLIENT_FLAGS.length - 1)}`,
    number: `2026-${String(n).padStart(5, '0')}`,
    issueDate,
    description: '',
    taxableBaseCents: base,
    vatRatePercent: rate,
    vatCents: vat,
    withholdingRatePercent: withholding > 0 ? 15 : 0,
    withholdingCents: withholding,
    totalCents: total,
    payableCents: payable,
    dues,
    lifecycle,
    paidCents: 0,
    outstandingCents: 0,
    nextDueDate: null,
    disputedCents: 0,
    planId: null,
    createdAt: AT,
    updatedAt: AT,
    ...(credited === undefined ? {} : { creditedCents: credited }),
  };
  Object.assign(invoice, deriveInvoiceFields(invoice, paid, credited ?? 0));
  if (lifecycle === 'written_off') invoice.closedDate = addDays(issueDate, 400);
  if (rng.chance(0.1))
    invoice.securedCents = rng.chance(0.5) ? invoice.outstandingCents : rng.int(0, payable);
  if (rng.chance(0.12)) {
    const latest = correctionOf(rng, issueDate, paid);
    invoice.vatRecovery = latest;
    if (rng.chance(0.3)) {
      invoice.vatRecoveryHistory = [
        {
          ...correctionOf(rng, issueDate, paid),
          correctiveInvoiceDate: addDays(latest.correctiveInvoiceDate, -90),
        },
      ];
    }
  } else if (rng.chance(0.05)) {
    invoice.vatRecovery = null;
  }
  return invoice;
}

function eventsOf(rng: Rng, invoices: readonly InvoiceRecord[]): LegalEventRecord[] {
  return Array.from({ length: 70 }, (_, k) => {
    const clientId = `client-${rng.int(0, CLIENT_FLAGS.length - 1)}`;
    const own = invoices.filter((invoice) => invoice.clientId === clientId);
    const invoiceIds = rng.chance(0.4)
      ? []
      : Array.from({ length: rng.int(1, 6) }, () => rng.pick(own).id);
    return {
      id: `event-${k}`,
      clientId,
      invoiceIds,
      kind: rng.pick(['demand', 'demand', 'monitorio', 'acknowledgment', 'masc_attempt'] as const),
      date: addDays('2025-06-01', rng.int(0, 900)),
      channel: rng.pick(['burofax', 'email', 'notario', 'teléfono', 'juzgado']),
      answer: '',
      note: '',
      createdAt: AT,
    };
  });
}

/** A varied ledger: an invoice issued on every day from 2025-01-01 for three years. */
async function variedLedger(seed: number): Promise<CuentasDatabase> {
  const rng = mulberry32(seed);
  const db = freshDb();
  const invoices = Array.from({ length: 1_100 }, (_, n) =>
    invoiceOf(rng, n, addDays('2025-01-01', n)),
  );
  await db.clients.bulkPut(clientsOf());
  await db.invoices.bulkPut(invoices);
  await db.legalEvents.bulkPut(eventsOf(rng, invoices));
  return db;
}

/** Month ends, leap day, days around the edges of the windows. */
const TODAYS = [
  '2026-02-28',
  '2026-03-31',
  '2026-08-31',
  '2026-12-01',
  '2027-01-31',
  '2027-02-28',
  '2027-06-15',
  '2027-12-31',
  '2028-02-29',
  '2028-09-30',
];

const SETTINGS: VatRecoverySettings[] = [
  { turnover: 'up_to_limit', waitMonths: 12 },
  { turnover: 'up_to_limit', waitMonths: 6 },
  { turnover: 'over_limit', waitMonths: 12 },
];

describe('the whole ledger VAT list read from its candidates', () => {
  it.each(SETTINGS.map((settings, index) => [index, settings] as const))(
    'gives the full read’s rows that need attention, same statuses and order (settings %i)',
    async (index, settings) => {
      const db = await variedLedger(1000 + index);
      if (index > 0) await saveVatRecoverySettings(db, settings);
      const states = new Set<string>();
      for (const today of TODAYS) {
        const [fresh, oracle, all] = await Promise.all([
          listVatRecovery(db, today),
          fullReadAttentionRows(db, today),
          fullReadVatRows(db, today),
        ]);
        expect(fresh).toEqual(oracle);
        // The same order, not only the same set.
        expect(fresh.map((row) => row.invoice.id)).toEqual(oracle.map((row) => row.invoice.id));
        // Not a vacuous check: some rows shown, some of the open set left out.
        expect(fresh.length).toBeGreaterThan(0);
        expect(fresh.length).toBeLessThan(all.length);
        for (const row of all) for (const due of row.status.dues) states.add(due.state);
      }
      expect([...states].sort()).toEqual(
        [
          'closing_soon',
          'excluded',
          'lost',
          'missing_claim',
          'not_yet',
          'open',
          'opening_soon',
          'paid',
          'rectified',
        ].sort(),
      );
    },
    // Thirty full reads of 1.100 invoices: slow on a busy machine, not wrong.
    120_000,
  );

  it('reads fewer invoices than the open set, and every invoice it leaves out needs no attention', async () => {
    const db = await variedLedger(7);
    const today = '2027-02-28';
    const settings: VatRecoverySettings = { turnover: 'up_to_limit', waitMonths: 12 };
    const candidates = await loadVatCandidates(db, settings, today);
    const all = await fullReadVatRows(db, today);
    const read = new Set(candidates.invoices.map((invoice) => invoice.id));
    // Written off and started ones are all read; of the other open ones, only those near a window.
    const plain = (invoice: InvoiceRecord) =>
      invoice.lifecycle === 'issued' && invoice.vatRecovery == null;
    const plainRead = candidates.invoices.filter(plain).length;
    const plainOpen = all.filter((row) => plain(row.invoice)).length;
    expect(plainRead).toBeGreaterThan(0);
    expect(plainRead).toBeLessThan(plainOpen / 2);
    const clientIds = new Set(candidates.invoices.map((invoice) => invoice.clientId));
    expect(candidates.clients.every((client) => clientIds.has(client.id))).toBe(true);
    const left = all.filter((row) => !read.has(row.invoice.id));
    expect(left.length).toBeGreaterThan(0);
    for (const row of left) {
      expect(
        row.status.dues.every(
          (due) => !['opening_soon', 'open', 'missing_claim', 'closing_soon'].includes(due.state),
        ),
      ).toBe(true);
    }
  });

  it('follows a payment: an invoice paid off leaves the list, a corrective invoice then keeps none', async () => {
    const db = await variedLedger(11);
    const today = '2027-01-31';
    const [first] = await listVatRecovery(db, today);
    expect(first).toBeDefined();
    if (!first) return;
    const paid = {
      ...first.invoice,
      ...deriveInvoiceFields(first.invoice, first.invoice.payableCents),
    };
    await db.invoices.put(paid);
    const after = await listVatRecovery(db, today);
    expect(after.some((row) => row.invoice.id === first.invoice.id)).toBe(false);
    expect(after).toEqual(await fullReadAttentionRows(db, today));
  });
});
