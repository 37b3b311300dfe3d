import { afterEach, describe, expect, it } from 'vitest';
import { readEInvoiceFile } from '../../../../../renderer/src/features/import/einvoice-drafts';
import { commitEInvoices } from '../../../../../renderer/src/db/import-repo';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { freshDb } from '../../db/test-db';
import { hasSharedData, sharedBytes } from '../../../../support/shared-data';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe.skipIf(!hasSharedData)('e-invoice files into the ledger', () => {
  it('imports a Facturae with IRPF: the client, the amounts and what is collected', async () => {
    const lines = readEInvoiceFile(
      sharedBytes('facturae', 'invopop_gobl.facturae', 'invoice-vat-irpf.xml'),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.skip).toBeNull();
    db = freshDb();
    await commitEInvoices(
      db,
      lines.map((line) => line.draft),
      'invoice-vat-irpf.xml',
    );
    const [invoice] = await db.invoices.toArray();
    const [client] = await db.clients.toArray();
    expect(client).toMatchObject({ name: 'Moniward Sl', taxId: 'B77436020' });
    expect(invoice).toMatchObject({
      number: 'TEST01002F',
      taxableBaseCents: 423_700,
      vatCents: 84_392,
      totalCents: 508_092,
      withholdingCents: 60_030,
      payableCents: 448_062,
      outstandingCents: 448_062,
    });
  });

  it('marks credit notes and foreign currencies as not importable', () => {
    const credit = readEInvoiceFile(
      sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', 'base-creditnote-correction.xml'),
    );
    expect(credit[0]?.skip).toBe('credit_note');
    const pounds = readEInvoiceFile(
      sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', 'vat-category-Z.xml'),
    );
    expect(pounds[0]?.skip).toEqual({ currency: 'GBP' });
    const euros = readEInvoiceFile(
      sharedBytes('ubl', 'openpeppol_peppol-bis-invoice-3', 'base-example.xml'),
    );
    expect(euros[0]?.draft).toMatchObject({
      payableCents: 165_625,
      dues: [{ dueDate: '2017-12-01', amountCents: 165_625 }],
    });
  });
});
