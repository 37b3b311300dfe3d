// Checks every imported row (invoices or clients) and names each problem by row, field and value.
import { MoneyParseError, parseEuros } from '../domain/money';
import { DateParseError, parseDateText } from '../domain/dates';
import { validateSpanishTaxId } from '../domain/taxId';
import { computeInvoiceAmounts } from '../domain/invoice';
import { validateClientInput } from '../domain/client';
import type { IssueCode } from '../domain/validation';
import type { ColumnMapping, DecimalSeparator } from './column-mapping';

export interface RowIssue {
  /** Row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: number;
  field: string;
  code: IssueCode;
  value: string;
  params?: Record<string, string | number>;
}

export interface ImportedInvoiceRow {
  row: number;
  clientTaxId: string;
  clientName: string;
  number: string;
  issueDate: string;
  /** Null when the file has no due date column: the client's payment term decides. */
  dueDate: string | null;
  taxableBaseCents: number;
  vatRatePercent: number;
  withholdingRatePercent: number;
  description: string;
}

export interface ImportedClientRow {
  row: number;
  name: string;
  taxId: string;
  email: string;
  phone: string;
  address: string;
  postalCode: string;
  city: string;
  province: string;
  paymentTermDays: number;
}

export interface RowCheck<Row> {
  rows: Row[];
  issues: RowIssue[];
}

/** The first data row's number (row 1 is the header). */
export const FIRST_DATA_ROW = 2;

function cell(
  row: readonly string[],
  header: readonly string[],
  column: string | undefined,
): string {
  if (!column) return '';
  const index = header.indexOf(column);
  return index < 0 ? '' : (row[index] ?? '').trim();
}

const DOT_GROUPED = /^\d{1,3}(\.\d{3})+$/;
const COMMA_GROUPED = /^\d{1,3}(,\d{3})+$/;
const AMOUNT_CELL = /^([+-]?)\s*(€?)\s*([+-]?)\s*(\d[\d\s.,]*?)\s*(€?)$/u;

/**
 * Amount text with a known decimal separator → cents. Thousands (the other separator, or spaces)
 * must group threes: "1.2.3" or "12.34,5" is a typo, not 123,00 € (issue 18).
 */
export function parseAmountCell(text: string, decimal: DecimalSeparator): number {
  const group = decimal === ',' ? '.' : ',';
  const match = AMOUNT_CELL.exec(text.trim());
  if (!match) throw new MoneyParseError(text, 'expected digits with an optional sign and €');
  const [, signBefore = '', euroBefore = '', signAfter = '', number = '', euroAfter = ''] = match;
  // Spaces (also no-break and narrow no-break) group thousands like the group separator.
  const unified = number.replace(/\s/gu, group);
  const at = unified.indexOf(decimal);
  const integer = at < 0 ? unified : unified.slice(0, at);
  const decimals = at < 0 ? null : unified.slice(at + 1);
  if (decimals !== null && !/^\d{1,2}$/.test(decimals)) {
    throw new MoneyParseError(text, `expected one or two decimals after "${decimal}"`);
  }
  const grouped = decimal === ',' ? DOT_GROUPED : COMMA_GROUPED;
  if (!/^\d+$/.test(integer) && !grouped.test(integer)) {
    throw new MoneyParseError(text, 'thousands must be grouped in threes');
  }
  const digits = integer.replaceAll(group, '');
  const plain = decimals === null ? digits : `${digits},${decimals}`;
  // parseEuros keeps the sign and € rules; the number is now unambiguous.
  return parseEuros(`${signBefore}${euroBefore}${signAfter}${plain}${euroAfter}`);
}

function parseRate(text: string): number | null {
  const cleaned = text.replace('%', '').replace(',', '.').trim();
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : NaN;
}

interface Reader {
  issues: RowIssue[];
  row: number;
}

