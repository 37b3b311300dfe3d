// @vitest-environment jsdom
// The "set aside" list in Ajustes → Sincronización: an invoice number made on two devices names
// its client, and each of the two invoices' inputs and buttons is found by its label.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { activateDatabase } from '../../../../renderer/src/db/database';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { heldSameNumber, heldTable } from '../../../../renderer/src/db/sync/held';
import type { SyncHeldRecord } from '../../../../renderer/src/db/sync/records';
import { SyncHeldList } from '../../../../renderer/src/features/sync/SyncHeldList';
import { useUiStore } from '../../../../renderer/src/store/ui-store';
import { formatEuros } from '../../../../shared/domain/money';
import { clientInput, freshDb, invoiceInput } from '../db/test-db';

let db: CuentasDatabase;
// 1.210,00 € as shown (a no-break space before the sign).
const TOTAL = formatEuros(1_210_00, 'es-ES');

beforeEach(() => {
  db = freshDb();
  activateDatabase(db);
  useUiStore.getState().setLanguage('es');
});

afterEach(() => {
  cleanup();
  db.close();
});

/** Two invoices F-2026-0012 of one client, as a pull leaves them, and their entry in the list. */
async function samePair(name: string): Promise<SyncHeldRecord> {
  const client = await createClient(db, clientInput({ name }));
  const kept = await createInvoice(
    db,
    invoiceInput(client.id, { number: 'F-2026-0012', issueDate: '2026-01-12' }),
  );
  const pulled = await createInvoice(
    db,
    invoiceInput(client.id, { number: 'F-2026-0099', issueDate: '2026-01-14' }),
  );
  // The other device's copy arrives with the same number (the repository refuses that here).
  await db.invoices.update(pulled.id, { number: 'F-2026-0012' });
  const held: SyncHeldRecord = {
    id: `number:${[kept.id, pulled.id].sort().join('+')}`,
    kind: 'same_number',
    table: 'invoices',
    index: '[clientId+number]',
    key: pulled.id,
    keptKey: kept.id,
    source: 'remote',
    record: { ...pulled, number: 'F-2026-0012' },
    state: null,
    rev: null,
    gone: false,
    tookBack: null,
    at: '2026-01-14T10:00:00.000Z',
    resolvedAt: null,
    resolution: null,
  };
  await heldTable(db).put(held);
  return held;
}

describe('SyncHeldList, an invoice number made twice', () => {
  it('names the client in the entry and labels each invoice’s input and buttons', async () => {
    await samePair('Talleres Ruiz SL');
    render(<SyncHeldList />);
    expect(
      await screen.findByText(/La factura F-2026-0012 de Talleres Ruiz SL existe dos veces/),
    ).toBeTruthy();
    // The visible label finds both inputs; the accessible name tells the two invoices apart.
    expect(screen.getAllByLabelText('Nuevo número')).toHaveLength(2);
    const first = screen.getByRole('textbox', {
      name: `Nuevo número para la factura F-2026-0012 del 12/01/2026, ${TOTAL}`,
    });
    const second = screen.getByRole('textbox', {
      name: `Nuevo número para la factura F-2026-0012 del 14/01/2026, ${TOTAL}`,
    });
    expect(first).not.toBe(second);
    expect(
      screen.getByRole('button', {
        name: `Cambiar número de la factura F-2026-0012 del 14/01/2026, ${TOTAL}`,
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', {
        name: `Borrar la factura F-2026-0012 del 12/01/2026, ${TOTAL}`,
      }),
    ).toBeTruthy();
  });

  it('says so in English too', async () => {
    useUiStore.getState().setLanguage('en');
    await samePair('Talleres Ruiz SL');
    render(<SyncHeldList />);
    expect(
      await screen.findByText(/Invoice F-2026-0012 of Talleres Ruiz SL exists twice/),
    ).toBeTruthy();
    expect(screen.getAllByLabelText('New number')).toHaveLength(2);
  });
});

describe('heldSameNumber', () => {
  it('reads the two invoices and their client’s name as stored', async () => {
    const held = await samePair('Talleres Ruiz SL');
    const view = await heldSameNumber(db, held);
    expect(view.clientLabel).toBe('Talleres Ruiz SL');
    expect(view.invoices.map((invoice) => invoice.number)).toEqual(['F-2026-0012', 'F-2026-0012']);
  });

  it('falls back to the tax id without a name, and to nothing once the client is gone', async () => {
    const held = await samePair('Talleres Ruiz SL');
    const clientId = String(held.record.clientId);
    await db.clients.update(clientId, { name: '' });
    expect((await heldSameNumber(db, held)).clientLabel).toBe('B12345674');
    await db.clients.delete(clientId);
    expect((await heldSameNumber(db, held)).clientLabel).toBeNull();
    render(<SyncHeldList />);
    expect(
      await screen.findByText(/La factura F-2026-0012 de un cliente borrado existe dos veces/),
    ).toBeTruthy();
  });
});
