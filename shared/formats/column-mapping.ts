// Column mapping for invoice and client tables: target fields, header synonyms, format detection.

export type ImportKind = 'invoices' | 'clients';

export const INVOICE_FIELDS = [
  'clientTaxId',
  'clientName',
  'number',
  'issueDate',
  'dueDate',
  'taxableBase',
  'vatRate',
  'withholdingRate',
  'total',
  'description',
] as const;
export type InvoiceField = (typeof INVOICE_FIELDS)[number];

export const CLIENT_FIELDS = [
  'name',
  'taxId',
  'email',
  'phone',
  'address',
  'postalCode',
  'city',
  'province',
  'paymentTermDays',
] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  invoices: ['clientTaxId', 'clientName', 'number', 'issueDate', 'taxableBase'],
  clients: ['name', 'taxId'],
};

export function fieldsOf(kind: ImportKind): readonly string[] {
  return kind === 'invoices' ? INVOICE_FIELDS : CLIENT_FIELDS;
}

/** Target field → source column header ('' when not mapped). */
export type ColumnMapping = Record<string, string>;

const SYNONYMS: Record<string, readonly string[]> = {
  clientTaxId: ['nif', 'cif', 'nif cliente', 'cif cliente', 'nif/cif', 'tax id', 'vat id', 'dni'],
  clientName: ['cliente', 'nombre cliente', 'razon social', 'client', 'customer', 'nombre'],
  number: [
    'numero',
    'n factura',
    'num factura',
    'factura',
    'numero factura',
    'invoice',
    'number',
    'no',
  ],
  issueDate: ['fecha', 'fecha emision', 'fecha factura', 'emision', 'issue date', 'date'],
  dueDate: ['vencimiento', 'fecha vencimiento', 'fecha de vencimiento', 'due date', 'vto'],
  taxableBase: ['base', 'base imponible', 'importe', 'neto', 'taxable base', 'net'],
  vatRate: ['iva', 'iva %', '% iva', 'tipo iva', 'vat', 'vat rate'],
  withholdingRate: ['irpf', 'irpf %', '% irpf', 'retencion', 'withholding'],
  total: ['total', 'total factura', 'importe total'],
  description: ['concepto', 'descripcion', 'description', 'detalle'],
  name: ['nombre', 'razon social', 'cliente', 'name', 'client'],
  taxId: ['nif', 'cif', 'nif/cif', 'dni', 'tax id', 'vat id'],
  email: ['email', 'correo', 'correo electronico', 'e-mail', 'mail'],
  phone: ['telefono', 'tel', 'phone', 'movil'],
  address: ['direccion', 'domicilio', 'address'],
  postalCode: ['cp', 'codigo postal', 'c.p.', 'postal code', 'zip'],
  city: ['poblacion', 'ciudad', 'localidad', 'municipio', 'city'],
  province: ['provincia', 'province'],
  paymentTermDays: ['plazo', 'dias de pago', 'plazo de pago', 'payment term', 'dias'],
};

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[º°ª.#:_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Maps each field to the header whose normalized text is one of its synonyms (first wins). */
export function suggestMapping(kind: ImportKind, header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const field of fieldsOf(kind)) {
    const synonyms = (SYNONYMS[field] ?? []).map(normalizeHeader);
    const found = header.find(
      (column) => !taken.has(column) && synonyms.includes(normalizeHeader(column)),
    );
    mapping[field] = found ?? '';
    if (found) taken.add(found);
  }
  return mapping;
}

/** A preset applies when every column it names is in this file's header. */
export function presetFits(mapping: ColumnMapping, header: readonly string[]): boolean {
  const columns = Object.values(mapping).filter((column) => column !== '');
  return columns.length > 0 && columns.every((column) => header.includes(column));
}

export type DecimalSeparator = ',' | '.';

/** Decimal comma or point, from the amounts that say so unambiguously ("1.234,56", "12.5"). */
export function detectDecimalSeparator(values: readonly string[]): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const value of values) {
    const text = value.replace(/[\s€]/g, '');
    const lastComma = text.lastIndexOf(',');
    const lastPoint = text.lastIndexOf('.');
    if (lastComma > lastPoint && /,\d{1,2}$/.test(text)) comma += 1;
    else if (lastPoint > lastComma && /\.\d{1,2}$/.test(text)) point += 1;
  }
  return point > comma ? '.' : ',';
}

export type DateFormat = 'dd/mm/yyyy' | 'd/m/yy' | 'yyyy-mm-dd';

export function detectDateFormat(values: readonly string[]): DateFormat {
  const samples = values.map((value) => value.trim()).filter((value) => value !== '');
  if (samples.length > 0 && samples.every((value) => /^\d{4}-\d{1,2}-\d{1,2}$/.test(value))) {
    return 'yyyy-mm-dd';
  }
  if (samples.some((value) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(value))) return 'd/m/yy';
  return 'dd/mm/yyyy';
}
