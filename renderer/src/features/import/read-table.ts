// Reads a chosen CSV or XLSX file into a header and text rows, with what was detected about it.
import { readDelimited } from '../../../../shared/formats/delimited';
import {
  detectDateFormat,
  detectDecimalSeparator,
  type ColumnMapping,
  type DateFormat,
  type DecimalSeparator,
} from '../../../../shared/formats/column-mapping';

export interface TableFile {
  name: string;
  /** 'utf-8' | 'windows-1252' for text files, 'xlsx' for a workbook. */
  encoding: string;
  /** ';' ',' '\t' or 'sheet'. */
  delimiter: string;
  header: string[];
  rows: string[][];
}

function isXlsx(name: string, bytes: Uint8Array): boolean {
  // A workbook is a zip file: "PK\x03\x04".
  return name.toLowerCase().endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

/** Excel dates arrive as Dates at UTC midnight; numbers keep a point as decimal separator. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const rich = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (rich.richText) return rich.richText.map((part) => part.text).join('');
    if (rich.result !== undefined) return cellText(rich.result);
    if (typeof rich.text === 'string') return rich.text;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function readXlsx(bytes: Uint8Array): Promise<{ header: string[]; rows: string[][] }> {
  // exceljs is about 1 MB: fetched only when someone imports a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet = workbook.worksheets[0];
  const table: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    table.push(values.map((value) => cellText(value).trim()));
  });
  const [header = [], ...rows] = table;
  return { header, rows };
}

export async function readTableFile(name: string, bytes: Uint8Array): Promise<TableFile> {
  if (isXlsx(name, bytes)) {
    return { name, encoding: 'xlsx', delimiter: 'sheet', ...(await readXlsx(bytes)) };
  }
  const file = readDelimited(bytes);
  return {
    name,
    encoding: file.encoding,
    delimiter: file.delimiter,
    header: file.header,
    rows: file.rows,
  };
}

function column(table: TableFile, name: string | undefined): string[] {
  const index = name ? table.header.indexOf(name) : -1;
  return index < 0 ? [] : table.rows.slice(0, 500).map((row) => row[index] ?? '');
}

/** Decimal separator and date format, read from the columns mapped to amounts and dates. */
export function detectFormats(
  table: TableFile,
  mapping: ColumnMapping,
): { decimal: DecimalSeparator; dateFormat: DateFormat } {
  const amounts = ['taxableBase', 'total'].flatMap((field) => column(table, mapping[field]));
  const dates = ['issueDate', 'dueDate'].flatMap((field) => column(table, mapping[field]));
  // A workbook's numbers are real numbers, written here with a point.
  const decimal = table.encoding === 'xlsx' ? '.' : detectDecimalSeparator(amounts);
  return { decimal, dateFormat: detectDateFormat(dates) };
}
