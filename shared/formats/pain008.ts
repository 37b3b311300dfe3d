// SEPA direct debit initiation, pain.008.001.02 (Cuaderno 19.14 XML): one payment block per collection date and sequence.
import { isCalendarDate, type CalendarDate } from '../domain/dates';
import { validateIban } from '../domain/iban';
import { isValidCreditorIdentifier } from '../domain/sepa-creditor-id';

export type SequenceType = 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';

export interface DirectDebitInput {
  endToEndId: string;
  amountCents: number;
  collectionDate: CalendarDate;
  sequence: SequenceType;
  mandateId: string;
  mandateSignatureDate: CalendarDate;
  debtorName: string;
  debtorIban: string;
  debtorBic?: string;
  remittance: string;
}

export interface DirectDebitFileInput {
  messageId: string;
  /** Local date and time of creation, `YYYY-MM-DDTHH:MM:SS`. */
  createdAt: string;
  creditor: { name: string; iban: string; bic?: string; creditorId: string };
  debits: readonly DirectDebitInput[];
}

export class DirectDebitFileError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'DirectDebitFileError';
  }
}

const MAX_AMOUNT_CENTS = 99_999_999_999;
const ID_SHAPE = /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/;

const KEPT_LETTERS = new Set(['ñ', 'Ñ', 'ç', 'Ç']);

/** The SEPA character set, plus the Spanish letters Cuaderno 19.14 accepts (Ñ, ñ, Ç, ç). */
export function toSepaText(text: string, maxLength: number): string {
  return [...text]
    .map((char) =>
      KEPT_LETTERS.has(char) ? char : char.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    )
    .join('')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ñÑçÇ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function amount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function checkIban(field: string, iban: string): string {
  const { valid, normalized } = validateIban(iban);
  if (!valid) throw new DirectDebitFileError(field, `"${iban}" is not a valid IBAN`);
  return normalized;
}

function checkId(field: string, id: string): void {
  if (!ID_SHAPE.test(id))
    throw new DirectDebitFileError(field, `"${id}" must be 1–35 SEPA characters`);
}

function validate(input: DirectDebitFileInput): void {
  checkId('messageId', input.messageId);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(input.createdAt)) {
    throw new DirectDebitFileError('createdAt', 'must be YYYY-MM-DDTHH:MM:SS');
  }
  checkIban('creditor.iban', input.creditor.iban);
  if (!isValidCreditorIdentifier(input.creditor.creditorId)) {
    throw new DirectDebitFileError(
      'creditor.creditorId',
      `"${input.creditor.creditorId}" is not a valid creditor identifier`,
    );
  }
  if (input.debits.length === 0)
    throw new DirectDebitFileError('debits', 'there is nothing to collect');
  input.debits.forEach((debit, index) => {
    const field = (name: string) => `debits.${index}.${name}`;
    checkId(field('endToEndId'), debit.endToEndId);
    checkId(field('mandateId'), debit.mandateId);
    checkIban(field('debtorIban'), debit.debtorIban);
    if (
      !Number.isSafeInteger(debit.amountCents) ||
      debit.amountCents <= 0 ||
      debit.amountCents > MAX_AMOUNT_CENTS
    ) {
      throw new DirectDebitFileError(
        field('amountCents'),
        'must be a positive amount up to 999.999.999,99 €',
      );
    }
    if (!isCalendarDate(debit.collectionDate))
      throw new DirectDebitFileError(field('collectionDate'), 'is not a date');
    if (
      !isCalendarDate(debit.mandateSignatureDate) ||
      debit.mandateSignatureDate > debit.collectionDate
    ) {
      throw new DirectDebitFileError(
        field('mandateSignatureDate'),
        'must be a date no later than the collection',
      );
    }
    if (toSepaText(debit.debtorName, 70) === '')
      throw new DirectDebitFileError(field('debtorName'), 'is required');
  });
}

