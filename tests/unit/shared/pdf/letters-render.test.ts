// Every letter-type document rendered to PDF and to PNG pages (pdftoppm), in Spanish and English:
// the frame's parts are on the page, and the pictures are there to look at.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildDunningLetter, type DunningLetterInput } from '../../../../shared/pdf/dunning-letter';
import { buildCollectionDossier } from '../../../../shared/pdf/collection-dossier';
import { clientStatementDocument } from '../../../../shared/pdf/client-statement';
import { planAgreementDocument } from '../../../../shared/pdf/plan-agreement';
import { greetingFor } from '../../../../shared/pdf/letter-frame';
import {
  DEFAULT_DUNNING_TEMPLATES,
  fillTemplate,
} from '../../../../shared/domain/dunning-templates';
import type { CompanyProfile, Language } from '../../../../shared/domain/records';
import { formatEuros } from '../../../../shared/domain/money';
import { formatDate } from '../../../../shared/domain/dates';
import { translate } from '../../../../renderer/src/i18n';
import { renderPdfInNode } from '../../../support/render-pdf-node';
import { agreementInput, signaturePngDataUrl } from '../../../support/plan-agreement-fixture';
import {
  NEEDS_POPPLER,
  pdfPageCount,
  pdfText,
  pdfToPngs,
  popplerAvailable,
} from '../../../support/pdf-tools';

// Set LETTERS_PNG_DIR to keep the pages; otherwise they go to a temporary folder.
const pngDir = process.env.LETTERS_PNG_DIR ?? mkdtempSync(path.join(tmpdir(), 'cc-letters-'));
const squash = (text: string) => text.replace(/\s+/g, ' ');

const company: CompanyProfile = {
  name: 'Instalaciones Ebro S.L.',
  taxId: 'B50123454',
  address: 'Calle Predicadores 20',
  postalCode: '50003',
  city: 'Zaragoza',
  province: 'Zaragoza',
  email: 'cobros@instalacionesebro.es',
  phone: '976 000 111',
  iban: 'ES91 2100 0418 4502 0005 1332',
  logoDataUrl: null,
  signatoryName: 'María López Ruiz',
  signatoryRole: 'Administradora única',
  signatureDataUrl: signaturePngDataUrl(12),
};
const client = {
  name: 'Reformas Levante S.L.',
  taxId: 'B12345674',
  address: 'Avenida del Puerto 12, 3.º B',
  postalCode: '46023',
  city: 'Valencia',
  province: 'Valencia',
  email: 'admin@reformaslevante.es',
  phone: '961 000 222',
  contactPerson: 'Marta Ruiz Soler',
  contactTitle: 'sra' as const,
};

const lines = Array.from({ length: 3 }, (_, index) => ({
  number: `2026-0${41 + index}`,
  dueDate: `2026-0${7 + index}-15`,
  daysFromDue: 131 - 31 * index,
  claimCents: 1_210_00 + index * 100_00,
  interestCents: 44_12 - index * 10_00,
  compensationCents: 40_00,
}));
const principal = lines.reduce((sum, line) => sum + line.claimCents, 0);
const interest = lines.reduce((sum, line) => sum + line.interestCents, 0);

function reminder(language: Language, kind: 'friendly' | 'formal_demand'): DunningLetterInput {
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const template = DEFAULT_DUNNING_TEMPLATES[language][kind];
  const values = {
    greeting: greetingFor(client, language),
    client: client.contactPerson,
    company: company.name,
    // As reminder-draft.ts lists them: a due line under each invoice, indented, with an arrow.
    invoices: lines
      .map(
        (line) =>
          `- ${line.number}\n    ${translate(language, 'coll.reminder.dueLine', {
            due: formatDate(line.dueDate, locale),
            principal: formatEuros(line.claimCents, locale),
            from: formatDate(line.dueDate, locale),
            to: formatDate('2026-11-23', locale),
            days: line.daysFromDue,
            rate: language === 'es' ? '10,15' : '10.15',
            interest: formatEuros(line.interestCents, locale),
          })}`,
      )
      .join('\n'),
    total: formatEuros(principal, locale),
    days: '131',
    iban: company.iban,
    paymentLink: '',
    interest: formatEuros(interest, locale),
    compensation: formatEuros(120_00, locale),
    date: formatDate('2026-11-23', locale),
  };
  const claimInterest = kind === 'formal_demand';
  return {
    language,
    company,
    client,
    date: '2026-11-23',
    subject: fillTemplate(template.subject, values),
    body: fillTemplate(template.body, values),
    lines,
    claimInterest,
    totalCents: principal,
    interestCents: claimInterest ? interest : 0,
    compensationCents: claimInterest ? 120_00 : 0,
  };
}

