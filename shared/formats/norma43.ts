// AEB Cuaderno 43 (Norma 43) bank statements, tolerant of the quirks real banks' files have.
import { decodeCp850, decodeWindows1252, isValidUtf8 } from './windows-1252';
import { checkFileSize } from './file-limits';

export class Norma43ParseError extends Error {
  /** 1-based line of the file. */
  readonly line: number;

  constructor(line: number, reason: string) {
    super(`Línea ${line}: ${reason}`);
    this.name = 'Norma43ParseError';
    this.line = line;
  }
}

export interface Norma43Movement {
  operationDate: string;
  valueDate: string;
  /** Signed: credits positive, debits negative. */
  amountCents: number;
  commonConcept: string;
  ownConcept: string;
  documentNumber: string;
  reference1: string;
  reference2: string;
  /** The concept fields of the movement's 23 records, in order, trimmed, empty ones left out. */
  extraInformation: string[];
}

export interface Norma43Account {
  bankCode: string;
  branchCode: string;
  accountNumber: string;
  currency: string;
  startDate: string;
  endDate: string;
  initialBalanceCents: number;
  finalBalanceCents: number;
  movements: Norma43Movement[];
  /** False when the account's closing record (33) is missing: its totals could not be checked. */
  closingRecord: boolean;
}

export interface Norma43File {
  accounts: Norma43Account[];
  /** False when the file has no end record (88), as some real exports do. */
  endRecord: boolean;
}

const CURRENCIES: Record<string, string> = {
  '978': 'EUR',
  '840': 'USD',
  '826': 'GBP',
  '756': 'CHF',
  '752': 'SEK',
  '392': 'JPY',
  '208': 'DKK',
  '578': 'NOK',
  '985': 'PLN',
  '946': 'RON',
  '124': 'CAD',
  '036': 'AUD',
};

/** UTF-8 when valid; otherwise code page 850 if its accented letters dominate, else Windows-1252. */
export function decodeNorma43(bytes: Uint8Array): string {
  if (isValidUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  let dosLetters = 0;
  let windowsLetters = 0;
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0xa5) dosLetters += 1;
    else if (byte >= 0xc0) windowsLetters += 1;
  }
  return dosLetters > windowsLetters ? decodeCp850(bytes) : decodeWindows1252(bytes);
}

interface Line {
  number: number;
  text: string;
}

function field(line: Line, from: number, to: number): string {
  return line.text.slice(from - 1, to);
}

function amountField(line: Line, from: number, to: number, what: string): number {
  const digits = field(line, from, to).trim();
  if (!/^\d+$/.test(digits)) throw new Norma43ParseError(line.number, `${what} no es un importe`);
  return Number(digits);
}

function countField(line: Line, from: number, to: number, what: string): number {
  return amountField(line, from, to, what);
}

type DateOrder = 'ymd' | 'dmy';

