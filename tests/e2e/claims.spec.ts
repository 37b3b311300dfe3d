// Claims a court would accept (issue 18): only dues past their date, nothing prescribed unless
// chosen, the consumer's law, and prescription following the MASC attempt and the requerimiento.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fillCompany, openAppOn } from './support/app-actions';
import { popplerAvailable, reportPopplerSkip } from '../support/pdf-tools';

const SCREENSHOTS = 'tests/e2e/screenshots';
const squash = (text: string) => text.replace(/\s+/g, ' ');

async function newClient(
  page: Page,
  client: { name: string; taxId: string; contact?: string; city?: string; consumer?: boolean },
) {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(client.name);
  await dialog.getByLabel('NIF, NIE o CIF').fill(client.taxId);
  if (client.contact) await dialog.getByLabel(/Persona de contacto/).fill(client.contact);
  if (client.city) await dialog.getByLabel(/Población/).fill(client.city);
  if (client.consumer) {
    await dialog.getByLabel('Tipo de cliente').selectOption({ label: 'Particular (consumidor)' });
  }
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
}

async function newInvoice(page: Page, number: string, issued: string, dues: [string, string][]) {
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill(number);
  await invoice.getByLabel('Fecha de emisión').fill(issued);
  const total = dues.reduce((sum, [, amount]) => sum + Number(amount.replace(',', '.')), 0);
  await invoice.getByLabel('Base imponible (€)').fill(total.toFixed(2).replace('.', ','));
  await invoice.getByLabel('IVA (%)').selectOption('0');
  for (const [index, [date, amount]] of dues.entries()) {
    if (index > 0) await invoice.getByRole('button', { name: 'Añadir vencimiento' }).click();
    await invoice.getByLabel(`Fecha de vencimiento ${index + 1}`).fill(date);
    await invoice.getByLabel(`Importe (€) ${index + 1}`).fill(amount);
  }
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();
}

async function recordStep(
  page: Page,
  step: { kind: string; date: string; channel: string; invoices?: string[] },
) {
  const legal = page.getByTestId('client-legal');
  await legal.getByRole('button', { name: 'Registrar paso' }).click();
  const dialog = page.getByTestId('legal-dialog');
  await dialog.getByLabel('Tipo de paso').selectOption({ label: step.kind });
  await dialog.getByLabel(/Fecha/).fill(step.date);
  await dialog.getByLabel(/Canal/).fill(step.channel);
  for (const number of step.invoices ?? []) await dialog.getByLabel(number).check();
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
}