function readDate(reader: Reader, field: string, value: string, required: boolean): string | null {
  if (value === '') {
    if (required) reader.issues.push({ row: reader.row, field, code: 'required', value });
    return null;
  }
  try {
    return parseDateText(value);
  } catch (error) {
    if (!(error instanceof DateParseError)) throw error;
    reader.issues.push({ row: reader.row, field, code: 'date_invalid', value });
    return null;
  }
}

function readAmount(reader: Reader, field: string, value: string, decimal: DecimalSeparator) {
  if (value === '') {
    reader.issues.push({ row: reader.row, field, code: 'required', value });
    return null;
  }
  try {
    const cents = parseAmountCell(value, decimal);
    if (cents <= 0)
      reader.issues.push({ row: reader.row, field, code: 'amount_not_positive', value });
    return cents;
  } catch (error) {
    if (!(error instanceof MoneyParseError)) throw error;
    reader.issues.push({ row: reader.row, field, code: 'amount_invalid', value });
    return null;
  }
}

function readRate(reader: Reader, field: string, value: string, fallback: number): number {
  const rate = parseRate(value);
  if (rate === null) return fallback;
  if (Number.isNaN(rate)) {
    reader.issues.push({
      row: reader.row,
      field,
      code: 'out_of_range',
      value,
      params: { min: 0, max: 100 },
    });
    return fallback;
  }
  return rate;
}

function readTaxId(reader: Reader, field: string, value: string): string {
  if (value === '') {
    reader.issues.push({ row: reader.row, field, code: 'required', value });
    return '';
  }
  const checked = validateSpanishTaxId(value);
  if (!checked.valid) reader.issues.push({ row: reader.row, field, code: 'tax_id_invalid', value });
  return checked.normalized;
}

export function checkInvoiceRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  decimal: DecimalSeparator,
): RowCheck<ImportedInvoiceRow> {
  const valid: ImportedInvoiceRow[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const reader: Reader = { issues: [], row: index + FIRST_DATA_ROW };
    const get = (field: string) => cell(raw, header, mapping[field]);
    const clientTaxId = readTaxId(reader, 'clientTaxId', get('clientTaxId'));
    const clientName = get('clientName');
    if (clientName === '')
      reader.issues.push({ row: reader.row, field: 'clientName', code: 'required', value: '' });
    const number = get('number');
    if (number === '')
      reader.issues.push({ row: reader.row, field: 'number', code: 'required', value: '' });
    const issueDate = readDate(reader, 'issueDate', get('issueDate'), true);
    const dueDate = readDate(reader, 'dueDate', get('dueDate'), false);
    if (issueDate && dueDate && dueDate < issueDate) {
      reader.issues.push({
        row: reader.row,
        field: 'dueDate',
        code: 'due_before_issue',
        value: get('dueDate'),
      });
    }
    const base = readAmount(reader, 'taxableBase', get('taxableBase'), decimal);
    const vatRatePercent = readRate(reader, 'vatRate', get('vatRate'), 21);
    const withholdingRatePercent = readRate(reader, 'withholdingRate', get('withholdingRate'), 0);
    const totalText = get('total');
    if (base !== null && base > 0 && totalText !== '') {
      const expected = computeInvoiceAmounts({
        taxableBaseCents: base,
        vatRatePercent,
        withholdingRatePercent,
      });
      try {
        const total = parseAmountCell(totalText, decimal);
        // The file's total may be before or after IRPF; either matches.
        if (total !== expected.totalCents && total !== expected.payableCents) {
          reader.issues.push({
            row: reader.row,
            field: 'total',
            code: 'dues_sum_mismatch',
            value: totalText,
            params: { expected: expected.totalCents, actual: total },
          });
        }
      } catch (error) {
        if (!(error instanceof MoneyParseError)) throw error;
        reader.issues.push({
          row: reader.row,
          field: 'total',
          code: 'amount_invalid',
          value: totalText,
        });
      }
    }
    if (clientTaxId !== '' && number !== '') {
      const key = `${clientTaxId}\u0000${number}`;
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        reader.issues.push({
          row: reader.row,
          field: 'number',
          code: 'duplicate_in_file',
          value: number,
          params: { firstRow },
        });
      } else seen.set(key, reader.row);
    }
    if (reader.issues.length > 0 || issueDate === null || base === null) {
      issues.push(...reader.issues);
      return;
    }
    valid.push({
      row: reader.row,
      clientTaxId,
      clientName,
      number,
      issueDate,
      dueDate,
      taxableBaseCents: base,
      vatRatePercent,
      withholdingRatePercent,
      description: get('description'),
    });
  });
  return { rows: valid, issues };
}

