// Collections as a person does them: Hoy shows the debt, a reminder, a call with a promise that breaks, the next level.
import { test, expect, type Page } from '@playwright/test';
import { fillCompany, setDay } from './support/app-actions';
import { writeFileSync } from 'node:fs';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Reformas Lorenzo S.L.';

async function downloadLetter(page: Page, name: string) {
  const dialog = page.getByTestId('reminder-dialog');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Descargar carta PDF' }).click(),
  ]);
  const path = `${SCREENSHOTS}/collections-${name}.pdf`;
  await download.saveAs(path);
  await expect(dialog).toBeHidden();
  return path;
}

test('an overdue invoice shows in Hoy; a reminder, a call with a promise that breaks, and the next level is sent and logged', async ({
  page,
}) => {
  await setDay(page, '2026-11-23');
  await page.goto('/');

  // The business details appear in the letters.
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const company = page.locator('form').filter({ hasText: 'IBAN para cobros' });
  await company.getByLabel('Nombre o razón social').fill('Instalaciones Ebro S.L.');
  await company.getByLabel('IBAN para cobros').fill('ES91 2100 0418 4502 0005 1332');
  await company.getByLabel('Población').fill('Zaragoza');
  await company.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('dunning-settings')).toContainText(
    'Días para «requerimiento de pago»',
  );
  await page
    .getByTestId('dunning-settings')
    .screenshot({ path: `${SCREENSHOTS}/collections-00-settings.png` });

  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const client = page.getByTestId('client-dialog');
  await client.getByLabel('Nombre o razón social').fill(CLIENT);
  await client.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await client.getByLabel('Correo electrónico').fill('admin@reformaslorenzo.es');
  await client.getByLabel('Límite de crédito (€)').fill('2.000,00');
  await client.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();

  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-077');
  await invoice.getByLabel('Fecha de emisión').fill('10/10/2026');
  await invoice.getByLabel('Base imponible (€)').fill('2.000,00');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('10/11/2026');
  await expect(invoice.getByTestId('invoice-over-limit')).toContainText(
    'el cliente debería 2.420,00 €, por encima de su límite de crédito de 2.000,00 €',
  );
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();

  // Hoy: 13 days overdue, the first reminder is due.
  await page.getByRole('link', { name: 'Hoy' }).click();
  const row = page.getByTestId('work-item').filter({ hasText: CLIENT }).first();
  await expect(row).toContainText('Factura vencida hace 13 días');
  await expect(row).toContainText('2.420,00 €');
  await page.screenshot({ path: `${SCREENSHOTS}/collections-01-hoy.png`, fullPage: true });
  await row.getByRole('button', { name: 'Enviar recordatorio' }).click();
  await expect(page.getByTestId('reminder-dialog')).toContainText('2026-077');
  await expect(
    page.getByTestId('reminder-dialog').getByLabel('Mensaje', { exact: true }),
  ).toHaveValue(/ES91 2100 0418 4502 0005 1332/);
  await page.screenshot({ path: `${SCREENSHOTS}/collections-02-reminder.png` });
  await downloadLetter(page, 'letter-level1');

  // The reminder was logged: the next step is a call. The client promises to pay on 27/11.
  await expect(row.getByRole('button', { name: 'Registrar llamada' })).toBeVisible();
  await row.getByRole('button', { name: 'Anotar promesa' }).click();
  const activity = page.getByTestId('activity-dialog');
  await activity.getByLabel('Con quién hablaste').fill('Lorenzo');
  await activity.getByLabel('Resultado').fill('Promete pagar todo');
  await activity.getByLabel('Fecha prometida').fill('27/11/2026');
  await page.screenshot({ path: `${SCREENSHOTS}/collections-03-call-promise.png` });
  await activity.getByRole('button', { name: 'Guardar' }).click();
  await expect(activity).toBeHidden();
  // Promised: the debt waits at the bottom of Hoy until the date.
  await expect(row).toContainText('Promesa hasta el 27/11/2026');

  // A week later nothing has come in: the promise is broken and the second notice is due at once
  // (the ladder's 14 days since the reminder are waived by the broken word).
  await setDay(page, '2026-12-01');
  await page.reload();
  const broken = page.getByTestId('work-item').filter({ hasText: 'Promesa incumplida' });
  await expect(broken).toContainText('debía pagar el 27/11/2026');
  await expect(broken).toContainText(CLIENT);
  await page.screenshot({ path: `${SCREENSHOTS}/collections-04-broken.png`, fullPage: true });
  await broken.getByRole('button', { name: 'Enviar segundo aviso' }).click();
  await expect(page.getByTestId('reminder-dialog').getByLabel('Asunto')).toHaveValue(
    /Segundo aviso/,
  );
  const pdf = await downloadLetter(page, 'letter-level2');
  writeFileSync(`${SCREENSHOTS}/collections-letter-path.txt`, pdf);

  // The client's history, newest first, has both reminders, the promise and the call.
  await page.getByRole('link', { name: CLIENT }).first().click();
  const timeline = page.getByTestId('client-timeline');
  await expect(timeline.locator('li').first()).toContainText('Enviado: segundo aviso (carta PDF)');
  await expect(timeline).toContainText('Enviado: recordatorio (carta PDF)');
  await expect(timeline).toContainText('Promesa de 2.420,00 € para el 27/11/2026: incumplida');
  await expect(timeline).toContainText('Llamada: Promete pagar todo');
  await expect(page.getByTestId('client-risk')).toContainText('Promesas de pago incumplidas: 1.');
  await page.screenshot({ path: `${SCREENSHOTS}/collections-05-client.png`, fullPage: true });
});

