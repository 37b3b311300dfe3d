import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import {
  closingFor,
  greetingFor,
  letterDocument,
  pageFooter,
  paragraphsOf,
  placeAndDate,
  recipientLines,
  referenceLine,
  senderGaps,
  signatureBlock,
  splitLetterBody,
  surnameOf,
  type LetterRecipient,
  type LetterSender,
} from '../../../../shared/pdf/letter-frame';

const company: LetterRecipient = {
  name: 'Reformas Levante S.L.',
  taxId: 'B12345674',
  address: 'Avenida del Puerto 12',
  postalCode: '46023',
  city: 'Valencia',
  province: 'Valencia',
};

const sender: LetterSender = {
  name: 'Instalaciones Ebro S.L.',
  taxId: 'B50123454',
  address: 'Calle Predicadores 20',
  postalCode: '50003',
  city: 'Zaragoza',
  province: 'Zaragoza',
};

/** Amounts use a no-break space before €: compared as plain spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** Every string a pdfmake node prints, in order. */
function textsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    return ['text', 'stack', 'columns'].flatMap((key) =>
      key in record ? textsOf(record[key]) : [],
    );
  }
  return [];
}

function imagesOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(imagesOf);
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const own = typeof record.image === 'string' ? [record.image] : [];
    return [...own, ...['stack', 'columns'].flatMap((key) => imagesOf(record[key]))];
  }
  return [];
}

