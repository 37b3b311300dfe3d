// Two devices (two browser contexts: two IndexedDB databases) sync through a CouchDB-compatible
// server (pouchdb-server in memory) started by the test on 127.0.0.1.
import { test, expect, type Browser, type Page } from '@playwright/test';
import {
  COUCH_MEMBER,
  freePort,
  startCouchServer,
  type CouchServer,
} from '../support/couch-server';
import { tcpSwitch, type TcpSwitch } from '../support/tcp-switch';

const SCREENSHOTS = 'tests/e2e/screenshots';
const DATABASE = 'reformas-ebro';
const SYNCED = 60_000;

let server: CouchServer;
let relay: TcpSwitch;

test.beforeAll(async () => {
  server = await startCouchServer({ database: DATABASE });
  relay = await tcpSwitch(server.port, await freePort());
});

test.afterAll(async () => {
  await relay?.close();
  await server?.stop();
});

async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  return page;
}

async function turnSyncOn(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const card = page.getByTestId('sync-card');
  await expect(card.getByTestId('sync-status')).toContainText('Desactivada');
  await card.getByLabel('Servidor (URL)').fill(relay.url);
  await card.getByLabel('Base de datos').fill(DATABASE);
  await card.getByLabel('Usuario').fill(COUCH_MEMBER.user);
  await card.getByLabel('Contraseña').fill(COUCH_MEMBER.password);
  await card.getByRole('button', { name: 'Probar conexión' }).click();
  await expect(card.getByTestId('sync-message')).toContainText('Conexión correcta');
  await card.getByLabel('Activar la sincronización').check();
  await card.getByRole('button', { name: 'Guardar' }).click();
  await expect(card.getByTestId('sync-status')).toContainText('Al día', { timeout: SYNCED });
}

async function createClient(page: Page, name: string, taxId: string): Promise<void> {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(name);
  await dialog.getByLabel('NIF, NIE o CIF').fill(taxId);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
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

async function openClient(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function editPhone(page: Page, name: string, phone: string): Promise<void> {
  await openClient(page, name);
  await page.getByRole('button', { name: 'Editar' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Teléfono').fill(phone);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
}

async function setPaused(page: Page, paused: boolean): Promise<void> {
  await page.getByRole('link', { name: 'Ajustes' }).click();
  const card = page.getByTestId('sync-card');
  await card.getByRole('button', { name: paused ? 'Pausar' : 'Reanudar' }).click();
  await expect(card.getByTestId('sync-status')).toContainText(paused ? 'En pausa' : 'Al día', {
    timeout: SYNCED,
  });
}

test('two devices share invoices, converge on a client edited on both, and catch up after the server was away', async ({
  browser,
}) => {
  // Six syncs through a real HTTP server on a busy two-core machine.
  test.setTimeout(360_000);
  const a = await device(browser);
  const b = await device(browser);
  await turnSyncOn(a);
  await turnSyncOn(b);
  await a.screenshot({ path: `${SCREENSHOTS}/sync-01-settings.png`, fullPage: false });

  // An invoice made on A appears on B.
  await createClient(a, 'Talleres Hermanos García S.L.', 'B12345674');
  await addInvoice(a, 'SYNC-001', '1.000,00');
  await b.getByRole('link', { name: 'Facturas' }).click();
  const row = b.getByTestId('ledger-row').filter({ hasText: 'SYNC-001' });
  await expect(row).toContainText('Talleres Hermanos García S.L.', { timeout: SYNCED });
  await expect(row).toContainText('1.210,00 €');

  // The same client edited on both while sync is paused: they converge, the later edit wins.
  await setPaused(a, true);
  await setPaused(b, true);
  await editPhone(a, 'Talleres Hermanos García S.L.', '976 111 111');
  await editPhone(b, 'Talleres Hermanos García S.L.', '976 222 222');
  await setPaused(a, false);
  await setPaused(b, false);
  for (const page of [a, b]) {
    await openClient(page, 'Talleres Hermanos García S.L.');
    await expect(page.getByText('976 222 222')).toBeVisible({ timeout: SYNCED });
  }
  await b.getByRole('link', { name: 'Ajustes' }).click();
  const conflict = b.getByTestId('sync-conflict');
  await expect(conflict).toHaveCount(1, { timeout: SYNCED });
  await expect(conflict).toContainText('976 111 111');
  await expect(conflict).toContainText('976 222 222');
  await conflict.scrollIntoViewIfNeeded();
  await b.screenshot({ path: `${SCREENSHOTS}/sync-02-conflict.png` });
  // A lists it too (the list travels), and undo there brings back A's phone everywhere.
  await a.getByRole('link', { name: 'Ajustes' }).click();
  const onA = a.getByTestId('sync-conflict');
  await expect(onA).toHaveCount(1, { timeout: SYNCED });
  await onA.getByRole('button', { name: 'Deshacer' }).click();
  await expect(onA).toContainText('Deshecho');
  await openClient(b, 'Talleres Hermanos García S.L.');
  await expect(b.getByText('976 111 111')).toBeVisible({ timeout: SYNCED });

  // The server goes away: A keeps working, says so, and its edits arrive once it is back.
  await relay.off();
  await openClient(a, 'Talleres Hermanos García S.L.');
  await addInvoice(a, 'SYNC-002', '500,00');
  await a.getByRole('link', { name: 'Ajustes' }).click();
  await expect(a.getByTestId('sync-status')).toContainText('Sin conexión', { timeout: SYNCED });
  await a.screenshot({ path: `${SCREENSHOTS}/sync-03-offline.png` });
  await relay.on();
  await expect(a.getByTestId('sync-status')).toContainText('Al día', { timeout: SYNCED });
  await b.getByRole('link', { name: 'Facturas' }).click();
  await expect(b.getByTestId('ledger-row').filter({ hasText: 'SYNC-002' })).toContainText(
    '605,00 €',
    { timeout: SYNCED },
  );
});
