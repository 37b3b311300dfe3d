import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  detectFormats,
  readTableFile,
} from '../../../../../renderer/src/features/import/read-table';
import { suggestMapping } from '../../../../../shared/formats/column-mapping';
import { checkInvoiceRows } from '../../../../../shared/formats/row-validation';

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Facturas');
  sheet.addRow(['NIF', 'Cliente', 'Número', 'Fecha', 'Vencimiento', 'Base imponible']);
  sheet.addRow([
    'B12345674',
    'Talleres García',
    'A-1',
    new Date(Date.UTC(2026, 0, 15)),
    new Date(Date.UTC(2026, 1, 14)),
    1234.5,
  ]);
  sheet.addRow([
    '12345678Z',
    { richText: [{ text: 'Peñalver ' }, { text: 'Ibáñez' }] },
    'A-2',
    '16/01/2026',
    '',
    99,
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readTableFile', () => {
  it('reads the first sheet of a workbook: dates as ISO, numbers with a point, rich text joined', async () => {
    const table = await readTableFile('facturas.xlsx', await workbook());
    expect(table.encoding).toBe('xlsx');
    expect(table.rows).toEqual([
      ['B12345674', 'Talleres García', 'A-1', '2026-01-15', '2026-02-14', '1234.5'],
      ['12345678Z', 'Peñalver Ibáñez', 'A-2', '16/01/2026', '', '99'],
    ]);
    const mapping = suggestMapping('invoices', table.header);
    const formats = detectFormats(table, mapping);
    expect(formats.decimal).toBe('.');
    const checked = checkInvoiceRows(table.header, table.rows, mapping, formats.decimal);
    expect(checked.issues).toEqual([]);
    expect(checked.rows.map((row) => row.taxableBaseCents)).toEqual([123_450, 9_900]);
  });

  it('reads a CSV and detects a decimal comma from the mapped amount column', async () => {
    const bytes = new TextEncoder().encode('Número;Base imponible;Fecha\nA-1;1.234,50;1/2/26\n');
    const table = await readTableFile('f.csv', bytes);
    const formats = detectFormats(table, suggestMapping('invoices', table.header));
    expect([table.encoding, table.delimiter, formats.decimal, formats.dateFormat]).toEqual([
      'utf-8',
      ';',
      ',',
      'd/m/yy',
    ]);
  });
});
