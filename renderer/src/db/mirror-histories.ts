// The risk summaries of one revision, kept per client while its rows in the model in memory are the
// same objects: a write makes again only the written clients' summaries, from the mirror (the same
// summariseHistory as the stored ones). Many missing at once (the first open) are read as stored.
import type { ClientHistoryRecord } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { getClientHistories, summariseHistory } from './client-history';
import {
  derivedAsync,
  readMirror,
  type LedgerMirror,
  type MirroredInvoices,
  type MirroredMoney,
} from './ledger-mirror';

interface KeptSummary {
  readonly money: MirroredMoney | undefined;
  readonly summary: ClientHistoryRecord;
}

/** By the client's invoices entry: its summary, and the money entry it was made with. */
const kept = new WeakMap<MirroredInvoices, KeptSummary>();

/**
 * Up to this many clients missing are made from the mirror (a write's few); more are read as
 * stored: one read of 50.000 summaries costs less than deriving them from a million invoices.
 */
export const MADE_FROM_MIRROR_UP_TO = 500;

/** Each payment's date by id, over every client (only when an allocation is not its own client's). */
function everyPaymentDate(money: ReadonlyMap<string, MirroredMoney>): Map<string, string> {
  const dates = new Map<string, string>();
  for (const entry of money.values()) {
    for (const payment of entry.payments) dates.set(payment.id, payment.date);
  }
  return dates;
}

/** The clients' summaries made from the mirror's rows; the ones with a stray allocation not kept. */
function madeFromMirror(
  mirror: LedgerMirror,
  money: ReadonlyMap<string, MirroredMoney>,
  clientIds: readonly string[],
  into: Map<string, ClientHistoryRecord>,
): void {
  let allDates: Map<string, string> | null = null;
  for (const clientId of clientIds) {
    const invoices = mirror.invoices.get(clientId);
    if (!invoices) continue;
    const own = money.get(clientId);
    const dates = new Map<string, string>();
    for (const payment of own?.payments ?? []) dates.set(payment.id, payment.date);
    const allocations = own?.allocations ?? [];
    // A payment of another client's: the dates of every payment, as the stored summary reads them.
    const stray = allocations.some((allocation) => !dates.has(allocation.paymentId));
    const paymentDates = stray ? (allDates ??= everyPaymentDate(money)) : dates;
    const summary = Object.freeze(
      summariseHistory(clientId, invoices.invoices, allocations, paymentDates),
    );
    // A stray's date may change with another client's write: never kept across revisions.
    if (!stray) kept.set(invoices, { money: own, summary });
    into.set(clientId, summary);
  }
}

async function summariesOf(
  db: CuentasDatabase,
  mirror: LedgerMirror,
  madeUpTo: number,
): Promise<Map<string, ClientHistoryRecord>> {
  const summaries = new Map<string, ClientHistoryRecord>();
  const missing: string[] = [];
  const money = mirror.money;
  for (const [clientId, invoices] of mirror.invoices) {
    const known = kept.get(invoices);
    // Without the payments in memory a kept summary cannot be told current: read as stored.
    if (known && money && known.money === money.get(clientId))
      summaries.set(clientId, known.summary);
    else missing.push(clientId);
  }
  if (missing.length === 0) return summaries;
  if (money && missing.length <= madeUpTo) {
    madeFromMirror(mirror, money, missing, summaries);
    return summaries;
  }
  const stored = await getClientHistories(db, missing);
  for (const clientId of missing) {
    const summary = stored.get(clientId);
    const invoices = mirror.invoices.get(clientId);
    if (!summary || !invoices) continue;
    Object.freeze(summary);
    if (money) kept.set(invoices, { money: money.get(clientId), summary });
    summaries.set(clientId, summary);
  }
  return summaries;
}

/**
 * Each client's summary of `clientIds` as of `mirror`'s revision (a client with no invoices:
 * nothing settled), made once per revision.
 */
export async function historiesOfMirror(
  db: CuentasDatabase,
  mirror: LedgerMirror,
  clientIds: readonly string[],
  madeUpTo = MADE_FROM_MIRROR_UP_TO,
): Promise<Map<string, ClientHistoryRecord>> {
  const all = await derivedAsync(mirror, `risk summaries ${madeUpTo}`, () =>
    summariesOf(db, mirror, madeUpTo),
  );
  const result = new Map<string, ClientHistoryRecord>();
  for (const clientId of clientIds) {
    result.set(
      clientId,
      all.get(clientId) ?? summariseHistory(clientId, [], [], new Map<string, string>()),
    );
  }
  return result;
}

/**
 * Every client's summary of the model's current revision, read ahead of Hoy's first open (the
 * warm-up, once the payments are in memory): kept per client like any other.
 */
export async function warmRiskSummaries(db: CuentasDatabase): Promise<void> {
  const mirror = await readMirror(db, { money: true });
  if (mirror) await historiesOfMirror(db, mirror, []);
}
