// Ledger rows: each invoice with what depends on today, and the search that matches them.
import { daysOverdue, deriveInvoiceStatus } from '../../../../shared/domain/invoice';
import { formatCentsInput } from '../../../../shared/domain/money';
import type { InvoiceStatus } from '../../../../shared/domain/records';
import type { LedgerInvoice } from '../../db/queries';

export interface LedgerRow extends LedgerInvoice {
  status: InvoiceStatus;
  daysOverdue: number;
  clientTaxId: string;
  /** Lower-case text the search box matches: client, tax id, number and amounts as typed in Spain. */
  searchText: string;
}

export function toLedgerRows(
  invoices: readonly LedgerInvoice[],
  taxIds: ReadonlyMap<string, string>,
  today: string,
): LedgerRow[] {
  return invoices.map((invoice) => {
    const clientTaxId = taxIds.get(invoice.clientId) ?? '';
    const amounts = [invoice.payableCents, invoice.outstandingCents, invoice.totalCents].flatMap(
      amountSearchForms,
    );
    return {
      ...invoice,
      clientTaxId,
      status: deriveInvoiceStatus(invoice, today),
      daysOverdue: daysOverdue(invoice, today),
      searchText: [invoice.clientName, clientTaxId, invoice.number, ...amounts]
        .join('\u0000')
        .toLocaleLowerCase(),
    };
  });
}

/** 121000 cents → "1210,00" and "1.210,00", so "1.210" and "1210,00" both find it. */
function amountSearchForms(cents: number): string[] {
  const plain = formatCentsInput(cents);
  const [whole = '', decimals = ''] = plain.split(',');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return [plain, `${grouped},${decimals}`];
}

export function matchesSearch(row: LedgerRow, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return needle === '' || row.searchText.includes(needle);
}
