import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  buildPain008,
  toSepaText,
  type DirectDebitFileInput,
  type DirectDebitInput,
} from '../../../../shared/formats/pain008';

const SAMPLE = '../shared/data/sepa_pain008/python-sepaxml_test_00800102_SAMPLE_RESULT.xml';

function debit(overrides: Partial<DirectDebitInput> = {}): DirectDebitInput {
  return {
    endToEndId: 'PLAN-7-PLAZO-1',
    amountCents: 25_050,
    collectionDate: '2026-12-05',
    sequence: 'FRST',
    mandateId: 'CC-0001',
    mandateSignatureDate: '2026-11-01',
    debtorName: 'Panadería La Espiga S.L.',
    debtorIban: 'ES91 2100 0418 4502 0005 1332',
    remittance: 'Plazo 1 de 4, plan de pagos 7 (facturas 2026-001, 2026-002)',
    ...overrides,
  };
}

function file(debits: DirectDebitInput[]): DirectDebitFileInput {
  return {
    messageId: 'CC-20261123-0001',
    createdAt: '2026-11-23T10:15:00',
    creditor: {
      name: 'Talleres Hermanos García S.L.',
      iban: 'ES7620770024003102575766',
      creditorId: 'ES11000B12345674',
    },
    debits,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name),
});

interface ParsedTx {
  InstdAmt: { '#text': number | string };
}
interface ParsedBlock {
  NbOfTxs: number;
  CtrlSum: number | string;
  ReqdColltnDt: string;
  PmtTpInf: { SeqTp: string };
  DrctDbtTxInf: ParsedTx[];
}
interface ParsedFile {
  Document: {
    CstmrDrctDbtInitn: {
      GrpHdr: { NbOfTxs: number; CtrlSum: number | string };
      PmtInf: ParsedBlock[];
    };
  };
}

function cents(value: number | string): number {
  return Math.round(Number(value) * 100);
}

describe('pain.008.001.02 direct debit file', () => {
  it('groups debits by collection date and sequence with consistent counts and sums', () => {
    const xml = buildPain008(
      file([
        debit(),
        debit({ endToEndId: 'PLAN-7-PLAZO-2', collectionDate: '2027-01-05', sequence: 'RCUR' }),
        debit({ endToEndId: 'PLAN-9-PLAZO-1', amountCents: 10_000, mandateId: 'CC-0002' }),
      ]),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml) as ParsedFile;
    const root = parsed.Document.CstmrDrctDbtInitn;
    expect(root.GrpHdr.NbOfTxs).toBe(3);
    expect(cents(root.GrpHdr.CtrlSum)).toBe(60_100);
    expect(
      root.PmtInf.map((block) => [block.ReqdColltnDt, block.PmtTpInf.SeqTp, block.NbOfTxs]),
    ).toEqual([
      ['2026-12-05', 'FRST', 2],
      ['2027-01-05', 'RCUR', 1],
    ]);
    expect(cents(root.PmtInf[0]?.CtrlSum ?? 0)).toBe(35_050);
  });

  it('keeps every group total equal to the sum of its transactions', () => {
    const anyDebit = fc.record({
      amountCents: fc.integer({ min: 1, max: 5_000_000 }),
      day: fc.integer({ min: 1, max: 28 }),
      sequence: fc.constantFrom<'FRST' | 'RCUR'>('FRST', 'RCUR'),
    });
    fc.assert(
      fc.property(fc.array(anyDebit, { minLength: 1, maxLength: 20 }), (specs) => {
        const debits = specs.map((spec, index) =>
          debit({
            endToEndId: `E2E-${index}`,
            amountCents: spec.amountCents,
            collectionDate: `2026-12-${String(spec.day).padStart(2, '0')}`,
            sequence: spec.sequence,
          }),
        );
        const root = (parser.parse(buildPain008(file(debits))) as ParsedFile).Document
          .CstmrDrctDbtInitn;
        const total = specs.reduce((sum, spec) => sum + spec.amountCents, 0);
        expect(cents(root.GrpHdr.CtrlSum)).toBe(total);
        for (const block of root.PmtInf) {
          const sum = block.DrctDbtTxInf.reduce((acc, tx) => acc + cents(tx.InstdAmt['#text']), 0);
          expect(cents(block.CtrlSum)).toBe(sum);
          expect(block.NbOfTxs).toBe(block.DrctDbtTxInf.length);
        }
      }),
    );
  });

  it('refuses a file with an invalid debtor IBAN, naming the debit', () => {
    expect(() => buildPain008(file([debit(), debit({ debtorIban: 'ES00 1234' })]))).toThrow(
      /debits\.1\.debtorIban/,
    );
  });

  it('refuses a mandate signed after the collection date', () => {
    expect(() => buildPain008(file([debit({ mandateSignatureDate: '2027-01-01' })]))).toThrow(
      /mandateSignatureDate/,
    );
  });

  it('writes names in the SEPA character set, keeping the Spanish letters banks accept', () => {
    expect(toSepaText('Panadería «La Espiga» & Cía. Ñandú', 70)).toBe(
      'Panaderia La Espiga Cia. Ñandu',
    );
  });

  it('orders the elements of a payment block like a real pain.008.001.02 file', () => {
    if (!existsSync(SAMPLE)) return;
    const order = (xml: string) =>
      [...(/<PmtInf>([\s\S]*?)<DrctDbtTxInf>/.exec(xml)?.[1] ?? '').matchAll(/<(\w+)[ >]/g)]
        .map((match) => match[1])
        .filter((name) =>
          [
            'PmtInfId',
            'PmtMtd',
            'NbOfTxs',
            'CtrlSum',
            'PmtTpInf',
            'ReqdColltnDt',
            'Cdtr',
            'CdtrAcct',
            'CdtrAgt',
            'ChrgBr',
            'CdtrSchmeId',
          ].includes(name ?? ''),
        );
    expect(order(buildPain008(file([debit()])))).toEqual(order(readFileSync(SAMPLE, 'utf8')));
  });
});
