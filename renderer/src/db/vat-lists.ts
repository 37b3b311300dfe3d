// What the VAT cards show (Hoy's rows to act on, the Panel's list), made once per revision of the
// ledger and day: every table they read makes a new revision when written (ledger-mirror.ts).
import type { CalendarDate } from '../../../shared/domain/dates';
import { compareVatUrgency, vatNeedsAttention } from '../../../shared/domain/vat-recovery-status';
import { vatTodayItems, type VatTodayItem } from '../../../shared/domain/vat-today';
import type { CuentasDatabase } from './database';
import { keptForRevision } from './ledger-mirror';
import { listVatRecovery, type VatRow } from './vat-recovery-repo';

/** The whole ledger's VAT rows (listVatRecovery), shared by both cards. */
function allRows(db: CuentasDatabase, today: CalendarDate): Promise<VatRow[]> {
  return keptForRevision(db, `vat rows ${today}`, () => listVatRecovery(db, today));
}

/** Hoy's rows: one per invoice with a VAT window to act on, most urgent first, with its client. */
export function loadVatTodayRows(
  db: CuentasDatabase,
  today: CalendarDate,
): Promise<readonly (VatTodayItem & { clientName: string })[]> {
  return keptForRevision(db, `vat today ${today}`, async () => {
    const all = await allRows(db, today);
    const names = new Map(all.map((row) => [row.client.id, row.client.name]));
    return vatTodayItems(
      all.map((row) => row.status),
      today,
    ).map((item) => ({ ...item, clientName: names.get(item.clientId) ?? '' }));
  });
}

/** The Panel's list: every invoice whose VAT needs attention, the most urgent first. */
export function loadVatList(db: CuentasDatabase, today: CalendarDate): Promise<readonly VatRow[]> {
  return keptForRevision(db, `vat list ${today}`, async () =>
    (await allRows(db, today))
      .filter((row) => vatNeedsAttention(row.status, today))
      .sort((a, b) => compareVatUrgency(a.status, b.status)),
  );
}
