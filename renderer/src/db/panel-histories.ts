// The Panel's read of the ledger's read model: every invoice, payment and allocation, and each
// invoice's dated collections joined client by client (a few rows each) instead of over 100,000.
import {
  isChunk,
  isCurrentMarker,
  isMoneyRow,
  type LedgerModelRow,
} from '../../../shared/domain/ledger-read-model';
import { readStoredInvoices, readStoredMoney } from '../../../shared/domain/ledger-model-decode';
import type { InvoiceCollections } from '../../../shared/domain/invoice-collections';
import type { LedgerDayColumns } from '../../../shared/domain/ledger-day-columns';
import type { CuentasDatabase } from './database';
import { loadPanelModel, type PanelModel } from './ledger-read-model';
import { joinedLists } from '../../../shared/domain/list-copies';
import { derived, mirroredMoney, readMirror } from './ledger-mirror';
import { joinHistories, type DecodedRows } from './panel-join';
import { panelJoinOf } from './panel-pieces';

export interface PanelHistories extends PanelModel {
  /** Aligned with `invoices`; null when the model was not ready (then joined by the caller). */
  collections: InvoiceCollections | null;
  /** The Panel's columns of `invoices` (ledger-day-columns.ts), made once per revision; or null. */
  dayColumns: LedgerDayColumns | null;
}

/** The model's rows decoded, or null when one does not unpack (then read as loadPanelModel does). */
function readRows(rows: readonly LedgerModelRow[]): DecodedRows | null {
  const invoiceRows: DecodedRows['invoiceRows'] = [];
  const moneyRows: DecodedRows['moneyRows'] = [];
  for (const row of rows) {
    if (isChunk(row)) {
      const invoices = readStoredInvoices(row);
      if (!invoices) return null;
      invoiceRows.push({ clientId: row.clientId, invoices });
    } else if (isMoneyRow(row)) {
      const money = readStoredMoney(row);
      if (!money) return null;
      moneyRows.push({ owner: row.owner, ...money });
    }
  }
  return { invoiceRows, moneyRows };
}

/**
 * Every compact invoice, payment and allocation of the read model, as loadPanelModel gives them,
 * plus the collections. An allocation is looked up among its own client's invoices and payments;
 * the rare one pointing elsewhere (an invoice moved to another client) is joined by id at the end.
 */
export async function loadPanelHistories(db: CuentasDatabase): Promise<PanelHistories> {
  const mirror = await readMirror(db, { money: true });
  if (mirror) {
    // Joined once per revision, from the last revision's columns for the clients not written since
    // (panel-pieces.ts); each caller gets its own lists, in the same key order (the columns are shared).
    const joined = derived(mirror, 'panelHistories', () => panelJoinOf(mirror));
    const money = [...mirroredMoney(mirror).values()];
    return {
      invoices: joinedLists([...mirror.invoices.values()].map((entry) => entry.invoices)),
      payments: joinedLists(money.map((entry) => entry.payments)),
      allocations: joinedLists(money.map((entry) => entry.allocations)),
      collections: joined.collections,
      dayColumns: joined.dayColumns,
    };
  }
  const rows = await db.ledgerChunks.toArray();
  const read = rows.some(isCurrentMarker) ? readRows(rows) : null;
  if (!read) return { ...(await loadPanelModel(db)), collections: null, dayColumns: null };
  return joinHistories(read);
}
