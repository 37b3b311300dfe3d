// Exports exactly what the ledger shows (filtered, sorted, visible columns) as CSV or XLSX.
import { writeSpanishCsv } from '../../../../shared/formats/spanish-csv';
import { getPlatform } from '../../platform';
import type { LedgerRow } from '../../db/ledger-queries';
import type { CellFormat, LedgerColumn } from './ledger-columns';

export function ledgerTable(
  rows: readonly LedgerRow[],
  columns: readonly LedgerColumn[],
  format: CellFormat,
) {
  return {
    header: columns.map((column) => format.t(column.header)),
    rows: rows.map((row) => columns.map((column) => column.exportValue(row, format))),
    moneyColumns: columns.flatMap((column, index) => (column.money ? [index] : [])),
  };
}

export async function exportLedger(
  kind: 'csv' | 'xlsx',
  rows: readonly LedgerRow[],
  columns: readonly LedgerColumn[],
  format: CellFormat,
  today: string,
): Promise<boolean> {
  const table = ledgerTable(rows, columns, format);
  const baseName = `facturas-${today}`;
  if (kind === 'csv') {
    return getPlatform().saveFile({
      suggestedName: `${baseName}.csv`,
      content: writeSpanishCsv(table),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  }
  const { writeXlsx } = await import('../../export/xlsx-writer');
  return getPlatform().saveFile({
    suggestedName: `${baseName}.xlsx`,
    content: await writeXlsx(table, format.t('ledger.export.sheet')),
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
  });
}