function readDate(text: string, order: DateOrder): string | null {
  if (!/^\d{6}$/.test(text)) return null;
  const a = Number(text.slice(0, 2));
  const b = Number(text.slice(2, 4));
  const c = Number(text.slice(4, 6));
  const [yy, month, day] = order === 'ymd' ? [a, b, c] : [c, b, a];
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How many movement dates fall inside their account's period when read in that order. */
function plausibility(lines: readonly Line[], order: DateOrder): number {
  let start = '';
  let end = '';
  let score = 0;
  for (const line of lines) {
    const code = line.text.slice(0, 2);
    if (code === '11') {
      start = readDate(field(line, 21, 26), order) ?? '';
      end = readDate(field(line, 27, 32), order) ?? '';
      // A statement covers days or months, never decades.
      if (
        start !== '' &&
        start <= end &&
        Number(end.slice(0, 4)) - Number(start.slice(0, 4)) <= 1
      ) {
        score += 1;
      }
    }
    if (code === '22') {
      const date = readDate(field(line, 11, 16), order) ?? '';
      if (date !== '' && date >= start && date <= end) score += 1;
    }
  }
  return score;
}

/**
 * The standard says YYMMDD; some banks write DDMMYY. Decided once for the whole file: the order
 * in which every date exists, and if both do, the one that puts movements inside their period.
 */
function chooseDateOrder(lines: readonly Line[]): DateOrder {
  const dates: string[] = [];
  for (const line of lines) {
    const code = line.text.slice(0, 2);
    if (code === '11') dates.push(field(line, 21, 26), field(line, 27, 32));
    if (code === '22') dates.push(field(line, 11, 16), field(line, 17, 22));
  }
  const allYmd = dates.every((text) => readDate(text, 'ymd') !== null);
  const allDmy = dates.every((text) => readDate(text, 'dmy') !== null);
  if (!allYmd && allDmy) return 'dmy';
  if (allYmd && allDmy && plausibility(lines, 'dmy') > plausibility(lines, 'ymd')) return 'dmy';
  return 'ymd';
}

function dateField(line: Line, from: number, to: number, order: DateOrder, what: string): string {
  const date = readDate(field(line, from, to), order);
  if (date === null) {
    throw new Norma43ParseError(line.number, `${what} '${field(line, from, to)}' no es una fecha`);
  }
  return date;
}

function currencyOf(code: string): string {
  return CURRENCIES[code] ?? code;
}

interface OpenAccount {
  account: Norma43Account;
  line: number;
}

function checkTotals(line: Line, open: OpenAccount): void {
  const { account } = open;
  const debits = account.movements.filter((m) => m.amountCents < 0);
  const credits = account.movements.filter((m) => m.amountCents > 0);
  // Zero-amount movements carry a debit/credit key of their own; count them by that key is
  // impossible after signing, so counts allow them on either side.
  const zeros = account.movements.length - debits.length - credits.length;
  const debitCount = countField(line, 21, 25, 'el número de apuntes al debe');
  const debitTotal = amountField(line, 26, 39, 'el total del debe');
  const creditCount = countField(line, 40, 44, 'el número de apuntes al haber');
  const creditTotal = amountField(line, 45, 58, 'el total del haber');
  const finalSign = field(line, 59, 59) === '1' ? -1 : 1;
  const finalBalance = finalSign * amountField(line, 60, 73, 'el saldo final');
  const sumDebits = -debits.reduce((sum, m) => sum + m.amountCents, 0);
  const sumCredits = credits.reduce((sum, m) => sum + m.amountCents, 0);
  const countsOk =
    debitCount + creditCount === account.movements.length &&
    debitCount >= debits.length &&
    debitCount <= debits.length + zeros;
  if (!countsOk) {
    throw new Norma43ParseError(
      line.number,
      `el registro 33 dice ${debitCount} apuntes al debe y ${creditCount} al haber, pero la cuenta tiene ${debits.length} y ${credits.length}`,
    );
  }
  if (debitTotal !== sumDebits || creditTotal !== sumCredits) {
    throw new Norma43ParseError(
      line.number,
      'los totales del registro 33 no cuadran con los movimientos',
    );
  }
  if (finalBalance !== account.initialBalanceCents + sumCredits - sumDebits) {
    throw new Norma43ParseError(
      line.number,
      'el saldo final del registro 33 no cuadra con los movimientos',
    );
  }
}

function startAccount(line: Line, order: DateOrder): Norma43Account {
  const sign = field(line, 33, 33) === '1' ? -1 : 1;
  const initial = sign * amountField(line, 34, 47, 'el saldo inicial');
  return {
    bankCode: field(line, 3, 6),
    branchCode: field(line, 7, 10),
    accountNumber: field(line, 11, 20),
    currency: currencyOf(field(line, 48, 50)),
    startDate: dateField(line, 21, 26, order, 'la fecha inicial'),
    endDate: dateField(line, 27, 32, order, 'la fecha final'),
    initialBalanceCents: initial,
    finalBalanceCents: initial,
    movements: [],
    closingRecord: false,
  };
}

function movementOf(line: Line, order: DateOrder): Norma43Movement {
  const key = field(line, 28, 28);
  if (key !== '1' && key !== '2') {
    throw new Norma43ParseError(line.number, `clave debe/haber '${key}' desconocida`);
  }
  const amount = amountField(line, 29, 42, 'el importe');
  return {
    operationDate: dateField(line, 11, 16, order, 'la fecha de operación'),
    valueDate: dateField(line, 17, 22, order, 'la fecha valor'),
    amountCents: key === '1' ? -amount : amount,
    commonConcept: field(line, 23, 24),
    ownConcept: field(line, 25, 27),
    documentNumber: field(line, 43, 52).trim(),
    reference1: field(line, 53, 64).trim(),
    reference2: field(line, 65, 80).trim(),
    extraInformation: [],
  };
}

export function parseNorma43(input: Uint8Array | string): Norma43File {
  checkFileSize('norma43', input.length);
  const text = typeof input === 'string' ? input : decodeNorma43(input);
  const lines: Line[] = text
    .split(/\r\n|\n|\r/)
    .map((raw, index) => ({ number: index + 1, text: raw.replace(/^\uFEFF/, '').padEnd(80, ' ') }))
    .filter((line) => line.text.trim() !== '');
  const order = chooseDateOrder(lines);
  const accounts: Norma43Account[] = [];
  let open: OpenAccount | null = null;
  let lastMovement: Norma43Movement | null = null;
  let endRecord = false;
  for (const line of lines) {
    const code = line.text.slice(0, 2);
    if (code === '11') {
      open = { account: startAccount(line, order), line: line.number };
      accounts.push(open.account);
      lastMovement = null;
    } else if (code === '22') {
      if (!open)
        throw new Norma43ParseError(line.number, 'movimiento (22) sin cabecera de cuenta (11)');
      lastMovement = movementOf(line, order);
      open.account.movements.push(lastMovement);
    } else if (code === '23') {
      if (!lastMovement)
        throw new Norma43ParseError(line.number, 'concepto (23) sin movimiento (22)');
      for (const part of [field(line, 5, 42), field(line, 43, 80)]) {
        if (part.trim() !== '') lastMovement.extraInformation.push(part.trim());
      }
    } else if (code === '24') {
      if (!lastMovement)
        throw new Norma43ParseError(line.number, 'equivalencia (24) sin movimiento (22)');
    } else if (code === '33') {
      if (!open) throw new Norma43ParseError(line.number, 'final de cuenta (33) sin cabecera (11)');
      checkTotals(line, open);
      open.account.closingRecord = true;
      open = null;
      lastMovement = null;
    } else if (code === '88') {
      // The record count is often off by one in real files: not checked.
      endRecord = true;
      break;
    } else {
      throw new Norma43ParseError(line.number, `tipo de registro '${code}' desconocido`);
    }
  }
  if (accounts.length === 0) throw new Norma43ParseError(1, 'no hay ninguna cuenta (registro 11)');
  // Checked against record 33 where present; a missing 33 leaves the balance the movements give.
  for (const account of accounts) {
    const net = account.movements.reduce((sum, movement) => sum + movement.amountCents, 0);
    account.finalBalanceCents = account.initialBalanceCents + net;
  }
  return { accounts, endRecord };
}
