// One shape for Norma 43 and camt.053 statements, with fingerprints that make imports idempotent.
import { parseNorma43 } from './norma43';
import { parseCamt053 } from './camt053';
import { decodeText } from './windows-1252';
import type { StatementWarning } from './statement-warnings';
import { checkFileSize } from './file-limits';

export interface StatementMovement {
  date: string;
  valueDate: string;
  amountCents: number;
  concept: string;
  references: string[];
  commonCode: string;
  counterpartyName: string;
  /** Same account, dates, amount, texts and the occurrence index among identical movements. */
  fingerprint: string;
}

export interface NormalizedStatement {
  format: 'norma43' | 'camt053';
  account: string;
  currency: string;
  fromDate: string;
  toDate: string;
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  movements: StatementMovement[];
  /** Accepted but odd: shown to the person with the import's result (see statement-warnings.ts). */
  warnings: StatementWarning[];
  /** Account, period and every movement's fingerprint: the same statement gives the same text. */
  fingerprint: string;
}

type Unkeyed = Omit<StatementMovement, 'fingerprint'>;

/** Identical movements in one file are all real: the n-th copy gets index n, so none is lost. */
function withFingerprints(account: string, movements: readonly Unkeyed[]): StatementMovement[] {
  const seen = new Map<string, number>();
  return movements.map((movement) => {
    const base = [
      account,
      movement.date,
      movement.valueDate,
      movement.amountCents,
      movement.commonCode,
      movement.concept,
      ...movement.references,
    ].join('|');
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return { ...movement, fingerprint: `${base}#${occurrence}` };
  });
}

function statementFingerprint(statement: Omit<NormalizedStatement, 'fingerprint'>): string {
  const text = [
    statement.format,
    statement.account,
    statement.fromDate,
    statement.toDate,
    ...statement.movements.map((movement) => movement.fingerprint),
  ].join('\n');
  return `${statement.account}|${statement.fromDate}|${statement.toDate}|${hash(text)}`;
}

/** FNV-1a over UTF-16 units in two 32-bit lanes; identifies, does not protect. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function finish(statement: Omit<NormalizedStatement, 'fingerprint'>): NormalizedStatement {
  return { ...statement, fingerprint: statementFingerprint(statement) };
}

export function looksLikeXml(text: string): boolean {
  return /^\s*(<\?xml|<)/.test(text.replace(/^\uFEFF/, ''));
}

/** Reads a Norma 43 or camt.053 file; throws the format's error naming the line or element. */
export function readBankStatement(bytes: Uint8Array): NormalizedStatement[] {
  const head = decodeText(bytes.subarray(0, 200)).text;
  if (looksLikeXml(head)) {
    checkFileSize('camt053', bytes.length);
    const { text } = decodeText(bytes);
    return parseCamt053(text).map((statement) => {
      const movements = statement.entries.map((entry) => ({
        date: entry.bookingDate,
        valueDate: entry.valueDate,
        amountCents: entry.amountCents,
        concept: entry.concept,
        references: entry.references,
        commonCode: entry.bankCode,
        counterpartyName: entry.counterpartyName,
      }));
      return finish({
        format: 'camt053',
        account: statement.accountIban,
        currency: statement.currency,
        fromDate: statement.fromDate,
        toDate: statement.toDate,
        openingBalanceCents: statement.openingBalanceCents,
        closingBalanceCents: statement.closingBalanceCents,
        movements: withFingerprints(statement.accountIban, movements),
        warnings: statement.warnings,
      });
    });
  }
  const file = parseNorma43(bytes);
  return file.accounts.map((account, index) => {
    const id = `${account.bankCode}${account.branchCode}${account.accountNumber}`;
    const warnings: StatementWarning[] = [];
    if (!account.closingRecord) warnings.push({ code: 'no_closing_record', account: id });
    // Said once, on the last account: the end record belongs to the file.
    if (!file.endRecord && index === file.accounts.length - 1)
      warnings.push({ code: 'no_end_record' });
    const movements = account.movements.map((movement) => ({
      date: movement.operationDate,
      valueDate: movement.valueDate,
      amountCents: movement.amountCents,
      concept: movement.extraInformation.join(' '),
      references: [movement.documentNumber, movement.reference1, movement.reference2].filter(
        (reference) => reference !== '' && !/^0+$/.test(reference),
      ),
      commonCode: movement.commonConcept,
      // Norma 43 has no counterparty field: the first concept line usually names the payer.
      counterpartyName: movement.extraInformation[0] ?? '',
    }));
    return finish({
      format: 'norma43',
      account: id,
      currency: account.currency,
      fromDate: account.startDate,
      toDate: account.endDate,
      openingBalanceCents: account.initialBalanceCents,
      closingBalanceCents: account.finalBalanceCents,
      movements: withFingerprints(id, movements),
      warnings,
    });
  });
}
