// Letters a lawyer would sign (issue 16): no demand without a sender, then a greeting, A/A line,
// closing and signature block that fit the client, in the requerimiento and the reminder letter.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { addInvoice, fillCompany, openAppOn } from './support/app-actions';
import { popplerAvailable, reportPopplerSkip } from '../support/pdf-tools';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Reformas Levante S.L.';
const squash = (text: string) => text.replace(/\s+/g, ' ');

test('a demand leads to the profile first; then the requerimiento and the letter greet Sra. Ruiz and are signed', async ({
  page,
}) => {
  await openAppOn(page);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByLabel('Persona de contacto').fill('Marta Ruiz Soler');
  await expect(dialog.getByText('Las cartas empiezan «Estimados señores:»')).toBeVisible();
  await dialog.getByTestId('client-contact-title').selectOption('sra');
  await expect(dialog.getByText('Las cartas empiezan «Estimada Sra. Ruiz:».')).toBeVisible();
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await addInvoice(page, '2026-041', '15/07/2026', '14/08/2026', '1.000,00');

  // No company profile yet: no requerimiento button, a way to the profile instead.
  const legal = page.getByTestId('client-legal');
  const missing = legal.getByTestId('legal-demand-sender-missing');
  await expect(missing).toContainText(
    'Falta: nombre o razón social, NIF, dirección y población, IBAN',
  );
  await expect(legal.getByTestId('legal-demand-pdf')).toHaveCount(0);
  await missing.scrollIntoViewIfNeeded();
  await legal.screenshot({ path: `${SCREENSHOTS}/letters-00-demand-needs-profile.png` });
  await missing.getByRole('link', { name: 'Completar los datos de tu empresa' }).click();
  await expect(page.getByLabel('Quién firma las cartas')).toBeVisible();

  await page.getByLabel('Quién firma las cartas').fill('María López Ruiz');
  await page.getByLabel('Cargo de quien firma').fill('Administradora única');
  await fillCompany(page);
  await page.screenshot({ path: `${SCREENSHOTS}/letters-01-profile.png`, fullPage: true });

  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name: CLIENT }).first().click();
  const [demand] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('client-legal').getByTestId('legal-demand-pdf').click(),
  ]);
  const demandFile = await demand.path();

  await page.getByRole('button', { name: /^Enviar / }).click();
  const reminder = page.getByTestId('reminder-dialog');
  await expect(reminder.getByLabel('Mensaje', { exact: true })).toHaveValue(
    /^Estimada Sra\. Ruiz:\n\n/,
  );
  const [letter] = await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Descargar carta PDF' }).click(),
  ]);
  const letterFile = await letter.path();

  if (!popplerAvailable) {
    reportPopplerSkip('The letters’ text and pictures');
    return;
  }
  for (const [file, name] of [
    [demandFile, 'letters-02-requerimiento'],
    [letterFile, 'letters-03-letter'],
  ] as const) {
    const text = squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Reformas Ebro S.L.');
    expect(text).toContain('A/A Marta Ruiz Soler');
    expect(text).toContain('Zaragoza, 23 de noviembre de 2026');
    expect(text).toContain('Ref.: factura 2026-041 (1.210,00 €)');
    expect(text).toContain('Estimada Sra. Ruiz:');
    expect(text).toContain('Atentamente,');
    expect(text).toContain('María López Ruiz');
    expect(text).toContain('Administradora única · Reformas Ebro S.L.');
    expect(text).toContain('NIF B50123454');
    expect(text).toMatch(/Página 1 de \d/);
    expect(text).not.toMatch(/Muy Sr|cuenta —|nuestro\/a/);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SCREENSHOTS}/${name}`]);
  }
});