export function checkClientRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
): RowCheck<ImportedClientRow> {
  const valid: ImportedClientRow[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const reader: Reader = { issues: [], row: index + FIRST_DATA_ROW };
    const get = (field: string) => cell(raw, header, mapping[field]);
    const name = get('name');
    const rawTaxId = get('taxId');
    const email = get('email');
    const termText = get('paymentTermDays');
    const term = termText === '' ? 30 : Number(termText);
    // The same checks as the client form: name length, tax id, e-mail, payment term.
    const values: Record<string, string> = {
      name,
      taxId: rawTaxId,
      email,
      paymentTermDays: termText,
    };
    for (const issue of validateClientInput({
      name,
      taxId: rawTaxId,
      email,
      paymentTermDays: term,
      creditLimitCents: null,
    })) {
      reader.issues.push({
        row: reader.row,
        field: issue.field,
        code: issue.code,
        value: issue.code === 'required' ? '' : (values[issue.field] ?? ''),
        ...(issue.params ? { params: issue.params } : {}),
      });
    }
    const taxId = validateSpanishTaxId(rawTaxId).normalized;
    const firstRow = taxId === '' ? undefined : seen.get(taxId);
    if (firstRow !== undefined) {
      reader.issues.push({
        row: reader.row,
        field: 'taxId',
        code: 'duplicate_in_file',
        value: taxId,
        params: { firstRow },
      });
    } else if (taxId !== '') seen.set(taxId, reader.row);
    if (reader.issues.length > 0) {
      issues.push(...reader.issues);
      return;
    }
    valid.push({
      row: reader.row,
      name,
      taxId,
      email,
      phone: get('phone'),
      address: get('address'),
      postalCode: get('postalCode'),
      city: get('city'),
      province: get('province'),
      paymentTermDays: term,
    });
  });
  return { rows: valid, issues };
}

const FIELD_NAMES_ES: Record<string, string> = {
  clientTaxId: 'NIF del cliente',
  clientName: 'cliente',
  number: 'número de factura',
  issueDate: 'fecha de emisión',
  dueDate: 'fecha de vencimiento',
  taxableBase: 'base imponible',
  vatRate: 'IVA %',
  withholdingRate: 'IRPF %',
  total: 'total',
  name: 'nombre',
  taxId: 'NIF',
  paymentTermDays: 'plazo de pago',
};

const PROBLEMS_ES: Partial<Record<IssueCode, string>> = {
  required: 'falta',
  date_invalid: 'no existe',
  amount_invalid: 'no es un importe',
  amount_not_positive: 'debe ser mayor que cero',
  tax_id_invalid: 'no es un NIF válido',
  due_before_issue: 'es anterior a la emisión',
  dues_sum_mismatch: 'no cuadra con base, IVA e IRPF',
  out_of_range: 'está fuera de rango',
  email_invalid: 'no es un e-mail válido',
  too_long: 'es demasiado largo',
  duplicate_in_file: 'está repetida en el fichero',
  invoice_number_taken: 'ya existe para ese cliente',
  tax_id_taken: 'ya existe',
};

/** Plain Spanish for logs and thrown errors, e.g. "fila 412: fecha de vencimiento '31/02/2026' no existe". */
export function describeRowIssue(issue: RowIssue): string {
  const field = FIELD_NAMES_ES[issue.field] ?? issue.field;
  const problem = PROBLEMS_ES[issue.code] ?? issue.code;
  return issue.value === ''
    ? `fila ${issue.row}: ${field} ${problem}`
    : `fila ${issue.row}: ${field} '${issue.value}' ${problem}`;
}
