// The Panel's open figures (receivable, overdue, aging, each client's sums) tallied invoice by invoice.
import {
  AGING_BUCKETS,
  agingBucketIndexOf,
  dueAgingOfColumns,
} from '../../../../shared/domain/aging';
import type { LedgerDayColumns } from '../../../../shared/domain/ledger-day-columns';
import type { CompactInvoice } from '../../../../shared/domain/ledger-read-model';
import { invoiceState, type LedgerStateContext } from '../../../../shared/domain/ledger-state';

const BUCKETS = AGING_BUCKETS.length;

/** A client's open sums; its buckets are at `at` in the tally's client columns. */
export interface ClientSums {
  outstandingCents: number;
  overdueCents: number;
  /** Where its five buckets start in `clientBuckets` and `clientDueBuckets`. */
  at: number;
}

/**
 * Totals by position in AGING_BUCKETS (numbers, not records looked up by name per invoice). One
 * `add` per open invoice: a small method called 100,000s of times is compiled early, where the
 * same work inlined in one long loop waits for the loop to be optimized (the bench times the
 * second run ever).
 */
export class OpenTally {
  receivableCents = 0;
  openCount = 0;
  overdueCents = 0;
  overdueCount = 0;
  readonly agingCents = new Float64Array(BUCKETS);
  readonly agingCounts = new Float64Array(BUCKETS);
  readonly byDueCents = new Float64Array(BUCKETS);
  readonly byDueCounts = new Float64Array(BUCKETS);
  /** By client id, in the order of each client's first open invoice. */
  readonly perClient = new Map<string, ClientSums>();
  /** Every client's buckets in two columns (at most one client per open invoice). */
  readonly clientBuckets: Float64Array;
  readonly clientDueBuckets: Float64Array;
  private readonly split = new Float64Array(BUCKETS);
  // A client's invoices usually come together: its sums are looked up once per run of them.
  private sumsClient = '';
  private sums: ClientSums | null = null;

  constructor(
    private readonly columns: LedgerDayColumns,
    private readonly ctx: LedgerStateContext,
  ) {
    this.clientBuckets = new Float64Array(columns.open.length * BUCKETS);
    this.clientDueBuckets = new Float64Array(columns.open.length * BUCKETS);
  }

  private sumsOf(clientId: string): ClientSums {
    if (this.sums && clientId === this.sumsClient) return this.sums;
    let sums = this.perClient.get(clientId);
    if (!sums) {
      sums = { outstandingCents: 0, overdueCents: 0, at: this.perClient.size * BUCKETS };
      this.perClient.set(clientId, sums);
    }
    this.sumsClient = clientId;
    this.sums = sums;
    return sums;
  }

  /** One open invoice, at position `row` of the columns. */
  add(invoice: CompactInvoice, row: number): void {
    // The same state the ledger's rows carry (ledger-state.ts), so a click finds exactly these.
    const state = invoiceState(invoice, this.ctx);
    const outstanding = state.outstandingCents;
    this.receivableCents += outstanding;
    this.openCount += 1;
    if (state.overdueCents > 0) {
      this.overdueCents += state.overdueCents;
      this.overdueCount += 1;
    }
    const sums = this.sumsOf(invoice.clientId);
    sums.outstandingCents += outstanding;
    sums.overdueCents += state.overdueCents;
    if (state.bucket !== null) {
      const bucket = agingBucketIndexOf(state.daysOverdue);
      this.agingCents[bucket] = (this.agingCents[bucket] as number) + outstanding;
      this.agingCounts[bucket] = (this.agingCounts[bucket] as number) + 1;
      const at = sums.at + bucket;
      this.clientBuckets[at] = (this.clientBuckets[at] as number) + outstanding;
    }
    const split = this.split;
    const todayNumber = this.ctx.todayNumber;
    dueAgingOfColumns(invoice.planId !== null, state, todayNumber, this.columns, row, split);
    for (let b = 0; b < BUCKETS; b += 1) {
      const cents = split[b] as number;
      if (cents === 0) continue;
      this.byDueCents[b] = (this.byDueCents[b] as number) + cents;
      this.byDueCounts[b] = (this.byDueCounts[b] as number) + 1;
      const at = sums.at + b;
      this.clientDueBuckets[at] = (this.clientDueBuckets[at] as number) + cents;
    }
  }
}
