import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DelimitedParseError, readDelimited } from '../../../../shared/formats/delimited';
import { decodeWindows1252 } from '../../../../shared/formats/windows-1252';
import { FileTooLargeError } from '../../../../shared/formats/file-limits';

/** Encodes text as Windows-1252 (only the characters these tests use). */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Uint8Array.from([...text].map((char) => special[char] ?? char.charCodeAt(0)));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readDelimited', () => {
  it('reads a Windows-1252 file with accents, ñ and the euro sign', () => {
    const file = readDelimited(
      cp1252('Cliente;Importe\r\nPeñalver Ibáñez;1.234,56 €\r\nCafé “Ñu”;10\r\n'),
    );
    expect(file.encoding).toBe('windows-1252');
    expect(file.delimiter).toBe(';');
    expect(file.header).toEqual(['Cliente', 'Importe']);
    expect(file.rows).toEqual([
      ['Peñalver Ibáñez', '1.234,56 €'],
      ['Café “Ñu”', '10'],
    ]);
  });

  it('maps 0x80 to the euro sign, unlike a Latin-1 decoder', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x9f, 0xf1]))).toBe('€Ÿñ');
  });

  it('strips a UTF-8 byte order mark and reads UTF-8 accents', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Razón social,NIF\nJosé,12345678Z\n')]);
    const file = readDelimited(bytes);
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe(',');
    expect(file.header).toEqual(['Razón social', 'NIF']);
    expect(file.rows).toEqual([['José', '12345678Z']]);
  });

  it('detects a tab delimiter', () => {
    const file = readDelimited(utf8('a\tb\tc\n1\t2\t3'));
    expect(file.delimiter).toBe('\t');
    expect(file.rows).toEqual([['1', '2', '3']]);
  });

  it('is not fooled by decimal commas inside a semicolon file', () => {
    const file = readDelimited(utf8('num;base;iva\nA-1;1,50;0,21\nA-2;2,75;0,21\n'));
    expect(file.delimiter).toBe(';');
  });

  it('keeps delimiters, newlines and doubled quotes inside quoted fields', () => {
    const file = readDelimited(utf8('n,texto\n1,"uno, dos\ny ""tres"""\n2,fin\n'));
    expect(file.rows).toEqual([
      ['1', 'uno, dos\ny "tres"'],
      ['2', 'fin'],
    ]);
  });

  it('drops the trailing empty line but keeps empty fields', () => {
    const file = readDelimited(utf8('a;b\n1;\n\n'));
    expect(file.rows).toEqual([['1', '']]);
  });

  it('names the line where an unclosed quote starts', () => {
    expect(() => readDelimited(utf8('a;b\n1;2\n3;"abierta\n4;5\n'))).toThrow(DelimitedParseError);
    try {
      readDelimited(utf8('a;b\n1;2\n3;"abierta\n4;5\n'));
    } catch (error) {
      expect((error as DelimitedParseError).line).toBe(3);
    }
  });

  it('reads back any table it is given, quoted as a spreadsheet would write it', () => {
    const cell = fc.string({ maxLength: 12 }).filter((text) => !text.includes('\r'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const header = ['uno', 'dos', 'tres'];
          const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
          const text = [header, ...rows].map((row) => row.map(quote).join(';')).join('\r\n');
          const file = readDelimited(utf8(text));
          expect(file.header).toEqual(header);
          expect(file.rows).toEqual(rows);
        },
      ),
    );
  });
});

describe('readDelimited against crafted input', () => {
  it('splits a 200 KB line of quotes in linear time', () => {
    const started = performance.now();
    const quotes = readDelimited(utf8(`a${'"'.repeat(200_000)};b\n`));
    expect(quotes.header).toEqual([`a${'"'.repeat(200_000)}`, 'b']);
    const spaced = readDelimited(utf8(`${' '.repeat(100_000)}x${'"'.repeat(100_000)}\n`));
    expect(spaced.header[0]).toHaveLength(100_001);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a file over 20 MB, naming the limit', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024 + 1);
    expect(() => readDelimited(bytes)).toThrow(FileTooLargeError);
    expect(() => readDelimited(bytes)).toThrow(/21 MB; el máximo para delimited es 20 MB/);
  });
});
