// Files that leave or enter the app: SEPA debits never twice nor in the past, returns that match
// nothing left for a person, a tax id with another name asked about, a supplier's e-invoice refused.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  addInvoice,
  draftPlan,
  fillCompany,
  openAppOn,
  setDay,
  signPlan,
} from './support/app-actions';
import { norma43File } from '../unit/shared/formats/norma43-fixture';

const SCREENSHOTS = 'tests/e2e/screenshots';
const CLIENT = 'Construcciones Moncayo S.L.';

/** Windows-1252 bytes (this file's accented letters are all in Latin-1). */
function cp1252(text: string): Buffer {
  return Buffer.from([...text].map((char) => (char === '€' ? 0x80 : char.charCodeAt(0))));
}

async function chooseFile(page: Page, button: string, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

const HEADER =
  'NIF;Cliente;Nº factura;Fecha emisión;Fecha de vencimiento;Base imponible;IVA %;IRPF %';

async function importCsv(page: Page, name: string, rows: string[]): Promise<void> {
  await page.getByRole('link', { name: 'Importar' }).click();
  await chooseFile(
    page,
    'Elegir fichero CSV o Excel…',
    name,
    cp1252([HEADER, ...rows].join('\r\n') + '\r\n'),
  );
}

test('SEPA debits: a past collection moves forward, and a receipt already presented is not exported again', async ({
  page,
}) => {
  // Signing renders and hashes the agreement PDF: slow on a busy two-core machine.
  test.setTimeout(240_000);
  await openAppOn(page, '2026-11-10');
  await fillCompany(page);
  await page.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('button', { name: 'Nuevo cliente' }).first().click();
  const dialog = page.getByTestId('client-dialog');
  await dialog.getByLabel('Nombre o razón social').fill(CLIENT);
  await dialog.getByLabel('NIF, NIE o CIF').fill('B12345674');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await addInvoice(page, '2026-041', '15/10/2026', '14/11/2026', '1.000,00');
  const mandates = page.getByTestId('client-legal').getByTestId('mandates');
  await mandates.getByRole('button', { name: 'Añadir mandato' }).click();
  const form = mandates.getByTestId('mandate-form');
  await form.getByLabel('Referencia del mandato').fill('MOLC-2026-01');
  await form.getByLabel('Fecha de firma').fill('2026-11-05');
  await form.getByLabel('Titular de la cuenta').fill(CLIENT);
  await form.getByLabel('IBAN del cliente').fill('ES76 2077 0024 0031 0257 5766');
  await form.getByRole('button', { name: 'Guardar mandato' }).click();
  await expect(mandates.getByTestId('mandate-row')).toContainText('MOLC-2026-01');
  await draftPlan(page, {
    clientLabel: `${CLIENT} (B12345674)`,
    invoiceNumber: '2026-041',
    installments: 3,
    firstDueDate: '20/11/2026',
    debtorSignatory: 'José Moncayo Ruiz',
    debtorCapacity: 'apoderado',
  });
  await page.reload();
  await signPlan(page);

  // 23/11: the first installment (20/11) is in the past; a file made today collects on 24/11.
  await setDay(page, '2026-11-23');
  await page.reload();
  await page.getByRole('link', { name: 'Planes', exact: true }).click();
  const sepa = page.getByTestId('sepa-export');
  await sepa.getByLabel('Desde').fill('2026-11-01');
  await sepa.getByLabel('Hasta').fill('2026-12-31');
  const xmlPromise = page.waitForEvent('download');
  await sepa.getByRole('button', { name: 'Descargar fichero de recibos' }).click();
  const download = await xmlPromise;
  const xml = readFileSync(await download.path(), 'utf8');
  await expect(sepa.getByRole('status')).toContainText(
    '1 recibo tenía fecha anterior al 24/11/2026',
  );
  const dates = [...xml.matchAll(/<ReqdColltnDt>([0-9-]+)<\/ReqdColltnDt>/g)].map((m) => m[1]);
  expect(dates).toEqual(['2026-11-24', '2026-12-21']);
  expect(xml.match(/<SeqTp>FRST<\/SeqTp>/g)).toHaveLength(1);
  expect(xml.match(/<DrctDbtTxInf>/g)).toHaveLength(2);
  await sepa.screenshot({ path: `${SCREENSHOTS}/files-01-sepa-moved.png` });

  // The same range again: both receipts are at the bank already, no second file.
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  await sepa.getByRole('button', { name: 'Descargar fichero de recibos' }).click();
  await expect(sepa.getByRole('status')).toContainText(
    `2 recibos de esas fechas ya se presentaron al banco (${download.suggestedFilename()}, el 23/11/2026)`,
  );
  expect(downloaded).toBe(false);
  await sepa.screenshot({ path: `${SCREENSHOTS}/files-02-sepa-again.png` });
  page.removeAllListeners('download');

  // 27/11: the bank returns the first receipt, naming it. Hoy lists it once, as a return.
  const firstId = /<EndToEndId>([^<]+)<\/EndToEndId>/.exec(xml)?.[1] ?? '';
  const firstCents = Math.round(Number(/<InstdAmt[^>]*>([0-9.]+)</.exec(xml)?.[1]) * 100);
  await setDay(page, '2026-11-27');
  await page.reload();
  await page.getByRole('link', { name: 'Importar' }).click();
  await page.getByRole('tab', { name: 'Extractos del banco' }).click();
  const statement = Buffer.from(
    norma43File([
      {
        date: '261126',
        amountCents: -firstCents,
        concept: `DEVOLUCION RECIBO ${firstId}`,
        common: '14',
      },
    ]).replaceAll('260301260331', '261101261130'),
    'latin1',
  );
  await chooseFile(page, 'Elegir extracto…', 'devoluciones.n43', statement);
  await expect(page.getByText(/Recibos devueltos: 1 explicado\b/)).toBeVisible();
  await page.getByRole('link', { name: 'Hoy' }).click();
  const returned = page.locator('[data-testid="work-item"][data-kind="debit_returned"]');
  await expect(returned).toHaveCount(1);
  await expect(
    page.locator('[data-testid="work-item"][data-kind="installment_missed"]'),
  ).toHaveCount(0);
  await returned.getByRole('button', { name: 'Presentar de nuevo' }).click();
  await expect(returned.getByTestId('represent-requested')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/files-06-today-returned.png`, fullPage: true });

  // Presented again: the next file holds that receipt alone. The second receipt (RCUR) stands at
  // the bank under the same mandate, so this one goes as RCUR too.
  await page.getByRole('link', { name: 'Planes', exact: true }).click();
  await sepa.getByLabel('Desde').fill('2026-11-01');
  await sepa.getByLabel('Hasta').fill('2026-12-31');
  const againPromise = page.waitForEvent('download');
  await sepa.getByRole('button', { name: 'Descargar fichero de recibos' }).click();
  const again = readFileSync(await (await againPromise).path(), 'utf8');
  expect([...again.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1])).toEqual([
    firstId,
  ]);
  expect(again).toContain('<SeqTp>RCUR</SeqTp>');
  expect(again).toContain('<ReqdColltnDt>2026-11-30</ReqdColltnDt>');
});

test('a returned debit that matches no payment goes to a list to resolve; the transfer stays', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await importCsv(page, 'facturas.csv', [
    'B12345674;Talleres Hermanos García S.L.;2026-0001;15/09/2026;15/10/2026;1.000,00;21;0',
  ]);
  await page.getByRole('button', { name: 'Importar 1 fila' }).click();
  await expect(page.getByText(/Importada 1 factura\b/)).toBeVisible();

  // Paid by transfer, typed by hand.
  await page.getByRole('link', { name: 'Facturas' }).click();
  await page.getByRole('button', { name: 'Registrar cobro' }).click();
  const payment = page.getByTestId('payment-dialog');
  await payment
    .getByLabel('Cliente')
    .selectOption({ label: 'Talleres Hermanos García S.L. (B12345674)' });
  await payment.getByLabel('Importe cobrado (€)').fill('1.210,00');
  await payment.getByRole('button', { name: 'Guardar' }).click();
  await expect(payment).toBeHidden();

  // The bank returns a receipt of the same amount that the app never sent.
  await page.getByRole('link', { name: 'Importar' }).click();
  await page.getByRole('tab', { name: 'Extractos del banco' }).click();
  const statement = Buffer.from(
    norma43File([
      { date: '261120', amountCents: -121_000, concept: 'DEVOLUCION RECIBO', common: '14' },
    ]).replaceAll('260301260331', '261101261130'),
    'latin1',
  );
  await chooseFile(page, 'Elegir extracto…', 'noviembre.n43', statement);
  await expect(
    page.getByText(/1 sin cobro que anular: resuélvelos en «Devoluciones por resolver»/),
  ).toBeVisible();
  const pending = page.getByTestId('pending-returns');
  await expect(pending.getByTestId('pending-return')).toContainText('DEVOLUCION RECIBO');
  await expect(pending.getByTestId('pending-return')).toContainText('1.210,00 €');
  await pending.screenshot({ path: `${SCREENSHOTS}/files-03-pending-return.png` });

  // Nothing was undone: the invoice is still paid.
  await page.getByRole('link', { name: 'Facturas' }).click();
  await expect(page.getByTestId('ledger-row').filter({ hasText: '2026-0001' })).toContainText(
    'Cobrada',
  );

  // The person says it takes back nothing: the list empties.
  await page.getByRole('link', { name: 'Importar' }).click();
  await page.getByRole('tab', { name: 'Extractos del banco' }).click();
  await pending.getByRole('button', { name: 'No anula ningún cobro' }).click();
  await expect(pending).toBeHidden();
});

test('a tax id written with another company’s name is a question, and an old invoice is flagged', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await importCsv(page, 'clientes.csv', [
    'B12345674;Talleres Hermanos García S.L.;2026-0001;15/09/2026;15/10/2026;1.000,00;21;0',
  ]);
  await page.getByRole('button', { name: 'Importar 1 fila' }).click();
  await expect(page.getByText(/Importada 1 factura\b/)).toBeVisible();

  await importCsv(page, 'mezcla.csv', [
    'B12345674;Bodegas Somontano S.L.;BS-1;01/10/2026;31/10/2026;500,00;21;0',
    'B12345674;Talleres Hermanos García S.L.;2013-0007;15/01/2013;14/02/2013;300,00;21;0',
  ]);
  const question = page.getByTestId('party-question');
  await expect(question).toContainText(
    'El fichero pone «Bodegas Somontano S.L.» con el NIF B12345674, que ya es de «Talleres Hermanos García S.L.» (filas 2)',
  );
  await expect(page.getByRole('button', { name: 'Importar 2 filas' })).toBeDisabled();
  // The preview scrolls sideways: a keyboard can reach it (axe scrollable-region-focusable).
  await expect(page.getByRole('region', { name: /Vista previa/ })).toHaveAttribute('tabindex', '0');
  await expect(page.getByTestId('import-prescribed')).toContainText(
    'Vencida el 14/02/2013, hace más de 5 años',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/files-04-party-question.png`, fullPage: true });

  await question.getByRole('button', { name: 'Sí, es el mismo cliente' }).click();
  await page.getByRole('button', { name: 'Importar 2 filas' }).click();
  await expect(page.getByText(/Importadas 2 facturas \(0 clientes nuevos\)/)).toBeVisible();
  await page.getByRole('link', { name: 'Clientes' }).click();
  await expect(page.getByText('Bodegas Somontano S.L.')).toHaveCount(0);
});