/** From a Hoy row: the letter of the level on the button, downloaded (and so logged as sent). */
async function sendFromRow(page: Page, name: string, level: string) {
  const row = page.getByTestId('work-item').filter({ hasText: name });
  await row.getByRole('button', { name: `Enviar ${level}` }).click();
  await downloadLetter(page, `climb-${level.replace(/\s+/g, '-')}`);
}

test('a 70-day debt climbs the ladder to the final notice and the dossier; a dispute and a pause take it out of dunning', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The debt is followed from its due date (14/09): each level waits for the one before.
  await setDay(page, '2026-09-16');
  await page.goto('/');
  await fillCompany(page);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const client = page.getByTestId('client-dialog');
  await client.getByLabel('Nombre o razón social').fill('Hostal Moncayo S.L.');
  await client.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await client.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill('2026-015');
  await invoice.getByLabel('Fecha de emisión').fill('15/08/2026');
  await invoice.getByLabel('Base imponible (€)').fill('800,00');
  await invoice.getByLabel('Fecha de vencimiento 1').fill('14/09/2026');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();

  await page.getByRole('link', { name: 'Hoy' }).click();
  const row = page.getByTestId('work-item').filter({ hasText: 'Hostal Moncayo S.L.' });
  await sendFromRow(page, 'Hostal Moncayo S.L.', 'recordatorio');
  for (const [day, level] of [
    ['2026-09-30', 'segundo aviso'],
    ['2026-10-15', 'requerimiento de pago'],
  ] as const) {
    await setDay(page, day);
    await page.reload();
    await sendFromRow(page, 'Hostal Moncayo S.L.', level);
  }
  await setDay(page, '2026-11-23');
  await page.reload();
  await expect(row).toContainText('Factura vencida hace 70 días');
  await row.getByRole('button', { name: 'Enviar último aviso y expediente' }).click();
  const reminder = page.getByTestId('reminder-dialog');
  await expect(reminder).toContainText('Intereses de demora (Ley 3/2004) hasta hoy');
  await expect(reminder.getByLabel('Mensaje', { exact: true })).toHaveValue(
    /procedimiento monitorio/,
  );
  const [dossier] = await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Expediente para abogado (PDF)' }).click(),
  ]);
  expect(dossier.suggestedFilename()).toBe('expediente-Hostal-Moncayo-S-L--2026-11-23.pdf');
  await dossier.saveAs(`${SCREENSHOTS}/collections-dossier.pdf`);
  await reminder.getByRole('button', { name: 'Cerrar' }).click();

  // The client disputes the whole invoice: it stays visible but is no longer chased.
  await row.getByRole('link', { name: 'Hostal Moncayo S.L.' }).click();
  await page.getByLabel('Abrir disputa').selectOption({ label: '2026-015' });
  const dispute = page.getByTestId('dispute-dialog');
  await dispute.getByLabel('Motivo').selectOption({ label: 'No recibido' });
  await dispute.getByLabel('Qué dice el cliente').fill('Dice que el pedido no llegó');
  await dispute.getByRole('button', { name: 'Abrir disputa' }).click();
  await expect(dispute).toBeHidden();
  await expect(page.getByTestId('client-timeline')).toContainText(
    'Disputa en 2026-015 (No recibido): 968,00 €',
  );
  await page.getByRole('link', { name: 'Hoy' }).click();
  await expect(row).toContainText('Sin reclamar: 2026-015 (en disputa)');
  await expect(row.getByRole('button', { name: /Enviar/ })).toHaveCount(0);

  await row.getByRole('button', { name: 'Pausar 7 días' }).click();
  await expect(
    page.getByText('1 cliente en pausa no aparece hasta que termine su pausa.'),
  ).toBeVisible();
  await expect(page.getByText('Nada pendiente hoy')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/collections-06-paused.png`, fullPage: true });
});