describe('the greeting of a letter', () => {
  it('greets a contact with a known title by title and first surname', () => {
    const ruiz = { ...company, contactPerson: 'Marta Ruiz Soler', contactTitle: 'sra' as const };
    expect(greetingFor(ruiz, 'es')).toBe('Estimada Sra. Ruiz:');
    expect(greetingFor(ruiz, 'en')).toBe('Dear Ms Ruiz,');
    const perez = { ...company, contactPerson: 'Juan Pérez', contactTitle: 'sr' as const };
    expect(greetingFor(perez, 'es')).toBe('Estimado Sr. Pérez:');
    expect(greetingFor(perez, 'en')).toBe('Dear Mr Pérez,');
  });

  it('writes "Estimados señores:" to a company without a contact person or a known title', () => {
    expect(greetingFor(company, 'es')).toBe('Estimados señores:');
    expect(greetingFor(company, 'en')).toBe('Dear Sir or Madam,');
    // A named contact whose title is not known: the letter goes to the firm, A/A names the person.
    const unknown = { ...company, contactPerson: 'Andrea Gil Roca' };
    expect(greetingFor(unknown, 'es')).toBe('Estimados señores:');
    expect(greetingFor(unknown, 'es')).not.toMatch(/\//);
  });

  it('a self-employed client or a consumer with a title is greeted by their own name', () => {
    const autonomo = { ...company, name: 'Lucía Martín Pardo', contactTitle: 'sra' as const };
    expect(greetingFor(autonomo, 'es')).toBe('Estimada Sra. Martín:');
    const consumer = { ...company, name: 'Pedro Gómez', debtorKind: 'consumer' as const };
    expect(greetingFor(consumer, 'es')).toBe('Estimado cliente:');
    expect(greetingFor({ ...consumer, contactTitle: 'sr' }, 'es')).toBe('Estimado Sr. Gómez:');
  });

  it('takes the first surname, particles included', () => {
    expect(surnameOf('Marta Ruiz Soler')).toBe('Ruiz');
    expect(surnameOf('María José Ruiz Soler')).toBe('Ruiz');
    expect(surnameOf('Juan de la Cruz Pérez')).toBe('de la Cruz');
    expect(surnameOf('Ana García-Pérez')).toBe('García-Pérez');
    expect(surnameOf('  Ruiz ')).toBe('Ruiz');
  });

  it('closes "Atentamente," in Spanish and sincerely or faithfully in English', () => {
    const named = { ...company, contactPerson: 'Marta Ruiz Soler', contactTitle: 'sra' as const };
    expect(closingFor(named, 'es')).toBe('Atentamente,');
    expect(closingFor(company, 'es')).toBe('Atentamente,');
    expect(closingFor(named, 'en')).toBe('Yours sincerely,');
    expect(closingFor(company, 'en')).toBe('Yours faithfully,');
  });
});

describe('the parts of the frame', () => {
  it('the recipient block names the contact with "A/A" and the NIF', () => {
    expect(recipientLines({ ...company, contactPerson: 'Marta Ruiz Soler' }, 'es')).toEqual([
      'Reformas Levante S.L.',
      'A/A Marta Ruiz Soler',
      'NIF B12345674',
      'Avenida del Puerto 12',
      '46023 Valencia',
    ]);
    expect(recipientLines(company, 'en')[1]).toBe('Tax ID (NIF) B12345674');
  });

  it('place and date read as in a letter, without a UTC round trip', () => {
    expect(placeAndDate('Zaragoza', '2026-11-23', 'es')).toBe('Zaragoza, 23 de noviembre de 2026');
    expect(placeAndDate('Zaragoza', '2027-01-01', 'en')).toBe('Zaragoza, 1 January 2027');
    expect(placeAndDate('', '2026-12-31', 'es')).toBe('31 de diciembre de 2026');
  });

  it('the reference line names the invoices and their amounts, the rest counted', () => {
    expect(
      plain(referenceLine([{ number: '2026-001', amountCents: 100_000 }], 100_000, 'es')),
    ).toBe('Ref.: factura 2026-001 (1.000,00 €)');
    expect(
      plain(
        referenceLine(
          [
            { number: '2026-001', amountCents: 100_000 },
            { number: '2026-002', amountCents: 23_456 },
          ],
          123_456,
          'es',
        ),
      ),
    ).toBe('Ref.: facturas 2026-001 (1.000,00 €) y 2026-002 (234,56 €) · total 1.234,56 €');
    const many = Array.from({ length: 9 }, (_, i) => ({
      number: `A-${i + 1}`,
      amountCents: 1000,
    }));
    const line = referenceLine(many, 9000, 'en');
    expect(line).toMatch(/^Ref\.: invoices A-1 \(.+\), .* A-6 \(/);
    expect(line).toMatch(/and 3 more · total/);
    expect(line).not.toContain('A-7');
  });

  it('footers read "Página 1 de 2" / "Page 2 of 2", with an optional note', () => {
    expect(textsOf(pageFooter('es')(1, 2))).toEqual(['Página 1 de 2']);
    expect(textsOf(pageFooter('en')(2, 2))).toEqual(['Page 2 of 2']);
    expect(textsOf(pageFooter('es', 'PP-2026-0003')(3, 4))).toEqual([
      'PP-2026-0003',
      'Página 3 de 4',
    ]);
  });

  it('the signature block carries the signatory, their capacity, the company, the NIF and the saved image', () => {
    const signed: LetterSender = {
      ...sender,
      signatoryName: 'María López Ruiz',
      signatoryRole: 'Administradora única',
      signatureDataUrl: 'data:image/png;base64,AAAA',
    };
    const block: Content = signatureBlock(signed, 'es', 'Atentamente,');
    expect(textsOf(block)).toEqual([
      'Atentamente,',
      'María López Ruiz',
      'Administradora única · Instalaciones Ebro S.L.',
      'NIF B50123454',
    ]);
    expect(imagesOf(block)).toEqual(['data:image/png;base64,AAAA']);
  });

  it('a self-employed sender signs with their own name and NIF; without an image there is room to sign', () => {
    const self: LetterSender = { ...sender, name: 'Lucía Martín Pardo', taxId: '12345678Z' };
    const block = signatureBlock(self, 'en', null);
    expect(textsOf(block).filter((text) => text.trim() !== '')).toEqual([
      'Lucía Martín Pardo',
      'Tax ID (NIF) 12345678Z',
    ]);
    expect(imagesOf(block)).toEqual([]);
  });

  it('a whole letter: letterhead, recipient, date, subject, reference, greeting, body, closing, signature', () => {
    const definition = letterDocument({
      language: 'es',
      sender: { ...sender, signatoryName: 'María López Ruiz' },
      recipient: { ...company, contactPerson: 'Marta Ruiz Soler', contactTitle: 'sra' },
      date: '2026-11-23',
      subject: 'Requerimiento de pago',
      reference: 'Ref.: factura 2026-001 (1.000,00 €)',
      body: [{ text: 'Por la presente le requerimos el pago.' }],
    });
    const texts = textsOf(definition.content)
      .map(plain)
      .filter((text) => text.trim() !== '');
    const order = [
      'Instalaciones Ebro S.L.',
      'Reformas Levante S.L.',
      'A/A Marta Ruiz Soler',
      'Zaragoza, 23 de noviembre de 2026',
      'Asunto: Requerimiento de pago',
      'Ref.: factura 2026-001 (1.000,00 €)',
      'Estimada Sra. Ruiz:',
      'Por la presente le requerimos el pago.',
      'Atentamente,',
      'María López Ruiz',
    ].map((text) => texts.indexOf(text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('an email body in the frame', () => {
  it('keeps the greeting the person wrote and drops the sign-off the frame prints itself', () => {
    const body =
      'Estimada Sra. Ruiz:\n\nLe recordamos las facturas.\n- 2026-001\n\nSi ya lo ha pagado, ignore este mensaje.\n\nUn saludo,\nInstalaciones Ebro S.L.';
    expect(splitLetterBody(body, 'Instalaciones Ebro S.L.')).toEqual({
      greeting: 'Estimada Sra. Ruiz:',
      paragraphs: [
        'Le recordamos las facturas.\n- 2026-001',
        'Si ya lo ha pagado, ignore este mensaje.',
      ],
    });
  });

  it('a body without greeting or sign-off is kept whole', () => {
    const body = 'Por medio de la presente le requerimos el pago.\n\nLe concedemos 10 días.';
    expect(splitLetterBody(body, 'Instalaciones Ebro S.L.')).toEqual({
      greeting: null,
      paragraphs: ['Por medio de la presente le requerimos el pago.', 'Le concedemos 10 días.'],
    });
  });

  it('a last paragraph that only shares the company name keeps its text', () => {
    const body = 'Hola:\n\nPagar a la cuenta de la empresa.\nAtentamente,\nEbro S.L.';
    expect(splitLetterBody(body, 'Ebro S.L.').paragraphs).toEqual([
      'Pagar a la cuenta de la empresa.',
    ]);
  });
});

describe('body paragraphs', () => {
  it('keep the indent of a due line and print no glyph Roboto lacks', () => {
    expect(paragraphsOf(['- 2026-041\n    vencimiento 14/08/2026: 1.210,00 € → 33,98 €'])).toEqual([
      {
        text: '- 2026-041\n    vencimiento 14/08/2026: 1.210,00 € = 33,98 €',
        preserveLeadingSpaces: true,
        margin: [0, 0, 0, 8],
      },
    ]);
  });
});

describe('what a demand cannot go without', () => {
  it('names the sender fields that are missing', () => {
    expect(senderGaps({ ...sender, iban: 'ES91 2100 0418 4502 0005 1332' })).toEqual([]);
    expect(senderGaps({ name: '', taxId: '', address: '', city: '', iban: '' })).toEqual([
      'name',
      'taxId',
      'address',
      'iban',
    ]);
    expect(senderGaps({ ...sender, city: ' ', iban: 'ES91' })).toEqual(['address']);
  });
});
