import { describe, expect, it } from 'vitest';
import { freshDb } from './test-db';
import { loadDemoData } from '../../../../renderer/src/db/demo-loader';
import {
  compareLedgerRows,
  deleteView,
  listSavedViews,
  loadLedger,
  loadLedgerFirstPage,
  saveView,
} from '../../../../renderer/src/db/ledger-queries';
import { isValidationError } from '../../../../shared/domain/validation';

const TODAY = '2026-11-23';

describe('loadLedger', () => {
  it('gives one row per invoice with its client, open invoices first by due date', async () => {
    const db = freshDb();
    await loadDemoData(db, { invoices: 300, today: TODAY });
    const { rows, clients } = await loadLedger(db, TODAY);
    expect(rows).toHaveLength(300);
    expect(rows.every((row) => row.clientName !== '')).toBe(true);
    for (let i = 1; i < rows.length; i += 1) {
      expect(compareLedgerRows(rows[i - 1]!, rows[i]!)).toBeLessThanOrEqual(0);
    }
    expect(clients.map((client) => client.name)).toEqual(
      [...clients.map((client) => client.name)].sort((a, b) => a.localeCompare(b, 'es')),
    );
    const contacted = rows.filter((row) => row.lastContactDate !== null);
    expect(contacted.length).toBeGreaterThan(0);
  });

  it('shows first the same rows the whole ledger starts with', async () => {
    const db = freshDb();
    await loadDemoData(db, { invoices: 300, today: TODAY });
    const first = await loadLedgerFirstPage(db, TODAY, 20);
    const { rows } = await loadLedger(db, TODAY);
    expect(first.rows.map((row) => row.id)).toEqual(rows.slice(0, 20).map((row) => row.id));
  });
});

describe('saved views', () => {
  it('stores a named view and deletes it', async () => {
    const db = freshDb();
    const view = await saveView(
      db,
      '  Morosos  ',
      { filter: { search: 'x' } },
      '2026-11-23T10:00:00Z',
    );
    expect(view.name).toBe('Morosos');
    expect(await listSavedViews(db)).toEqual([view]);
    await deleteView(db, view.id);
    expect(await listSavedViews(db)).toEqual([]);
  });

  it('refuses a view without a name, naming the field', async () => {
    const db = freshDb();
    const error: unknown = await saveView(db, '   ', {}).catch((caught: unknown) => caught);
    expect(isValidationError(error) && error.issues).toEqual([{ field: 'name', code: 'required' }]);
  });
});
