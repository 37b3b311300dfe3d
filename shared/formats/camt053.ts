// ISO 20022 camt.053 (v2–v8) bank-to-customer statements: accounts, balances and signed entries.
import {
  XmlFormatError,
  at,
  attr,
  child,
  children,
  decimalToCents,
  isoDatePart,
  parseXml,
  requiredText,
  textOf,
} from './xml';
import type { XmlNode } from './xml';
import { checkFileSize } from './file-limits';
import type { StatementWarning } from './statement-warnings';

export interface CamtEntry {
  bookingDate: string;
  valueDate: string;
  /** Signed: credits positive, debits negative. */
  amountCents: number;
  currency: string;
  /** Bank transaction code (domain/family/subfamily or proprietary). */
  bankCode: string;
  counterpartyName: string;
  /** Unstructured remittance lines and additional information. */
  concept: string;
  /** Structured creditor references, end-to-end ids and the bank's references. */
  references: string[];
}

export interface CamtStatement {
  id: string;
  accountIban: string;
  currency: string;
  fromDate: string;
  toDate: string;
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  entries: CamtEntry[];
  /** Odd but real: entries in another currency, a closing balance the entries do not explain. */
  warnings: StatementWarning[];
}

function dateOf(node: XmlNode | undefined): string {
  const text = textOf(child(node, 'Dt')) || textOf(child(node, 'DtTm'));
  return text ? isoDatePart(text, 'Dt') : '';
}

function signed(node: XmlNode, where: string): { cents: number; currency: string } {
  const amount = child(node, 'Amt');
  const text = requiredText(node, ['Amt'], where);
  // ISO 20022 amounts are never signed: the direction is CdtDbtInd's alone.
  if (/^\s*[+-]/.test(text)) {
    throw new XmlFormatError(`${where}/Amt`, `"${text}" lleva signo; el sentido va en CdtDbtInd`);
  }
  const cents = decimalToCents(text, `${where}/Amt`);
  const indicator = requiredText(node, ['CdtDbtInd'], where);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    throw new XmlFormatError(`${where}/CdtDbtInd`, `"${indicator}" no es CRDT ni DBIT`);
  }
  return { cents: indicator === 'DBIT' ? -cents : cents, currency: attr(amount, 'Ccy') };
}

function balance(statement: XmlNode, codes: readonly string[], where: string): number | null {
  for (const bal of children(statement, 'Bal')) {
    const code =
      textOf(at(bal, ['Tp', 'CdOrPrtry', 'Cd'])) || textOf(at(bal, ['Tp', 'CdOrPrtry', 'Prtry']));
    if (codes.includes(code)) return signed(bal, `${where}/Bal`).cents;
  }
  return null;
}

function partyName(node: XmlNode | undefined): string {
  // v2–v5 name the party directly; v6+ wrap it in Pty.
  return textOf(child(node, 'Nm')) || textOf(at(node, ['Pty', 'Nm']));
}

function entryOf(entry: XmlNode, where: string): CamtEntry {
  const { cents, currency } = signed(entry, where);
  const details = children(child(entry, 'NtryDtls'), 'TxDtls');
  const references: string[] = [];
  const concept: string[] = [];
  let counterpartyName = '';
  for (const tx of details) {
    const parties = child(tx, 'RltdPties');
    counterpartyName ||= partyName(child(parties, cents >= 0 ? 'Dbtr' : 'Cdtr'));
    for (const line of children(child(tx, 'RmtInf'), 'Ustrd')) concept.push(textOf(line));
    for (const structured of children(child(tx, 'RmtInf'), 'Strd')) {
      references.push(textOf(at(structured, ['CdtrRefInf', 'Ref'])));
      for (const info of children(structured, 'AddtlRmtInf')) concept.push(textOf(info));
    }
    const refs = child(tx, 'Refs');
    for (const name of ['EndToEndId', 'InstrId', 'MsgId', 'PmtInfId', 'TxId']) {
      const value = textOf(child(refs, name));
      if (value !== '' && value !== 'NOTPROVIDED') references.push(value);
    }
    concept.push(textOf(child(tx, 'AddtlTxInf')));
  }
  concept.push(textOf(child(entry, 'AddtlNtryInf')));
  references.push(textOf(child(entry, 'NtryRef')), textOf(child(entry, 'AcctSvcrRef')));
  const code = child(entry, 'BkTxCd');
  const bankCode =
    [
      at(code, ['Domn', 'Cd']),
      at(code, ['Domn', 'Fmly', 'Cd']),
      at(code, ['Domn', 'Fmly', 'SubFmlyCd']),
    ]
      .map(textOf)
      .filter((part) => part !== '')
      .join('/') || textOf(at(code, ['Prtry', 'Cd']));
  const bookingDate = dateOf(child(entry, 'BookgDt'));
  const valueDate = dateOf(child(entry, 'ValDt')) || bookingDate;
  if (bookingDate === '' && valueDate === '') {
    throw new XmlFormatError(`${where}/BookgDt`, 'falta la fecha del apunte');
  }
  return {
    bookingDate: bookingDate || valueDate,
    valueDate,
    amountCents: cents,
    currency,
    bankCode,
    counterpartyName,
    concept: concept.filter((part) => part !== '').join(' '),
    references: references.filter((part) => part !== ''),
  };
}

