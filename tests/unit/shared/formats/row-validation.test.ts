import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../../../shared/formats/delimited';
import { MoneyParseError } from '../../../../shared/domain/money';
import {
  detectDateFormat,
  detectDecimalSeparator,
  presetFits,
  suggestMapping,
} from '../../../../shared/formats/column-mapping';
import {
  checkClientRows,
  checkInvoiceRows,
  describeRowIssue,
  parseAmountCell,
} from '../../../../shared/formats/row-validation';

const HEADER =
  'NIF;Cliente;Nº factura;Fecha emisión;Fecha de vencimiento;Base imponible;IVA %;IRPF %;Total';

function invoicesCsv(lines: string[]) {
  const file = readDelimited(new TextEncoder().encode([HEADER, ...lines].join('\n')));
  return { file, mapping: suggestMapping('invoices', file.header) };
}

describe('column mapping', () => {
  it('maps Spanish headers to fields, accents and "Nº" ignored', () => {
    const { mapping } = invoicesCsv([]);
    expect(mapping).toMatchObject({
      clientTaxId: 'NIF',
      clientName: 'Cliente',
      number: 'Nº factura',
      issueDate: 'Fecha emisión',
      dueDate: 'Fecha de vencimiento',
      taxableBase: 'Base imponible',
      vatRate: 'IVA %',
      withholdingRate: 'IRPF %',
      total: 'Total',
      description: '',
    });
  });

  it('applies a preset only when all its columns are in the file', () => {
    expect(presetFits({ number: 'Num', issueDate: 'F' }, ['Num', 'F', 'X'])).toBe(true);
    expect(presetFits({ number: 'Num', issueDate: 'Fecha' }, ['Num', 'F'])).toBe(false);
  });

  it('detects decimal comma or point and the date format', () => {
    expect(detectDecimalSeparator(['1.234,56', '10', '3,5'])).toBe(',');
    expect(detectDecimalSeparator(['1,234.56', '12.5'])).toBe('.');
    expect(detectDateFormat(['2026-03-01', '2026-12-31'])).toBe('yyyy-mm-dd');
    expect(detectDateFormat(['1/3/26'])).toBe('d/m/yy');
    expect(detectDateFormat(['01/03/2026'])).toBe('dd/mm/yyyy');
  });

  it('reads amounts with the file-wide separator', () => {
    expect(parseAmountCell('1.234', ',')).toBe(123_400);
    expect(parseAmountCell('1.5', '.')).toBe(150);
    expect(parseAmountCell('1,234.56', '.')).toBe(123_456);
  });

  it('reads amounts as written with a decimal comma', () => {
    expect(parseAmountCell('1.234,56', ',')).toBe(123_456);
    expect(parseAmountCell('1234,56', ',')).toBe(123_456);
    expect(parseAmountCell('-12,50', ',')).toBe(-1_250);
    expect(parseAmountCell('1 234,56', ',')).toBe(123_456);
    expect(parseAmountCell('1\u00a0234,56 €', ',')).toBe(123_456);
    expect(parseAmountCell('1.234.567', ',')).toBe(123_456_700);
  });

  it('refuses misplaced thousands separators instead of reading digits together', () => {
    for (const text of ['1.2.3', '12.34,5', '1.5', '1.23,45', '1,2,3', '1,234', '12,345,6']) {
      expect(() => parseAmountCell(text, ','), text).toThrow(MoneyParseError);
    }
    for (const text of ['1,2,3', '12,34.5', '1.234.5', '1.2345']) {
      expect(() => parseAmountCell(text, '.'), text).toThrow(MoneyParseError);
    }
    expect(() => parseAmountCell('1 2 3', ',')).toThrow(MoneyParseError);
  });
});