const many = Array.from({ length: 26 }, (_, index) => ({
  number: `2025-${String(100 + index)}`,
  dueDate: '2026-03-31',
  daysFromDue: 237,
  claimCents: 150_00,
  interestCents: 9_88,
  compensationCents: 40_00,
}));

/** The burofax requerimiento, as legal-pdfs.ts builds it: the app's own demand text. */
function requerimiento(language: Language): DunningLetterInput {
  return {
    ...reminder(language, 'formal_demand'),
    client: { ...client, contactPerson: '', contactTitle: null },
    subject: translate(language, 'legal.demand.subject'),
    body: [
      translate(language, 'legal.demand.intro.ley3_2004', {
        total: formatEuros(
          many.length * (150_00 + 9_88 + 40_00),
          language === 'es' ? 'es-ES' : 'en-GB',
        ),
      }),
      translate(language, 'legal.demand.deadline', {
        deadline: '03/12/2026',
        days: 10,
        iban: company.iban,
      }),
      translate(language, 'legal.demand.next'),
      translate(language, 'legal.demand.interrupts'),
    ].join('\n\n'),
    // Enough invoices to need a second page.
    lines: many,
    totalCents: many.length * 150_00,
    interestCents: many.length * 9_88,
    compensationCents: many.length * 40_00,
  };
}

async function pages(definition: TDocumentDefinitions, label: string) {
  const bytes = await renderPdfInNode(definition);
  if (!existsSync(pngDir)) mkdirSync(pngDir, { recursive: true });
  pdfToPngs(bytes, path.join(pngDir, label));
  const count = pdfPageCount(bytes);
  const pngs = readdirSync(pngDir).filter(
    (name) => name.startsWith(`${label}-`) && name.endsWith('.png'),
  );
  expect(pngs).toHaveLength(count);
  return { text: squash(pdfText(bytes)), count };
}