/** A Facturae 3.2.2 file issued by `sellerTaxId`, written from the schema for this test. */
function facturae(sellerTaxId: string, sellerName: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>
<fe:Facturae xmlns:fe="http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml">
<FileHeader><SchemaVersion>3.2.2</SchemaVersion></FileHeader>
<Parties>
<SellerParty><TaxIdentification><TaxIdentificationNumber>${sellerTaxId}</TaxIdentificationNumber></TaxIdentification>
<LegalEntity><CorporateName>${sellerName}</CorporateName></LegalEntity></SellerParty>
<BuyerParty><TaxIdentification><TaxIdentificationNumber>B12345674</TaxIdentificationNumber></TaxIdentification>
<LegalEntity><CorporateName>Talleres Hermanos García S.L.</CorporateName></LegalEntity></BuyerParty>
</Parties>
<Invoices><Invoice>
<InvoiceHeader><InvoiceNumber>0042</InvoiceNumber><InvoiceSeriesCode>2026A</InvoiceSeriesCode></InvoiceHeader>
<InvoiceIssueData><IssueDate>2026-10-01</IssueDate><InvoiceCurrencyCode>EUR</InvoiceCurrencyCode></InvoiceIssueData>
<InvoiceTotals><TotalGrossAmountBeforeTaxes>1000.00</TotalGrossAmountBeforeTaxes><TotalTaxOutputs>210.00</TotalTaxOutputs>
<TotalTaxesWithheld>0.00</TotalTaxesWithheld><InvoiceTotal>1210.00</InvoiceTotal>
<TotalOutstandingAmount>1210.00</TotalOutstandingAmount><TotalExecutableAmount>1210.00</TotalExecutableAmount></InvoiceTotals>
</Invoice></Invoices></fe:Facturae>`,
    'utf8',
  );
}

test('an e-invoice issued by someone else is refused; one issued by the company is shown', async ({
  page,
}) => {
  await openAppOn(page, '2026-11-23');
  await fillCompany(page);
  await page.getByRole('link', { name: 'Importar' }).click();
  await page.getByRole('tab', { name: 'Facturas electrónicas' }).click();
  await chooseFile(
    page,
    'Elegir factura electrónica…',
    'proveedor.xml',
    facturae('A28000032', 'Suministros Aragón S.A.'),
  );
  await expect(page.getByRole('alert')).toContainText(
    '«proveedor.xml» no es una factura emitida por ti: la emite Suministros Aragón S.A. (NIF A28000032)',
  );
  await expect(page.getByRole('button', { name: /Importar 1 factura\b/ })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/files-05-foreign-seller.png` });

  await chooseFile(
    page,
    'Elegir factura electrónica…',
    'nuestra.xml',
    facturae('ESB50123454', 'Reformas Ebro S.L.'),
  );
  await expect(page.getByRole('row').filter({ hasText: '2026A-0042' })).toContainText(
    'Talleres Hermanos García S.L. (B12345674)',
  );
  await page.getByRole('button', { name: 'Importar 1 factura' }).click();
  await expect(page.getByText('Importada 1 factura (1 cliente nuevo).')).toBeVisible();
});
