import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditorIdOf, planDirectDebits } from '../../../../shared/domain/plan-direct-debits';
import { buildPain008 } from '../../../../shared/formats/pain008';
import type { MandateRecord } from '../../../../shared/domain/records';
import { isValidCreditorIdentifier } from '../../../../shared/domain/sepa-creditor-id';

const SAMPLES = '../shared/data/sepa_pain008';

const plan = (id: string, clientId: string, status: 'active' | 'broken' = 'active') => ({
  id,
  clientId,
  status,
  terms: undefined,
});

const installment = (planId: string, seq: number, dueDate: string, amountCents = 100_00) => ({
  id: `${planId}-${seq}`,
  planId,
  seq,
  dueDate,
  amountCents,
  paidCents: 0,
});

const mandate = (clientId: string, overrides: Partial<MandateRecord> = {}): MandateRecord => ({
  id: `m-${clientId}`,
  clientId,
  reference: `MND-${clientId}`,
  signatureDate: '2026-11-01',
  debtorIban: 'ES7620770024003102575766',
  debtorName: 'Construcciones Moncayo S.L.',
  status: 'active',
  createdAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

const cents = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>\\s*([0-9.]+)\\s*</${tag}>`, 'g'))].map((m) =>
    Math.round(Number(m[1]) * 100),
  );
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function fileOf(debits: ReturnType<typeof planDirectDebits>['debits']): string {
  return buildPain008({
    messageId: 'CC-20261123100000',
    createdAt: '2026-11-23T10:00:00',
    creditor: {
      name: 'Reformas Ebro S.L.',
      iban: 'ES9121000418450200051332',
      creditorId: creditorIdOf({ taxId: 'B50123454' }) ?? '',
    },
    debits,
  });
}

describe('plan direct debits', () => {
  it('collects the unpaid installments in the range, the mandate’s first one as FRST', () => {
    const { debits, skipped } = planDirectDebits({
      plans: [plan('p1', 'c1')],
      installments: [
        installment('p1', 1, '2026-11-25'),
        installment('p1', 2, '2026-12-25'),
        installment('p1', 3, '2027-01-25'),
      ],
      mandates: [mandate('c1')],
      from: '2026-11-24',
      to: '2026-12-31',
    });
    expect(skipped).toEqual([]);
    expect(debits.map((d) => [d.collectionDate, d.sequence])).toEqual([
      ['2026-11-25', 'FRST'],
      // 25 and 26 December are TARGET holidays, 27 a Sunday: collected on Monday 28.
      ['2026-12-28', 'RCUR'],
    ]);
  });

  it('a later run after the first collection only has RCUR debits', () => {
    const { debits } = planDirectDebits({
      plans: [plan('p1', 'c1')],
      installments: [installment('p1', 1, '2026-11-25'), installment('p1', 2, '2026-12-25')],
      mandates: [mandate('c1')],
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(debits.map((d) => d.sequence)).toEqual(['RCUR']);
  });

  it('skips plans whose client has no active mandate, and paid or broken plans', () => {
    const { debits, skipped } = planDirectDebits({
      plans: [plan('p1', 'c1'), plan('p2', 'c2'), plan('p3', 'c3', 'broken')],
      installments: [
        installment('p1', 1, '2026-11-25'),
        { ...installment('p2', 1, '2026-11-25'), paidCents: 100_00 },
        installment('p3', 1, '2026-11-25'),
      ],
      mandates: [mandate('c1', { status: 'revoked' }), mandate('c2'), mandate('c3')],
      from: '2026-11-24',
      to: '2026-12-31',
    });
    expect(debits).toEqual([]);
    expect(skipped).toEqual([{ planId: 'p1', reason: 'no_mandate' }]);
  });

  it('collects only what is left of a partly paid installment', () => {
    const { debits } = planDirectDebits({
      plans: [plan('p1', 'c1')],
      installments: [{ ...installment('p1', 1, '2026-11-25', 300_00), paidCents: 120_50 }],
      mandates: [mandate('c1')],
      from: '2026-11-24',
      to: '2026-11-30',
    });
    expect(debits[0]?.amountCents).toBe(179_50);
  });

  it('never presents an installment twice: a standing one is listed as presented, a returned one waits', () => {
    const sent = (seq: number, returnedDate: string | null, sequence: 'FRST' | 'RCUR') => ({
      fileName: 'recibos-sepa.xml',
      messageId: 'CC-1',
      presentedDate: '2026-11-20',
      collectionDate: `2026-1${seq}-25`,
      sequence,
      endToEndId: `p1-${seq}`,
      mandateId: 'MND-c1',
      amountCents: 100_00,
      returnedDate,
    });
    const rows = [
      { ...installment('p1', 1, '2026-11-25'), presentations: [sent(1, '2026-11-28', 'FRST')] },
      { ...installment('p1', 2, '2026-12-25'), presentations: [sent(2, null, 'FRST')] },
      installment('p1', 3, '2027-01-25'),
    ];
    const args = {
      plans: [plan('p1', 'c1')],
      mandates: [mandate('c1')],
      from: '2026-11-24',
      to: '2027-01-31',
    };
    const first = planDirectDebits({ ...args, installments: rows });
    expect(first.debits.map((d) => [d.installmentId, d.sequence])).toEqual([['p1-3', 'RCUR']]);
    expect(first.presented.map((row) => row.installmentId)).toEqual(['p1-2']);
    expect(first.returned).toEqual([{ installmentId: 'p1-1', returnedDate: '2026-11-28' }]);
    // Asked to present the returned one again: it goes, whatever the range.
    const again = planDirectDebits({
      ...args,
      from: '2027-01-01',
      installments: [{ ...rows[0]!, representRequested: true }, rows[1]!, rows[2]!],
    });
    expect(again.debits.map((d) => d.installmentId)).toEqual(['p1-1', 'p1-3']);
  });

  it('a returned first collection is presented again as FRST', () => {
    const { debits } = planDirectDebits({
      plans: [plan('p1', 'c1')],
      installments: [
        {
          ...installment('p1', 1, '2026-11-25'),
          representRequested: true,
          presentations: [
            {
              fileName: 'a.xml',
              messageId: 'CC-1',
              presentedDate: '2026-11-20',
              collectionDate: '2026-11-25',
              sequence: 'FRST' as const,
              endToEndId: 'p1-1',
              mandateId: 'MND-c1',
              amountCents: 100_00,
              returnedDate: '2026-11-28',
            },
          ],
        },
        installment('p1', 2, '2026-12-25'),
      ],
      mandates: [mandate('c1')],
      from: '2026-12-01',
      to: '2026-12-31',
      earliest: '2026-12-01',
    });
    expect(debits.map((d) => [d.installmentId, d.sequence, d.collectionDate, d.movedFrom])).toEqual(
      [
        ['p1-1', 'FRST', '2026-12-01', '2026-11-25'],
        ['p1-2', 'RCUR', '2026-12-28', null],
      ],
    );
  });

  it('a collection date before the earliest valid one moves forward to it', () => {
    const { debits } = planDirectDebits({
      plans: [plan('p1', 'c1')],
      installments: [installment('p1', 1, '2026-11-20'), installment('p1', 2, '2026-11-30')],
      mandates: [mandate('c1')],
      from: '2026-11-01',
      to: '2026-11-30',
      earliest: '2026-11-24',
    });
    expect(debits.map((d) => [d.collectionDate, d.movedFrom])).toEqual([
      ['2026-11-24', '2026-11-20'],
      ['2026-11-30', null],
    ]);
  });

  it('derives a valid creditor identifier from the company NIF and business code', () => {
    const id = creditorIdOf({ taxId: 'B50123454', sepaBusinessCode: 'a01' });
    expect(id).toMatch(/^ES\d\dA01B50123454$/);
    expect(isValidCreditorIdentifier(id ?? '')).toBe(true);
    expect(creditorIdOf({ taxId: '' })).toBeNull();
    expect(creditorIdOf({ taxId: 'B50123454', sepaBusinessCode: 'toolong' })).toBeNull();
  });

  it('gives no creditor identifier for a NIF whose control character is wrong', () => {
    expect(creditorIdOf({ taxId: 'B50123455' })).toBeNull();
    expect(creditorIdOf({ taxId: '12345678A' })).toBeNull();
    expect(creditorIdOf({ taxId: '12345678Z' })).toMatch(/^ES\d\d00012345678Z$/);
  });

  it('the file’s group and block totals always equal the sum of the debits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 3 }),
            cents: fc.integer({ min: 1, max: 5_000_00 }),
            client: fc.constantFrom('c1', 'c2'),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          const installments = rows.map((row, index) =>
            installment(`p-${row.client}`, index + 1, `2026-12-0${row.day + 1}`, row.cents),
          );
          const { debits } = planDirectDebits({
            plans: [plan('p-c1', 'c1'), plan('p-c2', 'c2')],
            installments,
            mandates: [mandate('c1'), mandate('c2', { reference: 'OTHER-2' })],
            from: '2026-12-01',
            to: '2026-12-31',
          });
          const xml = fileOf(debits);
          const [group, ...blocks] = cents(xml, 'CtrlSum');
          const amounts = cents(xml, 'InstdAmt');
          expect(sum(amounts)).toBe(sum(rows.map((row) => row.cents)));
          expect(group).toBe(sum(amounts));
          expect(sum(blocks)).toBe(group);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('our totals are consistent the same way as in the public sample files', () => {
    if (!existsSync(SAMPLES)) return;
    const files = readdirSync(SAMPLES).filter((name) => name.endsWith('.xml'));
    for (const name of files) {
      const xml = readFileSync(`${SAMPLES}/${name}`, 'utf8');
      const [group, ...blocks] = cents(xml, 'CtrlSum');
      const amounts = cents(xml, 'InstdAmt');
      expect(group, name).toBe(sum(amounts));
      expect(sum(blocks), name).toBe(group);
    }
  });

  it('writes each transaction with the same elements, in the same order, as the samples', () => {
    if (!existsSync(SAMPLES)) return;
    const children = (xml: string) =>
      [...(/<DrctDbtTxInf>([\s\S]*?)<\/DrctDbtTxInf>/.exec(xml)?.[1] ?? '').matchAll(/<(\w+)[ >]/g)]
        .map((match) => match[1])
        .filter((tag) =>
          ['PmtId', 'InstdAmt', 'DrctDbtTx', 'DbtrAgt', 'Dbtr', 'DbtrAcct', 'RmtInf'].includes(
            tag ?? '',
          ),
        );
    const { debits } = planDirectDebits({
      plans: [plan('p1', 'c1')],
      installments: [installment('p1', 1, '2026-11-25')],
      mandates: [mandate('c1')],
      from: '2026-11-24',
      to: '2026-11-30',
    });
    const ours = children(fileOf(debits));
    const sample = readFileSync(
      `${SAMPLES}/python-sepaxml_test_00800102_SAMPLE_RESULT.xml`,
      'utf8',
    );
    expect(ours).toEqual(children(sample));
  });
});
