// The index before the keystroke work (commit 3eccf3d), for the before → after perf comparison only.
import {
  compileSearch,
  filterRows,
  ledgerTotals,
  OPEN_STATUSES,
  type CompiledSearch,
  type FilterableRow,
  type LedgerFilter,
  type LedgerTotals,
} from '../../../../../shared/domain/ledger-filter';

type IndexedRow = FilterableRow & { lifecycle: string };

/** Joins the rows' search texts; never inside a query (an input's value holds no line breaks). */
const SEPARATOR = '\n';
const LIFECYCLE_ISSUED = 1;
const LIFECYCLE_CANCELLED = 2;

export interface LedgerIndex<T extends IndexedRow> {
  readonly rows: readonly T[];
  /** Every row's `searchText`, joined by \n; `searchStarts[i]` is where row i's begins. */
  readonly searchJoined: string;
  readonly searchStarts: Int32Array;
  /** Every row's `amountText`, joined by \n, with `amountStarts` likewise. */
  readonly amountJoined: string;
  readonly amountStarts: Int32Array;
  /** Small codes for the values of `status`, `bucket` (0 is null) and `clientId`. */
  readonly statusCodes: ReadonlyMap<string, number>;
  readonly status: Uint8Array;
  readonly bucketCodes: ReadonlyMap<string, number>;
  readonly bucket: Uint8Array;
  readonly clientCodes: ReadonlyMap<string, number>;
  readonly client: Int32Array;
  readonly inPlan: Uint8Array;
  readonly lifecycle: Uint8Array;
  readonly payable: Float64Array;
  readonly outstanding: Float64Array;
  readonly overdue: Float64Array;
  /** Every row's totals (what an empty filter shows). */
  readonly totals: LedgerTotals;
}

function codeOf(codes: Map<string, number>, value: string): number {
  let code = codes.get(value);
  if (code === undefined) {
    code = codes.size + 1;
    codes.set(value, code);
  }
  return code;
}

/** One pass over the rows; then every filter reads the columns. */
export function buildLedgerIndex<T extends IndexedRow>(rows: readonly T[]): LedgerIndex<T> {
  const n = rows.length;
  const searchStarts = new Int32Array(n + 1);
  const amountStarts = new Int32Array(n + 1);
  const search = new Array<string>(n);
  const amounts = new Array<string>(n);
  const statusCodes = new Map<string, number>();
  const bucketCodes = new Map<string, number>();
  const clientCodes = new Map<string, number>();
  const status = new Uint8Array(n);
  const bucket = new Uint8Array(n);
  const client = new Int32Array(n);
  const inPlan = new Uint8Array(n);
  const lifecycle = new Uint8Array(n);
  const payable = new Float64Array(n);
  const outstanding = new Float64Array(n);
  const overdue = new Float64Array(n);
  let searchAt = 0;
  let amountAt = 0;
  let payableCents = 0;
  let outstandingCents = 0;
  let overdueCents = 0;
  for (let i = 0; i < n; i += 1) {
    const row = rows[i] as T;
    search[i] = row.searchText;
    amounts[i] = row.amountText;
    searchStarts[i] = searchAt;
    amountStarts[i] = amountAt;
    searchAt += row.searchText.length + 1;
    amountAt += row.amountText.length + 1;
    status[i] = codeOf(statusCodes, row.status);
    bucket[i] = row.bucket === null ? 0 : codeOf(bucketCodes, row.bucket);
    client[i] = codeOf(clientCodes, row.clientId);
    inPlan[i] = row.inPlan === true ? 1 : 0;
    lifecycle[i] =
      row.lifecycle === 'issued'
        ? LIFECYCLE_ISSUED
        : row.lifecycle === 'cancelled'
          ? LIFECYCLE_CANCELLED
          : 0;
    payable[i] = row.payableCents;
    outstanding[i] = row.outstandingCents;
    overdue[i] = row.overdueCents;
    // Every row's totals as ledgerTotals adds them, in the same pass.
    if (lifecycle[i] !== LIFECYCLE_CANCELLED) payableCents += row.payableCents;
    if (lifecycle[i] === LIFECYCLE_ISSUED) outstandingCents += row.outstandingCents;
    overdueCents += row.overdueCents;
  }
  searchStarts[n] = searchAt;
  amountStarts[n] = amountAt;
  if (statusCodes.size > 255 || bucketCodes.size > 255) {
    throw new Error('More than 255 distinct statuses or buckets in the ledger');
  }
  return {
    rows,
    searchJoined: search.join(SEPARATOR),
    searchStarts,
    amountJoined: amounts.join(SEPARATOR),
    amountStarts,
    statusCodes,
    status,
    bucketCodes,
    bucket,
    clientCodes,
    client,
    inPlan,
    lifecycle,
    payable,
    outstanding,
    overdue,
    totals: { count: n, payableCents, outstandingCents, overdueCents },
  };
}

