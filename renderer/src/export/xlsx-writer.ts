// Writes a table as an .xlsx workbook with real number cells; exceljs loads only when first used.
import type { CsvCell } from '../../../shared/formats/spanish-csv';

export interface XlsxTable {
  header: string[];
  rows: CsvCell[][];
  /** Indexes of columns holding euros: they get the € number format. */
  moneyColumns?: readonly number[];
}

export const EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';

export async function writeXlsx(table: XlsxTable, sheetName: string): Promise<Uint8Array> {
  // exceljs is about 1 MB: a separate chunk, fetched the first time someone exports.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Excel limits sheet names to 31 characters and forbids a few symbols.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? null));
  for (const index of table.moneyColumns ?? []) sheet.getColumn(index + 1).numFmt = EURO_FORMAT;
  table.header.forEach((title, index) => {
    const longest = Math.max(
      title.length,
      ...table.rows.slice(0, 200).map((row) => String(row[index] ?? '').length),
    );
    sheet.getColumn(index + 1).width = Math.min(50, Math.max(10, longest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