describe.skipIf(!popplerAvailable)(
  `every letter-type document renders in the letter frame ${NEEDS_POPPLER}`,
  () => {
    for (const language of ['es', 'en'] as const) {
      const es = language === 'es';

      it(`${language}: the friendly reminder greets Sra. Ruiz and is signed by the administrator`, async () => {
        const { text, count } = await pages(
          buildDunningLetter(reminder(language, 'friendly')),
          `reminder-${language}`,
        );
        expect(count).toBe(1);
        expect(text).toContain(es ? 'Estimada Sra. Ruiz:' : 'Dear Ms Ruiz,');
        expect(text).toContain(es ? 'A/A Marta Ruiz Soler' : 'FAO Marta Ruiz Soler');
        expect(text).toContain(
          es ? 'Zaragoza, 23 de noviembre de 2026' : 'Zaragoza, 23 November 2026',
        );
        expect(text).toContain(es ? 'Ref.: facturas 2026-041' : 'Ref.: invoices 2026-041');
        expect(text).toContain(es ? 'Atentamente,' : 'Yours sincerely,');
        expect(text).toContain('María López Ruiz');
        expect(text).toContain('Administradora única · Instalaciones Ebro S.L.');
        expect(text).toContain(es ? 'Página 1 de 1' : 'Page 1 of 1');
        // The email's own sign-off is not printed twice.
        expect(text).not.toMatch(/Un saludo|Kind regards/);
        expect(text).not.toContain('Muy Sr');
        expect(text).not.toContain('→');
      });

      it(`${language}: the formal demand claims interest and the 40 € in the same frame`, async () => {
        const { text } = await pages(
          buildDunningLetter(reminder(language, 'formal_demand')),
          `formal-demand-${language}`,
        );
        expect(text).toContain(es ? 'Estimada Sra. Ruiz:' : 'Dear Ms Ruiz,');
        expect(text).toContain(es ? 'Total reclamado' : 'Total claimed');
        expect(text).toContain(es ? 'Atentamente,' : 'Yours sincerely,');
      });

      it(`${language}: the burofax requerimiento to a company without contact runs to two numbered pages`, async () => {
        const { text, count } = await pages(
          buildDunningLetter(requerimiento(language)),
          `requerimiento-${language}`,
        );
        expect(count).toBe(2);
        expect(text).toContain(es ? 'Estimados señores:' : 'Dear Sir or Madam,');
        expect(text).not.toContain('A/A');
        expect(text).toContain(es ? 'Página 1 de 2' : 'Page 1 of 2');
        expect(text).toContain(es ? 'Página 2 de 2' : 'Page 2 of 2');
        expect(text).toContain(es ? 'y 20 más' : 'and 20 more');
        expect(text).toContain(es ? 'Atentamente,' : 'Yours faithfully,');
        expect(text).toContain(es ? 'NIF B50123454' : 'Tax ID (NIF) B50123454');
        expect(text).not.toMatch(/cuenta —|account —/);
      });

      it(`${language}: the statement carries letterhead, recipient, date, footer and signature`, async () => {
        const { text } = await pages(
          clientStatementDocument({
            company,
            client,
            today: '2026-11-23',
            language,
            invoices: lines.map((line, index) => ({
              number: line.number,
              issueDate: line.dueDate,
              payableCents: line.claimCents,
              // The 200 € paid on 01/10 went to the first invoice.
              outstandingCents: line.claimCents - (index === 0 ? 200_00 : 0),
              nextDueDate: line.dueDate,
              lifecycle: 'issued' as const,
            })),
            payments: [{ date: '2026-10-01', amountCents: 200_00, reference: 'TRF 88' }],
          }),
          `statement-${language}`,
        );
        expect(text).toContain(es ? 'Extracto de cuenta' : 'Statement of account');
        expect(text).toContain(es ? 'A/A Marta Ruiz Soler' : 'FAO Marta Ruiz Soler');
        expect(text).toContain(es ? 'Página 1 de 1' : 'Page 1 of 1');
        expect(text).toContain('María López Ruiz');
      });

      it(`${language}: the agreement of a company with a representative and of a self-employed creditor`, async () => {
        const company = await pages(
          planAgreementDocument(agreementInput({ language })),
          `agreement-${language}`,
        );
        expect(company.text).toContain(
          es
            ? 'representada en este acto por Lucía Martín Pardo, en calidad de administradora única'
            : 'represented by Lucía Martín Pardo as administradora única',
        );
        expect(company.text).toMatch(es ? /Página 1 de \d/ : /Page 1 of \d/);
        const base = agreementInput({ language });
        const self = await pages(
          planAgreementDocument({
            ...base,
            creditor: {
              ...base.creditor,
              name: 'Lucía Martín Pardo',
              taxId: '12345678Z',
              signatory: { name: 'Lucía Martín Pardo', capacity: 'en su propio nombre' },
            },
          }),
          `agreement-self-${language}`,
        );
        expect(self.text).toContain(
          es
            ? 'Lucía Martín Pardo, con NIF 12345678Z y domicilio en Calle Alfonso I 14, 2.º, 50003 Zaragoza, que actúa en su propio nombre y derecho'
            : 'acting in their own name and on their own behalf',
        );
        expect(self.text).not.toMatch(/en calidad de en su|as in their own name/);
        expect(self.text).not.toMatch(/en nombre de Lucía|on behalf of Lucía/);
      });
    }

    it('es: the dossier for the lawyer has the letterhead, A/A, numbered pages and who prepared it', async () => {
      const { text } = await pages(
        buildCollectionDossier({
          company,
          client,
          date: '2026-11-23',
          lines,
          totalCents: principal,
          interestCents: interest,
          compensationCents: 120_00,
          contacts: [{ date: '2026-11-02', kind: 'Llamada', text: 'Promete pagar el viernes' }],
          demands: [
            { date: '2026-10-01', level: 'Recordatorio', channel: 'Email', amountCents: 36_30_00 },
          ],
        }),
        'dossier-es',
      );
      expect(text).toContain('Expediente de reclamación de deuda');
      expect(text).toContain('A/A Marta Ruiz Soler');
      expect(text).toContain('Preparado por');
      expect(text).toContain('María López Ruiz');
      expect(text).toMatch(/Página 1 de \d/);
    });
  },
);