/**
 * The row whose text holds position `at` in a joined string (starts ascending), at or after row
 * `from`: the next match is most often a row or two further, so the search gallops from there.
 */
function rowAt(starts: Int32Array, at: number, from: number): number {
  const last = starts.length - 2;
  let low = from;
  let step = 1;
  let high = from + step;
  while (high <= last && (starts[high] as number) <= at) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > last) high = last;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Marks every row whose text (in `joined`) contains `needle`: one scan of one long string. */
function markMatches(joined: string, starts: Int32Array, needle: string, marks: Uint8Array): void {
  let at = joined.indexOf(needle);
  let row = 0;
  while (at !== -1) {
    row = rowAt(starts, at, row);
    marks[row] = 1;
    at = joined.indexOf(needle, starts[row + 1]);
  }
}

function matchesRow(row: IndexedRow, search: CompiledSearch): boolean {
  if (row.searchText.includes(search.text)) return true;
  return search.amountPrefix !== null && row.amountText.includes(search.amountPrefix);
}

export interface LedgerSelection {
  /** The kept rows' positions in `index.rows`, ascending. */
  positions: Int32Array;
  totals: LedgerTotals;
}

/**
 * The rows `filter` keeps, as `filterRows(index.rows, filter)` keeps them, and their totals. With
 * `within` (a previous selection this filter narrows), only those rows are looked at.
 */
export function selectRows<T extends IndexedRow>(
  index: LedgerIndex<T>,
  filter: LedgerFilter,
  within: Int32Array | null = null,
): LedgerSelection {
  const n = index.rows.length;
  const search = compileSearch(filter.search);
  if (search !== null && search.text.includes(SEPARATOR)) {
    // A query no one can type (a line break): the plain scan answers it.
    const kept = new Set(filterRows(index.rows, filter));
    const positions = Int32Array.from(index.rows.flatMap((row, i) => (kept.has(row) ? [i] : [])));
    return { positions, totals: ledgerTotals([...kept]) };
  }
  // A long list of candidates: scan the joined text once; a short one: look at each candidate.
  let marks: Uint8Array | null = null;
  if (search !== null && (within === null || within.length * 16 > n)) {
    marks = new Uint8Array(n);
    markMatches(index.searchJoined, index.searchStarts, search.text, marks);
    if (search.amountPrefix !== null) {
      markMatches(index.amountJoined, index.amountStarts, search.amountPrefix, marks);
    }
  }
  const statusAccepted = new Uint8Array(256);
  const statuses = new Set<string>(filter.statuses);
  const wantsPlan = statuses.has('in_plan');
  for (const [value, code] of index.statusCodes) {
    if (
      statuses.has(value) ||
      (statuses.has('open') && (OPEN_STATUSES as ReadonlySet<string>).has(value))
    ) {
      statusAccepted[code] = 1;
    }
  }
  const bucketAccepted = new Uint8Array(256);
  for (const value of filter.buckets) {
    const code = index.bucketCodes.get(value);
    if (code !== undefined) bucketAccepted[code] = 1;
  }
  const clientAccepted = new Set<number>();
  for (const id of filter.clientIds) {
    const code = index.clientCodes.get(id);
    clientAccepted.add(code ?? -1);
  }
  const { issueFrom, issueTo, dueFrom, dueTo, minCents, maxCents, notContactedSince } = filter;
  const byIssue = issueFrom !== null || issueTo !== null;
  const byDue = dueFrom !== null || dueTo !== null;
  const { rows, status, bucket, client, inPlan, lifecycle, payable, outstanding, overdue } = index;
  const kept = new Int32Array(within === null ? n : within.length);
  let count = 0;
  let payableCents = 0;
  let outstandingCents = 0;
  let overdueCents = 0;
  const total = within === null ? n : within.length;
  for (let k = 0; k < total; k += 1) {
    const i = within === null ? k : (within[k] as number);
    if (statuses.size > 0 && statusAccepted[status[i] as number] !== 1) {
      if (!(wantsPlan && inPlan[i] === 1)) continue;
    }
    if (filter.buckets.length > 0 && bucketAccepted[bucket[i] as number] !== 1) continue;
    if (clientAccepted.size > 0 && !clientAccepted.has(client[i] as number)) continue;
    if (filter.overdueOnly && (overdue[i] as number) <= 0) continue;
    if (minCents !== null && (payable[i] as number) < minCents) continue;
    if (maxCents !== null && (payable[i] as number) > maxCents) continue;
    if (byIssue || byDue || notContactedSince !== null) {
      const row = rows[i] as T;
      if (byIssue && !inRange(row.issueDate, issueFrom, issueTo)) continue;
      if (byDue && !inRange(row.nextDueDate, dueFrom, dueTo)) continue;
      const contact = row.lastContactDate;
      if (notContactedSince !== null && contact !== null && contact >= notContactedSince) continue;
    }
    if (search !== null && (marks === null ? !matchesRow(rows[i] as T, search) : marks[i] !== 1)) {
      continue;
    }
    kept[count] = i;
    count += 1;
    const life = lifecycle[i] as number;
    if (life !== LIFECYCLE_CANCELLED) payableCents += payable[i] as number;
    if (life === LIFECYCLE_ISSUED) outstandingCents += outstanding[i] as number;
    overdueCents += overdue[i] as number;
  }
  return {
    positions: kept.slice(0, count),
    totals: { count, payableCents, outstandingCents, overdueCents },
  };
}

