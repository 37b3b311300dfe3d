// Shared XML reading for the e-invoice and bank formats: prefixes dropped, typed errors by element.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isCalendarDate } from '../domain/dates';

export class XmlFormatError extends Error {
  /** The element (path) that is missing or wrong, or null for a malformed document. */
  readonly element: string | null;

  constructor(element: string | null, reason: string) {
    super(element ? `${element}: ${reason}` : reason);
    this.name = 'XmlFormatError';
    this.element = element;
  }
}

/** A parsed element: attributes as "@_name", text as "#text", children by local name. */
export type XmlNode = { [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

export function parseXml(xml: string): XmlNode {
  const checked = XMLValidator.validate(xml);
  if (checked !== true) {
    throw new XmlFormatError(
      null,
      `XML mal formado (línea ${checked.err.line}): ${checked.err.msg}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    // The validator lets a few broken documents through; the parser's own message then explains.
    throw new XmlFormatError(
      null,
      `XML mal formado: ${error instanceof Error ? error.message : ''}`,
    );
  }
  if (!isNode(parsed)) throw new XmlFormatError(null, 'el documento está vacío');
  return parsed;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child element with that local name (a single one comes back as a one-item list). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (isNode(item) ? item : { '#text': String(item) }));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Walks a path of local names, taking the first match at each step. */
export function at(node: XmlNode | undefined, path: readonly string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) current = child(current, name);
  return current;
}

export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  return scalarText(node['#text']);
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function attr(node: XmlNode | undefined, name: string): string {
  return scalarText(node?.[`@_${name}`]);
}

/** Text at the path, or a typed error naming the element when it is missing or empty. */
export function requiredText(
  node: XmlNode | undefined,
  path: readonly string[],
  where: string,
): string {
  const value = textOf(at(node, path));
  if (value === '') throw new XmlFormatError(`${where}/${path.join('/')}`, 'falta el dato');
  return value;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** "1656.25" → 165625, rounding half away from zero past two decimals (Facturae allows eight). */
export function decimalToCents(text: string, element: string): number {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new XmlFormatError(element, `"${text}" no es un importe`);
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  const padded = fraction.padEnd(3, '0');
  let cents = Number(whole || '0') * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents))
    throw new XmlFormatError(element, `"${text}" es demasiado grande`);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** "2026-03-01" or an ISO date-time → the calendar date part, which must exist (no 30 February). */
export function isoDatePart(text: string, element: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|T|[Z+-])/.exec(text.trim());
  if (!match?.[1]) throw new XmlFormatError(element, `"${text}" no es una fecha`);
  if (!isCalendarDate(match[1])) {
    throw new XmlFormatError(element, `"${text}" no es una fecha del calendario`);
  }
  return match[1];
}