describe('checkInvoiceRows', () => {
  it('accepts good rows and computes nothing it was not given', () => {
    const { file, mapping } = invoicesCsv([
      'B12345674;Talleres García;2026-0001;15/01/2026;14/02/2026;1.000,00;21;15;1.060,00',
    ]);
    const checked = checkInvoiceRows(file.header, file.rows, mapping, ',');
    expect(checked.issues).toEqual([]);
    expect(checked.rows).toEqual([
      {
        row: 2,
        clientTaxId: 'B12345674',
        clientName: 'Talleres García',
        number: '2026-0001',
        issueDate: '2026-01-15',
        dueDate: '2026-02-14',
        taxableBaseCents: 100_000,
        vatRatePercent: 21,
        withholdingRatePercent: 15,
        description: '',
      },
    ]);
  });

  it('names each broken row, field and value', () => {
    const { file, mapping } = invoicesCsv([
      'B12345674;Talleres;1;15/01/2026;14/02/2026;100;21;0;121',
      'B12345674;Talleres;2;15/01/2026;31/02/2026;100;21;0;121',
      'B12345679;Otro;3;15/01/2026;;abc;21;0;',
      'B12345674;Talleres;1;16/01/2026;;100;21;0;',
      'B12345674;Talleres;4;15/01/2026;;100;21;0;999',
    ]);
    const checked = checkInvoiceRows(file.header, file.rows, mapping, ',');
    expect(checked.rows.map((row) => row.number)).toEqual(['1']);
    expect(checked.issues.map(describeRowIssue)).toEqual([
      "fila 3: fecha de vencimiento '31/02/2026' no existe",
      "fila 4: NIF del cliente 'B12345679' no es un NIF válido",
      "fila 4: base imponible 'abc' no es un importe",
      "fila 5: número de factura '1' está repetida en el fichero",
      "fila 6: total '999' no cuadra con base, IVA e IRPF",
    ]);
    expect(checked.issues[3]?.params).toEqual({ firstRow: 2 });
  });

  it('checks a generated file of 100,000 rows and reports how long it took', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      lines.push(
        `B12345674;Talleres García;F-${i};15/01/2026;14/02/2026;${(i % 900) + 100},50;21;0;`,
      );
    }
    const bytes = new TextEncoder().encode([HEADER, ...lines].join('\r\n'));
    const started = performance.now();
    const file = readDelimited(bytes);
    const mapping = suggestMapping('invoices', file.header);
    const checked = checkInvoiceRows(file.header, file.rows, mapping, ',');
    const elapsed = Math.round(performance.now() - started);
    console.info(`[measure] read + check 100,000 CSV rows (${bytes.length} bytes): ${elapsed} ms`);
    expect(checked.rows).toHaveLength(100_000);
    expect(checked.issues).toEqual([]);
  });
});

describe('checkClientRows', () => {
  it('requires a name and a valid tax id, and finds repeated tax ids', () => {
    const file = readDelimited(
      new TextEncoder().encode(
        'Nombre,NIF,Email,Plazo\nAna,12345678Z,ana@x.es,30\n,B12345674,,\nAna bis,12345678Z,,400\n',
      ),
    );
    const checked = checkClientRows(file.header, file.rows, suggestMapping('clients', file.header));
    expect(checked.rows.map((row) => row.name)).toEqual(['Ana']);
    expect(checked.issues.map((issue) => [issue.row, issue.field, issue.code])).toEqual([
      [3, 'name', 'required'],
      [4, 'paymentTermDays', 'out_of_range'],
      [4, 'taxId', 'duplicate_in_file'],
    ]);
  });
});

describe('checkClientRows with the client form rules', () => {
  it('makes an invalid NIF, a bad e-mail and a too long name row issues, not stored values', () => {
    const long = 'A'.repeat(201);
    const file = readDelimited(
      new TextEncoder().encode(
        `Nombre,NIF,Email\nAna,NOTANIF,ana@x.es\nLuis,B12345674,"x@y.es\r\nBcc: todos@z.es"\n${long},12345678Z,\nBea,X1234567L,bea@x.es\n`,
      ),
    );
    const checked = checkClientRows(file.header, file.rows, suggestMapping('clients', file.header));
    expect(checked.issues.map((issue) => [issue.row, issue.field, issue.code])).toEqual([
      [2, 'taxId', 'tax_id_invalid'],
      [3, 'email', 'email_invalid'],
      [4, 'name', 'too_long'],
    ]);
    expect(checked.rows).toEqual([expect.objectContaining({ name: 'Bea', taxId: 'X1234567L' })]);
  });
});