function agent(bic: string | undefined): string {
  return bic
    ? `<FinInstnId><BIC>${escapeXml(bic)}</BIC></FinInstnId>`
    : '<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>';
}

function transaction(debit: DirectDebitInput): string {
  return [
    '<DrctDbtTxInf>',
    `<PmtId><EndToEndId>${escapeXml(debit.endToEndId)}</EndToEndId></PmtId>`,
    `<InstdAmt Ccy="EUR">${amount(debit.amountCents)}</InstdAmt>`,
    `<DrctDbtTx><MndtRltdInf><MndtId>${escapeXml(debit.mandateId)}</MndtId><DtOfSgntr>${debit.mandateSignatureDate}</DtOfSgntr></MndtRltdInf></DrctDbtTx>`,
    `<DbtrAgt>${agent(debit.debtorBic)}</DbtrAgt>`,
    `<Dbtr><Nm>${escapeXml(toSepaText(debit.debtorName, 70))}</Nm></Dbtr>`,
    `<DbtrAcct><Id><IBAN>${validateIban(debit.debtorIban).normalized}</IBAN></Id></DbtrAcct>`,
    `<RmtInf><Ustrd>${escapeXml(toSepaText(debit.remittance, 140))}</Ustrd></RmtInf>`,
    '</DrctDbtTxInf>',
  ].join('');
}

/** Debits grouped by collection date and sequence type, in date order: one PmtInf each. */
export function groupDebits(debits: readonly DirectDebitInput[]): DirectDebitInput[][] {
  const groups = new Map<string, DirectDebitInput[]>();
  for (const debit of debits) {
    const key = `${debit.collectionDate}|${debit.sequence}`;
    groups.set(key, [...(groups.get(key) ?? []), debit]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
}

const sumCents = (debits: readonly DirectDebitInput[]) =>
  debits.reduce((sum, debit) => sum + debit.amountCents, 0);

export function buildPain008(input: DirectDebitFileInput): string {
  validate(input);
  const creditorName = escapeXml(toSepaText(input.creditor.name, 70));
  const creditorId = escapeXml(input.creditor.creditorId.toUpperCase());
  const blocks = groupDebits(input.debits).map((group, index) => {
    const first = group[0] as DirectDebitInput;
    return [
      '<PmtInf>',
      `<PmtInfId>${escapeXml(`${input.messageId}`.slice(0, 30))}-${index + 1}</PmtInfId>`,
      '<PmtMtd>DD</PmtMtd><BtchBookg>true</BtchBookg>',
      `<NbOfTxs>${group.length}</NbOfTxs><CtrlSum>${amount(sumCents(group))}</CtrlSum>`,
      `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>${first.sequence}</SeqTp></PmtTpInf>`,
      `<ReqdColltnDt>${first.collectionDate}</ReqdColltnDt>`,
      `<Cdtr><Nm>${creditorName}</Nm></Cdtr>`,
      `<CdtrAcct><Id><IBAN>${validateIban(input.creditor.iban).normalized}</IBAN></Id></CdtrAcct>`,
      `<CdtrAgt>${agent(input.creditor.bic)}</CdtrAgt>`,
      '<ChrgBr>SLEV</ChrgBr>',
      `<CdtrSchmeId><Id><PrvtId><Othr><Id>${creditorId}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>`,
      ...group.map(transaction),
      '</PmtInf>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<CstmrDrctDbtInitn>',
    `<GrpHdr><MsgId>${escapeXml(input.messageId)}</MsgId><CreDtTm>${input.createdAt}</CreDtTm>`,
    `<NbOfTxs>${input.debits.length}</NbOfTxs><CtrlSum>${amount(sumCents(input.debits))}</CtrlSum>`,
    `<InitgPty><Nm>${creditorName}</Nm><Id><OrgId><Othr><Id>${creditorId}</Id></Othr></OrgId></Id></InitgPty></GrpHdr>`,
    ...blocks,
    '</CstmrDrctDbtInitn>',
    '</Document>',
    '',
  ].join('\n');
}