function inRange(value: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (value === null) return false;
  return (from === null || value >= from) && (to === null || value <= to);
}

/** The selected rows themselves, in the index's order. */
export function rowsAt<T extends IndexedRow>(index: LedgerIndex<T>, positions: Int32Array): T[] {
  const rows = new Array<T>(positions.length);
  for (let k = 0; k < positions.length; k += 1) rows[k] = index.rows[positions[k] as number] as T;
  return rows;
}

/**
 * The positions 0..n-1 ordered by `keys` (ascending, or descending with `desc`), ties in position
 * order: the order a stable sort of the rows by that key gives, in either direction.
 */
export function sortPermutation(keys: ArrayLike<string | number>, desc: boolean): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (n === 0) return order;
  const direction = desc ? -1 : 1;
  if (typeof keys[0] === 'number') {
    const numbers = new Float64Array(n);
    for (let i = 0; i < n; i += 1) numbers[i] = Number(keys[i]);
    return order.sort(
      (a, b) => ((numbers[a] as number) - (numbers[b] as number)) * direction || a - b,
    );
  }
  const strings = Array.from(keys, String);
  return order.sort((a, b) => {
    const x = strings[a] as string;
    const y = strings[b] as string;
    return (x < y ? -1 : x > y ? 1 : 0) * direction || a - b;
  });
}

/** A whole ledger's sort order and, for each position, its place in that order. */
export interface LedgerOrder {
  readonly order: Int32Array;
  readonly rank: Int32Array;
}

export function ledgerOrder(order: Int32Array): LedgerOrder {
  const rank = new Int32Array(order.length);
  for (let k = 0; k < order.length; k += 1) rank[order[k] as number] = k;
  return { order, rank };
}

/**
 * `positions` (ascending, as `selectRows` gives them) in `sorted`'s order, without comparing rows:
 * a large selection walks the whole order once; a small one sorts its ranks (plain integers).
 */
export function orderSelection(sorted: LedgerOrder, positions: Int32Array): Int32Array {
  const { order, rank } = sorted;
  const n = order.length;
  const k = positions.length;
  if (k * 16 > n) {
    const kept = new Uint8Array(n);
    for (let j = 0; j < k; j += 1) kept[positions[j] as number] = 1;
    const result = new Int32Array(k);
    let at = 0;
    for (let r = 0; r < n && at < k; r += 1) {
      const i = order[r] as number;
      if (kept[i] === 1) result[at++] = i;
    }
    return result;
  }
  const ranks = new Int32Array(k);
  for (let j = 0; j < k; j += 1) ranks[j] = rank[positions[j] as number] as number;
  ranks.sort();
  for (let j = 0; j < k; j += 1) ranks[j] = order[ranks[j] as number] as number;
  return ranks;
}
