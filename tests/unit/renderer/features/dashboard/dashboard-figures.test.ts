import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../../shared/demo/generate-demo';
import { computeDashboard } from '../../../../../renderer/src/features/dashboard/dashboard-figures';
import { stateContext, toLedgerRow } from '../../../../../renderer/src/db/ledger-queries';
import {
  EMPTY_FILTER,
  filterRows,
  ledgerTotals,
  type LedgerFilter,
} from '../../../../../shared/domain/ledger-filter';
import { AGING_BUCKETS } from '../../../../../shared/domain/aging';

const TODAY = '2026-11-23';
const data = generateDemoData({ invoices: 1500, today: TODAY });
const clients = data.clients.map((client) => ({
  id: client.id,
  name: client.name,
  taxId: client.taxId,
  creditLimitCents: client.creditLimitCents,
}));
const inputs = {
  invoices: data.invoices,
  clients,
  allocations: [...data.allocations].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1)),
  payments: data.payments,
  installments: [],
  promises: [],
  facts: { plans: [], installments: [], promises: [] },
};
const figures = computeDashboard(inputs, TODAY);
const byId = new Map(clients.map((client) => [client.id, client]));
const ctx = stateContext(inputs.facts, data.invoices, TODAY);
const rows = data.invoices.map((invoice) =>
  toLedgerRow(invoice, byId.get(invoice.clientId), null, ctx),
);
const ledger = (patch: Partial<LedgerFilter>) =>
  ledgerTotals(filterRows(rows, { ...EMPTY_FILTER, ...patch }));

describe('the Panel and the ledger count the same invoices', () => {
  it('total receivable is what the ledger shows for open invoices', () => {
    const totals = ledger({ statuses: ['open'] });
    expect(figures.receivableCents).toBe(totals.outstandingCents);
    expect(figures.openCount).toBe(totals.count);
  });

  it('the overdue figure is what the ledger shows with "only overdue"', () => {
    const totals = ledger({ overdueOnly: true });
    expect(figures.overdueCents).toBe(totals.overdueCents);
    expect(figures.overdueCount).toBe(totals.count);
  });

  it('each aging bar is what the ledger shows for that bucket, and the bars add up', () => {
    for (const bucket of AGING_BUCKETS) {
      const totals = ledger({ buckets: [bucket] });
      expect(figures.aging[bucket].cents).toBe(totals.outstandingCents);
      expect(figures.aging[bucket].count).toBe(totals.count);
    }
    const sum = AGING_BUCKETS.reduce((total, bucket) => total + figures.aging[bucket].cents, 0);
    expect(sum).toBe(figures.receivableCents);
  });

  it('a top debtor owes what the ledger shows for that client', () => {
    const [top] = figures.topDebtors;
    expect(top).toBeDefined();
    expect(ledger({ statuses: ['open'], clientIds: [top!.client.id] }).outstandingCents).toBe(
      top!.outstandingCents,
    );
  });

  it('gives the same figures whatever order the allocations come in', () => {
    const shuffled = computeDashboard(
      { ...inputs, allocations: [...inputs.allocations].reverse() },
      TODAY,
    );
    expect(shuffled.trend).toEqual(figures.trend);
    expect(shuffled.cei90).toEqual(figures.cei90);
    expect(shuffled.averageDaysLate).toBeCloseTo(figures.averageDaysLate, 9);
  });

  it('the receivable today in the monthly trend is the receivable figure', () => {
    expect(figures.trend.at(-1)?.receivableCents).toBe(figures.receivableCents);
  });
});
