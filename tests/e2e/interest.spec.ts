// Interest per due and per payment (issue 12): two dues and a partial payment, an invoice paid late.
import { test, expect, type Page } from '@playwright/test';
import { fillCompany, openAppOn, setDay } from './support/app-actions';
import { execFileSync, spawnSync } from 'node:child_process';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Montajes Delicias S.L.';
const squash = (text: string) => text.replace(/\s+/g, ' ');

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

async function pay(page: Page, date: string, amount: string) {
  await page.getByRole('button', { name: 'Registrar cobro' }).click();
  const payment = page.getByTestId('payment-dialog');
  await payment.getByLabel('Fecha del cobro').fill(date);
  await payment.getByLabel('Importe cobrado (€)').fill(amount);
  await payment.getByRole('button', { name: 'Guardar' }).click();
  await expect(payment).toBeHidden();
}

/** On the client's page: the letter of the level due, downloaded (and so logged as sent). */
async function sendLetter(page: Page, level: string) {
  await page.getByRole('button', { name: `Enviar ${level}` }).click();
  const dialog = page.getByTestId('reminder-dialog');
  await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Descargar carta PDF' }).click(),
  ]);
  await expect(dialog).toBeHidden();
}

function pdfText(file: string): string {
  return squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

test('a claim counts each due from its date and the paid part up to its payment; a paid-late invoice joins when ticked', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The debt is followed from its due date: the formal demand comes after a reminder and a
  // second notice (the ladder climbs by what was sent, not by days overdue alone).
  await openAppOn(page, '2026-09-16');
  await fillCompany(page);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();

  // 365 € due 31/08, paid on 20/09: 20 days late. 1.060 € in two dues of 530 €, 300 € on 20/10.
  await newInvoice(page, '2026-070', '01/08/2026', [['31/08/2026', '365,00']]);
  await newInvoice(page, '2026-090', '16/08/2026', [
    ['15/09/2026', '530,00'],
    ['15/10/2026', '530,00'],
  ]);
  await sendLetter(page, 'recordatorio');
  await setDay(page, '2026-09-30');
  await page.reload();
  await sendLetter(page, 'segundo aviso');
  await setDay(page, '2026-10-31');
  await page.reload();
  await pay(page, '20/09/2026', '365,00');
  await pay(page, '20/10/2026', '300,00');

  const claim = page.getByTestId('legal-claim');
  // One row per due (issue 18): 230 € left of the first due, the second whole.
  const invoiceRow = claim.getByTestId('legal-claim-invoice');
  await expect(invoiceRow).toHaveCount(2);
  await expect(invoiceRow.nth(0)).toContainText('2026-090 · vencimiento 1 de 2');
  await expect(invoiceRow.nth(0)).toContainText('46');
  await expect(invoiceRow.nth(0)).toContainText('230,00 €');
  await expect(invoiceRow.nth(0)).toContainText('5,86 €');
  await expect(invoiceRow.nth(1)).toContainText('2026-090 · vencimiento 2 de 2');
  await expect(invoiceRow.nth(1)).toContainText('2,36 €');
  const dues = claim.getByTestId('legal-claim-due');
  await expect(dues).toHaveCount(3);
  await expect(dues.nth(0)).toContainText('530,00 € del 16/09/2026 al 20/10/2026 al 10,15 %');
  await expect(dues.nth(0)).toContainText('5,16 €');
  await expect(dues.nth(1)).toContainText('230,00 € del 21/10/2026 al 31/10/2026');
  await expect(dues.nth(2)).toContainText('15/10/2026');
  await expect(dues.nth(2)).toContainText('2,36 €');
  await expect(claim.getByTestId('legal-claim-total')).toHaveText(
    /760,00\s€ \+ 8,22\s€ \+ 40,00\s€ = 808,22\s€/,
  );

  // The paid-late invoice is offered, unticked; ticking adds its 2,03 € and 40 €.
  const paidLate = claim.getByTestId('legal-paid-late');
  const option = paidLate.getByLabel(/2026-070/);
  await expect(option).not.toBeChecked();
  await expect(paidLate).toContainText('20 días de retraso · intereses 2,03 €');
  await option.check();
  await expect(claim.getByTestId('legal-claim-total')).toHaveText(
    /760,00\s€ \+ 10,25\s€ \+ 80,00\s€ = 850,25\s€/,
  );
  await claim.scrollIntoViewIfNeeded();
  await claim.screenshot({ path: `${SCREENSHOTS}/interest-01-claim.png` });

  const legal = page.getByTestId('client-legal');
  const [demand] = await Promise.all([
    page.waitForEvent('download'),
    legal.getByTestId('legal-demand-pdf').click(),
  ]);
  const demandFile = `${SCREENSHOTS}/interest-demand.pdf`;
  await demand.saveAs(demandFile);
  if (spawnSync('pdftotext', ['-v']).status === 0) {
    const text = pdfText(demandFile);
    expect(text).toContain('2026-090 · vencimiento 1 de 2 15/09/2026 46 230,00 € 5,86 €');
    expect(text).toContain('2026-090 · vencimiento 2 de 2 15/10/2026 16 530,00 € 2,36 €');
    expect(text).toContain('230,00 € del 21/10/2026 al 31/10/2026 al 10,15 % 15/09/2026 11 0,70 €');
    expect(text).toContain('2026-070 (pagada con retraso) 31/08/2026 20 0,00 € 2,03 €');
    expect(text).toContain('Total reclamado 850,25 €');
    execFileSync('pdftoppm', ['-png', '-r', '60', demandFile, `${SCREENSHOTS}/interest-02-demand`]);
  }

  // The letter dialog: per-due interest under the invoice, the paid-late choice unticked.
  await page.getByRole('button', { name: /^Enviar / }).click();
  const reminder = page.getByTestId('reminder-dialog');
  await expect(reminder.getByTestId('reminder-due-lines')).toContainText(
    'vencimiento 15/09/2026: 530,00 € del 16/09/2026 al 20/10/2026 (35 días al 10,15 %) → 5,16 €',
  );
  await expect(reminder).toContainText('hasta hoy: 8,22 €; indemnización: 40,00 €');
  const reminderOption = reminder.getByTestId('reminder-paid-late').getByLabel(/2026-070/);
  await expect(reminderOption).not.toBeChecked();
  await reminderOption.check();
  await expect(reminder).toContainText('hasta hoy: 10,25 €; indemnización: 80,00 €');
  await expect(reminder.getByLabel('Mensaje', { exact: true })).toHaveValue(
    /2026-070 · 31\/08\/2026 · pagada con retraso/,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/interest-03-letter-dialog.png` });
});
