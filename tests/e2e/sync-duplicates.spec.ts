// Two devices (two browser contexts) make the same invoice number for one client while sync is
// paused: after it resumes both invoices are kept, "Conflictos de sincronización" says so in words,
// and renumbering one there clears it on both.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { COUCH_MEMBER, startCouchServer, type CouchServer } from '../support/couch-server';

const SCREENSHOTS = 'tests/e2e/screenshots';
const DATABASE = 'reformas-moncayo';
const SYNCED = 60_000;

let server: CouchServer;

test.beforeAll(async () => {
  server = await startCouchServer({ database: DATABASE });
});

test.afterAll(async () => {
  await server?.stop();
});

async function device(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  return page;
}

async function turnSyncOn(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const card = page.getByTestId('sync-card');
  await card.getByLabel('Servidor (URL)').fill(server.url);
  await card.getByLabel('Base de datos').fill(DATABASE);
  await card.getByLabel('Usuario').fill(COUCH_MEMBER.user);
  await card.getByLabel('Contraseña').fill(COUCH_MEMBER.password);
  await card.getByLabel('Activar la sincronización').check();
  await card.getByRole('button', { name: 'Guardar' }).click();
  await expect(card.getByTestId('sync-status')).toContainText('Al día', { timeout: SYNCED });
}

async function setPaused(page: Page, paused: boolean): Promise<void> {
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const card = page.getByTestId('sync-card');
  await card.getByRole('button', { name: paused ? 'Pausar' : 'Reanudar' }).click();
  await expect(card.getByTestId('sync-status')).toContainText(paused ? 'En pausa' : 'Al día', {
    timeout: SYNCED,
  });
}

async function openClient(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: SYNCED });
}

async function addInvoice(page: Page, number: string, base: string): Promise<void> {
  await page.getByRole('button', { name: 'Nueva factura' }).click();
  const invoice = page.getByTestId('invoice-dialog');
  await invoice.getByLabel('Número de factura').fill(number);
  await invoice.getByLabel('Fecha de emisión').fill('01/09/2026');
  await invoice.getByLabel('Base imponible (€)').fill(base);
  await invoice.getByLabel('Fecha de vencimiento 1').fill('01/10/2026');
  await invoice.getByRole('button', { name: 'Guardar' }).click();
  await expect(invoice).toBeHidden();
}

test('the same invoice number made on two devices is kept twice, listed, and renumbered once', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const name = 'Carpintería Moncayo S.L.';
  const a = await device(browser);
  const b = await device(browser);
  await turnSyncOn(a);
  await turnSyncOn(b);
  await a.getByRole('link', { name: 'Clientes' }).click();
  await a.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = a.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(name);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await openClient(b, name);

  await setPaused(a, true);
  await setPaused(b, true);
  await openClient(a, name);
  await addInvoice(a, 'M-0007', '1.000,00');
  await openClient(b, name);
  await addInvoice(b, 'M-0007', '300,00');
  await setPaused(a, false);
  await setPaused(b, false);

  // Both invoices on both devices.
  for (const page of [a, b]) {
    await page.getByRole('link', { name: 'Facturas' }).click();
    await expect(page.getByTestId('ledger-row').filter({ hasText: 'M-0007' })).toHaveCount(2, {
      timeout: SYNCED,
    });
  }
  await b.getByRole('link', { name: 'Ajustes' }).click();
  const entry = b.getByTestId('sync-held-entry').filter({ hasText: 'M-0007' });
  await expect(entry).toContainText(`La factura M-0007 de ${name} existe dos veces`, {
    timeout: SYNCED,
  });
  await expect(entry.getByTestId('sync-held-invoice')).toHaveCount(2);
  await entry.scrollIntoViewIfNeeded();
  await b.screenshot({ path: `${SCREENSHOTS}/sync-04-same-number.png` });

  const cheaper = entry.getByTestId('sync-held-invoice').filter({ hasText: '363,00' });
  await cheaper.getByLabel('Nuevo número').fill('M-0008');
  await cheaper.getByRole('button', { name: 'Cambiar número' }).click();
  await expect(entry).toContainText('Resuelto');
  await a.getByRole('link', { name: 'Facturas' }).click();
  await expect(a.getByTestId('ledger-row').filter({ hasText: 'M-0008' })).toContainText(
    '363,00 €',
    { timeout: SYNCED },
  );
  await a.getByRole('link', { name: 'Ajustes' }).click();
  await expect(a.getByTestId('sync-held-entry').filter({ hasText: 'M-0007' })).toContainText(
    'Resuelto',
    { timeout: SYNCED },
  );
});
