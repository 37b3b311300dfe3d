import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatCsvCell,
  formatCsvNumber,
  writeSpanishCsv,
} from '../../../../shared/formats/spanish-csv';

/** A small reader for the same dialect, to check that anything written reads back the same. */
function readSpanishCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('writeSpanishCsv', () => {
  it('starts with a UTF-8 byte order mark so Spanish Excel reads accents', () => {
    const csv = writeSpanishCsv({ header: ['Cliente'], rows: [['Peña Ibáñez']] });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('separates cells with semicolons and ends every line with CRLF', () => {
    const csv = writeSpanishCsv({ header: ['a', 'b'], rows: [['1', '2']] });
    expect(csv).toBe('\uFEFFa;b\r\n1;2\r\n');
  });

  it('writes numbers with a decimal comma and no thousands separator', () => {
    const csv = writeSpanishCsv({ header: ['Importe'], rows: [[1210], [1234.56], [-0.5]] });
    expect(csv).toBe('\uFEFFImporte\r\n1210\r\n1234,56\r\n-0,5\r\n');
  });

  it('leaves a null cell empty', () => {
    expect(writeSpanishCsv({ header: ['a', 'b'], rows: [[null, 'x']] })).toBe(
      '\uFEFFa;b\r\n;x\r\n',
    );
  });

  it('quotes cells holding a semicolon, a quote or a line break, doubling quotes', () => {
    expect(formatCsvCell('Pérez; Hijos')).toBe('"Pérez; Hijos"');
    expect(formatCsvCell('El "Rápido"')).toBe('"El ""Rápido"""');
    expect(formatCsvCell('línea 1\nlínea 2')).toBe('"línea 1\nlínea 2"');
    expect(formatCsvCell('sin nada')).toBe('sin nada');
  });

  it('writes very large and very small numbers without exponents', () => {
    expect(formatCsvNumber(1e21)).toBe('1000000000000000000000');
    expect(formatCsvNumber(0.0000001)).toBe('0,0000001');
  });

  it('refuses numbers a spreadsheet cannot hold', () => {
    expect(() => formatCsvNumber(Number.NaN)).toThrow(RangeError);
  });

  it('reads back exactly the text cells it wrote (formula starts behind an apostrophe)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'ñ', ';', '"', '\n', '\r', ' ', '€', '1', '='),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const csv = writeSpanishCsv({ header: ['x', 'y'], rows });
          const neutral = rows.map((row) =>
            row.map((text) => (/^[\r=]/.test(text) ? `'${text}` : text)),
          );
          expect(readSpanishCsv(csv)).toEqual([['x', 'y'], ...neutral]);
        },
      ),
    );
  });

  it('writes every whole number of cents as euros that read back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const text = formatCsvNumber(cents / 100);
        expect(Math.round(Number(text.replace(',', '.')) * 100)).toBe(cents);
      }),
    );
  });
});

describe('CSV exports carry no formulas', () => {
  it('neutralises text cells that a spreadsheet would run, and keeps numbers as numbers', () => {
    expect(formatCsvCell('=HYPERLINK("http://x.es";"pulsa")')).toBe(
      '"\'=HYPERLINK(""http://x.es"";""pulsa"")"',
    );
    expect(formatCsvCell('+34 600 000 000')).toBe("'+34 600 000 000");
    expect(formatCsvCell('-2+3')).toBe("'-2+3");
    expect(formatCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvCell('\t=1')).toBe("'\t=1");
    expect(formatCsvCell('\r=1')).toBe('"\'\r=1"');
    expect(formatCsvCell(-12.5)).toBe('-12,5');
    expect(formatCsvCell('Talleres = García')).toBe('Talleres = García');
    const csv = writeSpanishCsv({ header: ['Cliente', 'Importe'], rows: [['=1+1', -3]] });
    expect(csv).toContain("'=1+1;-3\r\n");
  });
});