function statementOf(statement: XmlNode, index: number): CamtStatement {
  const where = `Document/BkToCstmrStmt/Stmt[${index + 1}]`;
  const account = child(statement, 'Acct');
  const accountIban =
    textOf(at(account, ['Id', 'IBAN'])) || textOf(at(account, ['Id', 'Othr', 'Id']));
  if (accountIban === '') throw new XmlFormatError(`${where}/Acct/Id/IBAN`, 'falta la cuenta');
  const entries = children(statement, 'Ntry').map((entry, k) =>
    entryOf(entry, `${where}/Ntry[${k + 1}]`),
  );
  const period = child(statement, 'FrToDt');
  const dates = entries.map((entry) => entry.bookingDate).sort();
  const from = textOf(child(period, 'FrDtTm'));
  const to = textOf(child(period, 'ToDtTm'));
  const created = textOf(child(statement, 'CreDtTm'));
  const currency = textOf(child(account, 'Ccy')) || (entries[0]?.currency ?? '');
  const openingBalanceCents = balance(statement, ['OPBD', 'PRCD'], where);
  const closingBalanceCents = balance(statement, ['CLBD'], where);
  return {
    id: requiredText(statement, ['Id'], where),
    accountIban: accountIban.replace(/\s/g, ''),
    currency,
    fromDate: from
      ? isoDatePart(from, `${where}/FrToDt/FrDtTm`)
      : (dates[0] ?? isoDatePart(created, `${where}/CreDtTm`)),
    toDate: to
      ? isoDatePart(to, `${where}/FrToDt/ToDtTm`)
      : (dates[dates.length - 1] ?? isoDatePart(created, `${where}/CreDtTm`)),
    openingBalanceCents,
    closingBalanceCents,
    entries,
    warnings: warningsOf(currency, openingBalanceCents, closingBalanceCents, entries),
  };
}

function warningsOf(
  currency: string,
  opening: number | null,
  closing: number | null,
  entries: readonly CamtEntry[],
): StatementWarning[] {
  const warnings: StatementWarning[] = [];
  const foreign = entries.filter((entry) => entry.currency !== '' && entry.currency !== currency);
  const [first] = foreign;
  if (first) {
    warnings.push({
      code: 'foreign_currency',
      entries: foreign.length,
      currency: first.currency,
      accountCurrency: currency,
    });
  }
  if (opening !== null && closing !== null) {
    const expected = entries.reduce((sum, entry) => sum + entry.amountCents, opening);
    if (expected !== closing) {
      warnings.push({
        code: 'balance_mismatch',
        openingCents: opening,
        closingCents: closing,
        expectedClosingCents: expected,
      });
    }
  }
  return warnings;
}

export function parseCamt053(xml: string): CamtStatement[] {
  checkFileSize('camt053', xml.length);
  const document = child(parseXml(xml), 'Document');
  if (!document) throw new XmlFormatError('Document', 'no es un documento ISO 20022');
  const message = child(document, 'BkToCstmrStmt');
  if (!message) throw new XmlFormatError('Document/BkToCstmrStmt', 'no es un extracto camt.053');
  const statements = children(message, 'Stmt');
  if (statements.length === 0)
    throw new XmlFormatError('Document/BkToCstmrStmt/Stmt', 'no hay extractos');
  return statements.map(statementOf);
}
