import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { EURO_FORMAT, writeXlsx } from '../../../../renderer/src/export/xlsx-writer';

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

describe('writeXlsx', () => {
  it('writes the header and rows with amounts as real numbers in euro format', async () => {
    const bytes = await writeXlsx(
      {
        header: ['Cliente', 'Pendiente'],
        rows: [
          ['Peña Ibáñez S.L.', 1210.5],
          ['Otra', null],
        ],
        moneyColumns: [1],
      },
      'Facturas',
    );
    const sheet = (await readBack(bytes)).getWorksheet('Facturas');
    expect(sheet?.getCell('A1').value).toBe('Cliente');
    expect(sheet?.getCell('A2').value).toBe('Peña Ibáñez S.L.');
    expect(sheet?.getCell('B2').value).toBe(1210.5);
    expect(typeof sheet?.getCell('B2').value).toBe('number');
    expect(sheet?.getCell('B2').numFmt).toBe(EURO_FORMAT);
    expect(sheet?.getCell('B3').value).toBeNull();
  });

  it('makes any sheet name acceptable to Excel', async () => {
    const bytes = await writeXlsx(
      { header: ['a'], rows: [] },
      'Vencidas > 60 días: 2026/11 [todas]',
    );
    const [sheet] = (await readBack(bytes)).worksheets;
    expect(sheet?.name).toHaveLength(31);
    expect(sheet?.name).not.toMatch(/[[\]:*?/\\]/);
  });
});
