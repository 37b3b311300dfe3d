// The legal path: a formal demand moves the prescription deadline, a SEPA file for a plan, the bundle.
import { test, expect } from '@playwright/test';
import { addInvoice, draftPlan, fillCompany, openAppOn, signPlan } from './support/app-actions';
import { execFileSync } from 'node:child_process';
import { popplerAvailable, reportPopplerSkip } from '../support/pdf-tools';
import { readFileSync } from 'node:fs';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Construcciones Moncayo S.L.';

const amountsOf = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>([0-9.]+)</${tag}>`, 'g'))].map((m) =>
    Math.round(Number(m[1]) * 100),
  );

test('a formal demand moves the prescription deadline; a mandate collects a plan by direct debit; the monitorio bundle downloads', async ({
  page,
}) => {
  await openAppOn(page);
  await fillCompany(page);
  await expect(page.getByText(/Identificador de acreedor: ES\d\d000B50123454/)).toBeVisible();

  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  // 90 days is over the Ley 3/2004 ceiling: flagged while typing and on the client page.
  await dialog.getByLabel('Plazo de pago (días)').fill('90');
  await expect(dialog.getByText(/no permite pactar más de 60 días/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await expect(page.getByTestId('term-over-60')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/legal-00-client-term.png` });
  // An old debt, due on 15/02/2022: it prescribes on 15/02/2027, within the 6-month warning.
  await addInvoice(page, '2022-008', '16/01/2022', '15/02/2022', '2.000,00');
  await addInvoice(page, '2026-041', '15/07/2026', '14/08/2026', '1.000,00');

  const legal = page.getByTestId('client-legal');
  const old = legal.getByTestId('legal-prescription').filter({ hasText: '2022-008' });
  await expect(old).toHaveAttribute('data-state', 'warning');
  await expect(old.getByTestId('legal-deadline')).toHaveText('15/02/2027');

  await page.getByRole('link', { name: 'Hoy' }).click();
  const warning = page.locator('[data-testid="work-item"][data-kind="prescription_warning"]');
  await expect(warning).toContainText('prescribe el 15/02/2027');
  await page.screenshot({ path: `${SCREENSHOTS}/legal-01-today-warning.png`, fullPage: true });

  // Record the burofax sent today: the period restarts, five years from today.
  await warning.getByRole('link', { name: CLIENT }).click();
  await legal.getByRole('button', { name: 'Registrar paso' }).click();
  const step = page.getByTestId('legal-dialog');
  await step.getByLabel('Tipo de paso').selectOption({ label: 'Requerimiento de pago' });
  await step.getByLabel(/Canal/).fill('burofax con certificación de contenido');
  await step.getByRole('button', { name: 'Guardar' }).click();
  await expect(step).toBeHidden();
  await expect(old.getByTestId('legal-deadline')).toHaveText('23/11/2031');
  await expect(old).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('client-timeline')).toContainText('Requerimiento de pago');

  // A mandate with a wrong IBAN is refused beside the field; a good one is kept.
  const mandates = legal.getByTestId('mandates');
  await mandates.getByRole('button', { name: 'Añadir mandato' }).click();
  const form = mandates.getByTestId('mandate-form');
  await form.getByLabel('Referencia del mandato').fill('MOLC-2026-01');
  await form.getByLabel('Fecha de firma').fill('2026-11-20');
  await form.getByLabel('Titular de la cuenta').fill(CLIENT);
  await form.getByLabel('IBAN del cliente').fill('ES00 1234');
  await form.getByRole('button', { name: 'Guardar mandato' }).click();
  await expect(form.getByText('El IBAN no es válido')).toBeVisible();
  await form.getByLabel('IBAN del cliente').fill('ES76 2077 0024 0031 0257 5766');
  await form.getByRole('button', { name: 'Guardar mandato' }).click();
  await expect(mandates.getByTestId('mandate-row')).toContainText('MOLC-2026-01');
  await legal.scrollIntoViewIfNeeded();
  await legal.screenshot({ path: `${SCREENSHOTS}/legal-02-client-legal.png` });

  // The monitorio bundle downloads as a PDF holding the court form's fields.
  const bundlePromise = page.waitForEvent('download');
  await legal.getByTestId('legal-bundle-pdf').click();
  const bundle = await bundlePromise;
  const bundleFile = await bundle.path();
  expect(readFileSync(bundleFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (popplerAvailable) {
    const text = execFileSync('pdftotext', ['-layout', bundleFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('procedimiento monitorio');
    expect(text).toContain('B12345674');
    expect(text).toContain('2022-008');
    expect(text).toContain('burofax con certificación');
    execFileSync('pdftoppm', ['-png', '-r', '70', bundleFile, `${SCREENSHOTS}/legal-03-bundle`]);
  } else {
    reportPopplerSkip('The monitorio bundle PDF text check');
  }
  // Then the JSON index of the originals, saved beside it.
  await expect(page.getByText('Guardados 2 ficheros.')).toBeVisible();
  const demandPromise = page.waitForEvent('download');
  await legal.getByTestId('legal-demand-pdf').click();
  const demandFile = await (await demandPromise).path();
  if (popplerAvailable) {
    execFileSync('pdftoppm', ['-png', '-r', '70', demandFile, `${SCREENSHOTS}/legal-04-demand`]);
  } else {
    reportPopplerSkip('The formal demand PDF picture');
  }

  // A signed plan on the recent invoice, collected by direct debit.
  await draftPlan(page, {
    clientLabel: `${CLIENT} (B12345674)`,
    invoiceNumber: '2026-041',
    installments: 3,
    firstDueDate: '25/11/2026',
    debtorSignatory: 'José Moncayo Ruiz',
    debtorCapacity: 'apoderado',
  });
  await expect(page.getByTestId('plan-installments')).toContainText('25/11/2026');
  // The earlier toasts would lie over the debtor's signature pad.
  await page.reload();
  await signPlan(page);

  await page.getByRole('link', { name: 'Planes', exact: true }).click();
  const sepa = page.getByTestId('sepa-export');
  await sepa.getByLabel('Desde').fill('2026-11-24');
  await sepa.getByLabel('Hasta').fill('2027-01-31');
  const xmlPromise = page.waitForEvent('download');
  await sepa.getByRole('button', { name: 'Descargar fichero de recibos' }).click();
  const xml = readFileSync(await (await xmlPromise).path(), 'utf8');
  await page.screenshot({ path: `${SCREENSHOTS}/legal-05-plans-sepa.png`, fullPage: true });

  const instructed = amountsOf(xml, 'InstdAmt');
  const [groupTotal, ...blockTotals] = amountsOf(xml, 'CtrlSum');
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // 1.210,00 € in three installments from 25/11: 25/11, 25/12 and 25/01 are all in range.
  expect(instructed).toHaveLength(3);
  expect(sum(instructed)).toBe(1_210_00);
  expect(groupTotal).toBe(sum(instructed));
  expect(sum(blockTotals)).toBe(groupTotal);
  expect(xml.match(/<SeqTp>FRST<\/SeqTp>/g)).toHaveLength(1);
  expect(xml).toContain('<MndtId>MOLC-2026-01</MndtId>');
  expect(xml).toContain('<IBAN>ES7620770024003102575766</IBAN>');
});