/** Clicks a button that saves a PDF, keeps the file, renders its first page and returns its text. */
async function pdfOf(page: Page, click: () => Promise<void>, name: string): Promise<string | null> {
  // Only a PDF: the monitorio bundle also saves its JSON index, which may arrive after its PDF
  // and must not be taken for the next document's download.
  const [download] = await Promise.all([
    page.waitForEvent('download', (candidate) => candidate.suggestedFilename().endsWith('.pdf')),
    click(),
  ]);
  const file = `${SCREENSHOTS}/${name}.pdf`;
  await download.saveAs(file);
  if (!popplerAvailable) {
    reportPopplerSkip(`The ${name} PDF text check`);
    return null;
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SCREENSHOTS}/${name}`]);
  return squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

test('a three-due invoice is claimed due by due, a prescribed one only by choice, and Hoy’s friendly notice is that notice', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await fillCompany(page);
  await newClient(page, {
    name: 'Bodegas Somontano S.L.',
    taxId: 'B12345674',
    contact: 'Marta Pueyo',
    city: 'Barbastro',
  });
  // 3.630 € in three dues: only the first (31/10) is due on 23/11.
  await newInvoice(page, '2026-100', '01/10/2026', [
    ['31/10/2026', '1210,00'],
    ['30/11/2026', '1210,00'],
    ['31/12/2026', '1210,00'],
  ]);
  // Due in 3 days: a friendly notice, never in a demand.
  await newInvoice(page, '2026-120', '27/10/2026', [['26/11/2026', '800,00']]);
  // Due in 2013: prescribed (five years, no interruption).
  await newInvoice(page, '2013-015', '01/05/2013', [['31/05/2013', '500,00']]);

  const claim = page.getByTestId('legal-claim');
  const rows = claim.getByTestId('legal-claim-invoice');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2026-100 · vencimiento 1 de 3');
  await expect(rows.first()).toContainText('1.210,00 €');
  // 1.210 € × 10,15 % × 23 / 365 = 7,74 €, and the 40 €.
  await expect(claim.getByTestId('legal-claim-total')).toHaveText(
    /1\.210,00\s€ \+ 7,74\s€ \+ 40,00\s€ = 1\.257,74\s€/,
  );
  const prescribed = claim.getByTestId('legal-prescribed');
  await expect(prescribed).toContainText('2013-015');
  await expect(prescribed.getByRole('checkbox')).not.toBeChecked();
  await claim.scrollIntoViewIfNeeded();
  await claim.screenshot({ path: `${SCREENSHOTS}/claims-01-three-dues.png` });

  const legal = page.getByTestId('client-legal');
  const demand = await pdfOf(
    page,
    () => legal.getByTestId('legal-demand-pdf').click(),
    'claims-02-demand',
  );
  if (demand) {
    expect(demand).toContain('A/A Marta Pueyo');
    expect(demand).toContain('2026-100 · vencimiento 1 de 3 31/10/2026 23 1.210,00 € 7,74 €');
    expect(demand).toContain('1.210,00 € del 01/11/2026 al 23/11/2026 al 10,15 %');
    expect(demand).not.toContain('2026-120');
    expect(demand).not.toContain('2013-015');
    expect(demand).not.toContain('3.630');
    expect(demand).toContain('Total reclamado 1.257,74 €');
    expect(demand).toContain(
      'Este requerimiento interrumpe la prescripción de las deudas reclamadas',
    );
    // The letter frame's signature block: closing, who signs and the NIF.
    expect(demand).toContain('Atentamente, Reformas Ebro S.L. NIF B50123454');
  }

  // Claiming the prescribed invoice is an explicit choice: principal only, explained in the letter.
  await prescribed.getByRole('checkbox').check();
  await expect(rows).toHaveCount(2);
  await expect(claim.getByTestId('legal-claim-total')).toHaveText(
    /1\.710,00\s€ \+ 7,74\s€ \+ 40,00\s€ = 1\.757,74\s€/,
  );
  const chosen = await pdfOf(
    page,
    () => legal.getByTestId('legal-demand-pdf').click(),
    'claims-03-demand-prescribed',
  );
  if (chosen) {
    expect(chosen).toContain('2013-015 (prescrita: sin intereses) 31/05/2013');
    expect(chosen).toContain(
      'las marcadas como prescritas se reclaman sin intereses ni indemnización',
    );
    expect(chosen).not.toContain('interrumpe la prescripción de las deudas reclamadas (art. 1973');
  }
  await prescribed.getByRole('checkbox').uncheck();

  const bundle = await pdfOf(
    page,
    () => legal.getByTestId('legal-bundle-pdf').click(),
    'claims-04-monitorio',
  );
  if (bundle) {
    expect(bundle).toContain('Juzgado de Primera Instancia de Barbastro');
    expect(bundle).toContain('art. 814.2 LEC');
    expect(bundle).toContain('2026-100 · vencimiento 1 de 3 31/10/2026 23 1.210,00 €');
    expect(bundle).not.toContain('2013-015');
    expect(bundle).toContain('Cuantía total reclamada 1.257,74 €');
  }

  // Hoy: "Enviar aviso amable" for the invoice due in 3 days opens that notice, for that invoice.
  await page.getByRole('link', { name: 'Hoy' }).click();
  const soon = page.locator('[data-testid="work-item"][data-kind="due_soon"]');
  await soon.getByRole('button', { name: 'Enviar aviso amable' }).click();
  const reminder = page.getByTestId('reminder-dialog');
  const message = reminder.getByLabel('Mensaje', { exact: true });
  await expect(message).toHaveValue(/2026-120/);
  await expect(message).not.toHaveValue(/2026-100|2013-015/);
  await page.screenshot({ path: `${SCREENSHOTS}/claims-05-friendly-notice.png` });
});

test('a consumer owes the interés legal del dinero from the demand, and no 40 €', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await fillCompany(page);
  await newClient(page, { name: 'Lucía Gil Sanz', taxId: '12345678Z', consumer: true });
  await newInvoice(page, '2026-080', '01/08/2026', [['31/08/2026', '1210,00']]);
  const claim = page.getByTestId('legal-claim');
  await expect(claim.getByTestId('legal-claim-law')).toContainText('particular (consumidor)');
  // No demand yet: no interest, no 40 €.
  await expect(claim.getByTestId('legal-claim-total')).toHaveText(
    /1\.210,00\s€ \+ 0,00\s€ \+ 0,00\s€ = 1\.210,00\s€/,
  );
  await recordStep(page, {
    kind: 'Requerimiento de pago',
    date: '2026-09-23',
    channel: 'burofax',
  });
  // 1.210 € × 3,25 % × 61 days (24/09–23/11) / 365 = 6,57 €.
  await expect(claim.getByTestId('legal-claim-total')).toHaveText(
    /1\.210,00\s€ \+ 6,57\s€ \+ 0,00\s€ = 1\.216,57\s€/,
  );
  await claim.scrollIntoViewIfNeeded();
  await claim.screenshot({ path: `${SCREENSHOTS}/claims-06-consumer.png` });
  const demand = await pdfOf(
    page,
    () => page.getByTestId('client-legal').getByTestId('legal-demand-pdf').click(),
    'claims-07-consumer-demand',
  );
  if (demand) {
    expect(demand).toContain('Interés legal del dinero (arts. 1100 y 1108 CC) 6,57 €');
    expect(demand).toContain('1.210,00 € del 24/09/2026 al 23/11/2026 al 3,25 %');
    expect(demand).not.toContain('Indemnización');
    expect(demand).not.toContain('Ley 3/2004');
    expect(demand).toContain('Total reclamado 1.216,57 €');
  }
});

test('a MASC attempt interrupts prescription for the invoices it names; a later requerimiento for those it lists, never for one recorded after', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await fillCompany(page);
  await newClient(page, { name: 'Talleres Cinca S.L.', taxId: 'B50123454', city: 'Monzón' });
  await newInvoice(page, '2022-010', '16/01/2022', [['15/02/2022', '2000,00']]);
  await newInvoice(page, '2022-020', '18/02/2022', [['20/03/2022', '1000,00']]);
  const legal = page.getByTestId('client-legal');
  const deadline = (number: string) =>
    legal
      .getByTestId('legal-prescription')
      .filter({ hasText: number })
      .getByTestId('legal-deadline');
  await expect(deadline('2022-010')).toHaveText('15/02/2027');
  await expect(deadline('2022-020')).toHaveText('20/03/2027');

  await recordStep(page, {
    kind: 'Intento de acuerdo (MASC)',
    date: '2026-11-02',
    channel: 'burofax de solicitud de negociación',
    invoices: ['2022-010'],
  });
  await expect(deadline('2022-010')).toHaveText('02/11/2031');
  await expect(deadline('2022-020')).toHaveText('20/03/2027');

  // A requerimiento for the whole client names the invoices it concerns today.
  await recordStep(page, { kind: 'Requerimiento de pago', date: '2026-11-23', channel: 'burofax' });
  await expect(deadline('2022-010')).toHaveText('23/11/2031');
  await expect(deadline('2022-020')).toHaveText('23/11/2031');
  // An invoice recorded afterwards keeps its own deadline.
  await newInvoice(page, '2022-030', '08/02/2022', [['10/03/2022', '300,00']]);
  await expect(deadline('2022-030')).toHaveText('10/03/2027');
  await legal.scrollIntoViewIfNeeded();
  await legal.screenshot({ path: `${SCREENSHOTS}/claims-08-masc-demand.png` });

  const bundle = await pdfOf(
    page,
    () => legal.getByTestId('legal-bundle-pdf').click(),
    'claims-09-masc-monitorio',
  );
  if (bundle) {
    expect(bundle).toContain('Intento de acuerdo (MASC)');
    expect(bundle).toContain('Requerimiento de pago');
    expect(bundle).toContain('Juzgado de Primera Instancia de Monzón');
  }

  // The dossier for a lawyer lists both steps (it used to say "Ninguno registrado").
  // It is on the legal path too: the first letter of the ladder would be a plain reminder.
  const dossier = await pdfOf(
    page,
    () => page.getByTestId('legal-dossier-pdf').click(),
    'claims-10-dossier',
  );
  if (dossier) {
    expect(dossier).toContain('Intento de acuerdo (MASC) burofax de solicitud de negociación');
    expect(dossier).toContain('Requerimiento de pago burofax');
    expect(dossier).toContain('sea cual sea la cuantía (art. 814.2)');
  }
});
