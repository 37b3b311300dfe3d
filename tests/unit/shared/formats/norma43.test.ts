import { describe, expect, it } from 'vitest';
import { Norma43ParseError, parseNorma43 } from '../../../../shared/formats/norma43';
import { hasSharedData, sharedBytes, sharedText } from '../../../support/shared-data';
import { account11, concept23, end33, movement22, norma43File } from './norma43-fixture';

const movements = [
  { date: '260305', amountCents: 121_000, concept: 'TRANSF TALLERES GARCIA FAC 2026-0001' },
  { date: '260310', amountCents: -4_550, concept: 'RECIBO LUZ' },
];

describe('parseNorma43 on files written from the layout', () => {
  it('reads the account, signed amounts and the concept lines', () => {
    const file = parseNorma43(norma43File(movements));
    const [account] = file.accounts;
    expect(account).toMatchObject({
      bankCode: '2100',
      branchCode: '0418',
      accountNumber: '0200051332',
      currency: 'EUR',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      initialBalanceCents: 100_000,
      finalBalanceCents: 100_000 + 121_000 - 4_550,
    });
    expect(
      account?.movements.map((m) => [m.operationDate, m.amountCents, m.extraInformation]),
    ).toEqual([
      ['2026-03-05', 121_000, ['TRANSF TALLERES GARCIA FAC 2026-0001']],
      ['2026-03-10', -4_550, ['RECIBO LUZ']],
    ]);
  });

  it('accepts trimmed short lines, LF endings and a last line without newline', () => {
    const text = norma43File(movements)
      .split('\r\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trimEnd();
    expect(parseNorma43(text).accounts[0]?.movements).toHaveLength(2);
  });

  it('accepts a file without 33 and 88 records', () => {
    const lines = [account11('260301', '260331', 0), movement22(movements[0]!), concept23('X')];
    expect(parseNorma43(lines.join('\n')).accounts[0]?.finalBalanceCents).toBe(121_000);
  });

  it('rejects totals in record 33 that do not match, naming the line', () => {
    const lines = [
      account11('260301', '260331', 0),
      movement22(movements[0]!),
      end33([movements[1]!], 0),
    ];
    try {
      parseNorma43(lines.join('\n'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Norma43ParseError);
      expect((error as Norma43ParseError).line).toBe(3);
    }
  });

  it('names the line of an unknown record or a broken amount', () => {
    const lines = norma43File(movements).split('\r\n');
    lines[1] = `${lines[1]!.slice(0, 30)}X${lines[1]!.slice(31)}`;
    const broken = lines.join('\r\n');
    expect(() => parseNorma43(broken)).toThrow(/Línea 2/);
    expect(() => parseNorma43('11xx\n99 basura')).toThrow(Norma43ParseError);
  });

  it('reads code page 850 bytes (Ñ = 0xA5) and Windows-1252 bytes', () => {
    const text = norma43File([{ date: '260305', amountCents: 500, concept: 'PEXA ESPAXA' }]);
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const dos = bytes.map((b, i) => (text[i] === 'X' ? 0xa5 : b));
    expect(parseNorma43(dos).accounts[0]?.movements[0]?.extraInformation).toEqual(['PEÑA ESPAÑA']);
    const win = bytes.map((b, i) => (text[i] === 'X' ? 0xd1 : b));
    expect(parseNorma43(win).accounts[0]?.movements[0]?.extraInformation).toEqual(['PEÑA ESPAÑA']);
  });

  it('reads DDMMYY dates when only that reading puts movements inside a short period', () => {
    const text = norma43File([{ date: '150326', amountCents: 500, concept: 'A' }]).replace(
      '260301260331',
      '010326310326',
    );
    expect(parseNorma43(text).accounts[0]?.movements[0]?.operationDate).toBe('2026-03-15');
  });
});

interface DerivedAccount {
  bank: string;
  account: string;
  start: string;
  end: string;
  movements: {
    op_date: string;
    value_date: string;
    amount: string;
    ref1: string;
    ref2: string;
    c23: { c1: string; c2: string }[];
  }[];
  check: { debits_ok: boolean; credits_ok: boolean; final_ok: boolean; computed_final: string };
}

const cents = (text: string) => Math.round(Number(text) * 100);

describe.skipIf(!hasSharedData)('parseNorma43 on the real sample files', () => {
  const samples = [
    ['oca_l10n-spain', 'testmulti'],
    ['oca_l10n-spain', 'test_same_lines'],
    ['oca_l10n-spain', 'test.RECONSTRUCTED-latin1'],
  ] as const;
  for (const [folder, name] of samples) {
    it(`matches the derived summary of ${name}.n43`, () => {
      const expected = JSON.parse(
        sharedText('norma43', folder, `${name}.expected-derived.json`),
      ) as {
        accounts: DerivedAccount[];
      };
      const parsed = parseNorma43(sharedBytes('norma43', folder, `${name}.n43`));
      expect(parsed.accounts).toHaveLength(expected.accounts.length);
      expected.accounts.forEach((want, index) => {
        const got = parsed.accounts[index]!;
        expect([got.bankCode, got.accountNumber, got.startDate, got.endDate]).toEqual([
          want.bank,
          want.account,
          want.start,
          want.end,
        ]);
        expect(got.finalBalanceCents).toBe(cents(want.check.computed_final));
        expect(
          got.movements.map((m) => [
            m.operationDate,
            m.valueDate,
            m.amountCents,
            m.reference1,
            m.reference2,
            m.extraInformation,
          ]),
        ).toEqual(
          want.movements.map((m) => [
            m.op_date,
            m.value_date,
            cents(m.amount),
            m.ref1,
            m.ref2,
            m.c23.flatMap((c) => [c.c1.trim(), c.c2.trim()]).filter((t) => t !== ''),
          ]),
        );
      });
    });
  }

  it('keeps both byte-identical movements of test_same_lines', () => {
    const parsed = parseNorma43(sharedBytes('norma43', 'oca_l10n-spain', 'test_same_lines.n43'));
    const [a, b] = parsed.accounts[0]!.movements;
    expect(a).toEqual(b);
    expect(parsed.accounts[0]!.movements).toHaveLength(2);
  });

  it('refuses example1.n43, whose record 33 does not match its movements, naming line 10', () => {
    expect(() =>
      parseNorma43(sharedBytes('norma43', 'sequra_norma43_parser', 'example1.n43')),
    ).toThrow(/Línea 10/);
  });

  it('reads example2.n43 and the Tryton c43.txt with balances that add up', () => {
    for (const path of [
      ['sequra_norma43_parser', 'example2.n43'],
      ['nan-tic_trytond_csb43', 'c43.txt'],
    ]) {
      const [account] = parseNorma43(sharedBytes('norma43', ...path)).accounts;
      const net = account!.movements.reduce((sum, m) => sum + m.amountCents, 0);
      expect(account!.finalBalanceCents).toBe(account!.initialBalanceCents + net);
      expect(account!.movements.length).toBeGreaterThan(0);
    }
  });
});

describe('Norma 43 without closing records', () => {
  it('still imports, and says which checks it could not make', () => {
    const lines = [account11('260301', '260331', 0), movement22(movements[0]!), concept23('X')];
    const file = parseNorma43(lines.join('\n'));
    expect(file.endRecord).toBe(false);
    expect(file.accounts[0]?.closingRecord).toBe(false);
    const complete = parseNorma43(norma43File(movements));
    expect(complete.endRecord).toBe(true);
    expect(complete.accounts[0]?.closingRecord).toBe(true);
  });

  it('refuses an impossible date, naming the line', () => {
    const lines = norma43File(movements).split('\r\n');
    lines[1] = (lines[1] ?? '').replace('260305', '261345');
    expect(() => parseNorma43(lines.join('\r\n'))).toThrow(/Línea 2: .*no es una fecha/);
  });
});
