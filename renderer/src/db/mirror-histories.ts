// The risk summaries of one revision, made from the model in memory (the same summariseHistory as
// the stored ones): Hoy reads no summary from IndexedDB once the payments are in memory, and a
// write makes again only the written clients' summaries.
import type { ClientHistoryRecord } from '../../../shared/domain/records';
import { summariseHistory } from './client-history';
import {
  derived,
  type LedgerMirror,
  type MirroredInvoices,
  type MirroredMoney,
} from './ledger-mirror';

interface KeptSummary {
  readonly money: MirroredMoney | undefined;
  readonly summary: ClientHistoryRecord;
}

/** By the client's invoices entry: the summary made of it and of its money entry then. */
const kept = new WeakMap<MirroredInvoices, KeptSummary>();

/** Each payment's date by id, over every client (only when an allocation is not its own client's). */
function everyPaymentDate(money: ReadonlyMap<string, MirroredMoney>): Map<string, string> {
  const dates = new Map<string, string>();
  for (const entry of money.values()) {
    for (const payment of entry.payments) dates.set(payment.id, payment.date);
  }
  return dates;
}

/**
 * Each client's summary of `clientIds` (a client with no invoices: nothing settled), or null when
 * the mirror was read without its payments (the caller reads the stored summaries).
 */
export function historiesOfMirror(
  mirror: LedgerMirror,
  clientIds: readonly string[],
): Map<string, ClientHistoryRecord> | null {
  const money = mirror.money;
  if (!money) return null;
  const all = derived(mirror, 'risk summaries', () => {
    const summaries = new Map<string, ClientHistoryRecord>();
    let allDates: Map<string, string> | null = null;
    for (const [clientId, invoices] of mirror.invoices) {
      const own = money.get(clientId);
      const known = kept.get(invoices);
      if (known && known.money === own) {
        summaries.set(clientId, known.summary);
        continue;
      }
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
      summaries.set(clientId, summary);
    }
    return summaries;
  });
  const result = new Map<string, ClientHistoryRecord>();
  for (const clientId of clientIds) {
    result.set(
      clientId,
      all.get(clientId) ?? summariseHistory(clientId, [], [], new Map<string, string>()),
    );
  }
  return result;
}
