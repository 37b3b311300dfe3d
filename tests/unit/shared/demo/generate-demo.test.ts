import { describe, expect, it } from 'vitest';
import { generateDemoData, streamDemoData } from '../../../../shared/demo/generate-demo';
import { validateSpanishTaxId } from '../../../../shared/domain/taxId';
import { computeInvoiceAmounts } from '../../../../shared/domain/invoice';
import { addDays } from '../../../../shared/domain/dates';

const today = '2026-05-15';

describe('generateDemoData', () => {
  it('gives identical output for the same arguments', () => {
    const first = generateDemoData({ invoices: 400, today, seed: 7 });
    const second = generateDemoData({ invoices: 400, today, seed: 7 });
    expect(second).toEqual(first);
    expect(generateDemoData({ invoices: 400, today, seed: 8 })).not.toEqual(first);
  });

  it('makes about one client per 20 invoices, never fewer than 3', () => {
    expect(generateDemoData({ invoices: 10, today }).clients).toHaveLength(3);
    const data = generateDemoData({ invoices: 1000, today });
    expect(data.clients).toHaveLength(50);
    expect(data.invoices).toHaveLength(1000);
    expect(data.clients[0]?.id).toBe('demo-c-000001');
  });

  it('gives every client a valid NIF or CIF', () => {
    const { clients } = generateDemoData({ invoices: 2000, today });
    const kinds = new Set<string | null>();
    for (const client of clients) {
      const result = validateSpanishTaxId(client.taxId);
      expect(result.valid, `${client.name} ${client.taxId}`).toBe(true);
      kinds.add(result.kind);
    }
    expect(kinds).toEqual(new Set(['NIF', 'CIF']));
  });

  it('keeps every invoice consistent: amounts, dues, numbers and derived fields', () => {
    const data = generateDemoData({ invoices: 3000, today });
    const paidByInvoice = new Map<string, number>();
    for (const allocation of data.allocations) {
      paidByInvoice.set(
        allocation.invoiceId,
        (paidByInvoice.get(allocation.invoiceId) ?? 0) + allocation.amountCents,
      );
    }
    const numbers = new Set<string>();
    const oldest = addDays(today, -730);
    for (const invoice of data.invoices) {
      expect(invoice).toMatchObject(computeInvoiceAmounts(invoice));
      expect(invoice.dues.reduce((sum, due) => sum + due.amountCents, 0)).toBe(
        invoice.payableCents,
      );
      expect(invoice.issueDate >= oldest && invoice.issueDate <= today).toBe(true);
      expect(invoice.paidCents).toBe(paidByInvoice.get(invoice.id) ?? 0);
      expect(invoice.outstandingCents).toBe(invoice.payableCents - invoice.paidCents);
      expect(numbers.has(invoice.number)).toBe(false);
      numbers.add(invoice.number);
    }
    const payments = new Map(data.payments.map((payment) => [payment.id, payment]));
    for (const allocation of data.allocations) {
      const payment = payments.get(allocation.paymentId);
      expect(payment?.amountCents).toBe(allocation.amountCents);
      expect(payment && payment.date <= today).toBe(true);
    }
  });

  it('mixes paid, partly paid and overdue invoices, VAT rates and IRPF', () => {
    const { invoices, activities } = generateDemoData({ invoices: 3000, today });
    const issued = invoices.filter((invoice) => invoice.lifecycle === 'issued');
    const old = issued.filter((invoice) => invoice.issueDate < addDays(today, -180));
    const paidOld = old.filter((invoice) => invoice.outstandingCents === 0).length;
    expect(paidOld / old.length).toBeGreaterThan(0.6);
    expect(issued.some((invoice) => invoice.paidCents > 0 && invoice.outstandingCents > 0)).toBe(
      true,
    );
    expect(
      issued.some((invoice) => invoice.nextDueDate !== null && invoice.nextDueDate < today),
    ).toBe(true);
    expect(new Set(invoices.map((invoice) => invoice.vatRatePercent))).toEqual(new Set([21, 10]));
    expect(invoices.some((invoice) => invoice.withholdingRatePercent === 15)).toBe(true);
    expect(new Set(invoices.map((invoice) => invoice.dues.length))).toEqual(new Set([1, 2, 3]));
    expect(activities.length).toBeGreaterThan(0);
  });

  // How long it takes is the bench's business (generateMs), never a test's: a busy machine is slower.
  it('generates 100,000 invoices, each with a client of the sample', () => {
    const data = generateDemoData({ invoices: 100_000, today });
    expect(data.invoices).toHaveLength(100_000);
    const clientIds = new Set(data.clients.map((client) => client.id));
    expect(data.invoices.every((invoice) => clientIds.has(invoice.clientId))).toBe(true);
  });
});

describe('streamDemoData', () => {
  it('gives generateDemoData’s records, slice by slice, each slice at most the size asked', () => {
    const whole = generateDemoData({ invoices: 2_500, today, seed: 11 });
    const stream = streamDemoData({ invoices: 2_500, today, seed: 11 }, 300);
    const slices = [...stream.chunks()];
    expect(slices).toHaveLength(9);
    expect(slices.every((slice) => slice.invoices.length <= 300)).toBe(true);
    expect(stream.clients).toEqual(whole.clients);
    expect(slices.flatMap((slice) => slice.invoices)).toEqual(whole.invoices);
    expect(slices.flatMap((slice) => slice.payments)).toEqual(whole.payments);
    expect(slices.flatMap((slice) => slice.allocations)).toEqual(whole.allocations);
    expect(slices.flatMap((slice) => slice.activities)).toEqual(whole.activities);
  });

  it('keeps a slice’s payments and allocations with their invoices', () => {
    const stream = streamDemoData({ invoices: 1_000, today }, 100);
    for (const slice of stream.chunks()) {
      const ids = new Set(slice.invoices.map((invoice) => invoice.id));
      expect(slice.allocations.every((allocation) => ids.has(allocation.invoiceId))).toBe(true);
      const payments = new Set(slice.payments.map((payment) => payment.id));
      expect(slice.allocations.every((allocation) => payments.has(allocation.paymentId))).toBe(
        true,
      );
    }
  });

  it('gives its slices once', () => {
    const stream = streamDemoData({ invoices: 50, today }, 10);
    expect([...stream.chunks()]).toHaveLength(5);
    expect(() => [...stream.chunks()]).toThrow(/once/);
  });
});
