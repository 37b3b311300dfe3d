// Writes a table as CSV that Spanish Excel opens as-is: `;` separator, decimal comma, CRLF, UTF-8 BOM.

export type CsvCell = string | number | null;

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

const BOM = '\uFEFF';
const SEPARATOR = ';';
const NEWLINE = '\r\n';
// A field needs quotes when it holds the separator, a quote, a line break or edge spaces.
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/** Numbers are written with a decimal comma and no thousands grouping, so Excel reads them as numbers. */
export function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${String(value)} in a CSV cell`);
  const text = String(value);
  // String() switches to exponents beyond 1e21 and below 1e-6; Excel wants plain digits.
  let plain = text;
  if (/e/i.test(text)) {
    plain = Number.isInteger(value)
      ? BigInt(value).toString()
      : value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  }
  return plain.replace('.', ',');
}

// A text starting like this is a formula to Excel/LibreOffice (=HYPERLINK(...), +cmd, @SUM, DDE).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Numbers stay numbers; a text that would start a formula gets a leading apostrophe (OWASP). */
export function formatCsvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Money in cents becomes a euro number (two decimals) for a CSV or spreadsheet cell. */
export function centsToEuroNumber(cents: number): number {
  return cents / 100;
}

export function writeSpanishCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) =>
    row.map((cell) => formatCsvCell(cell)).join(SEPARATOR),
  );
  return BOM + lines.join(NEWLINE) + NEWLINE;
}
