// The one place that turns a failed IndexedDB/Dexie write into a kind the UI can put into words.
export type WriteErrorKind =
  | 'quota' // the disk or the browser's share of it is full
  | 'readonly' // the database cannot be written (read-only profile, private mode)
  | 'blocked' // another window holds an old version of the database open
  | 'closed' // the database was closed or deleted under us (another window, clearing site data)
  | 'aborted' // the transaction was abandoned for another reason
  | 'unknown';

// Dexie's names (Dexie.errnames) and the DOMException names browsers use for the same failures.
const NAMES: Readonly<Record<string, WriteErrorKind>> = {
  QuotaExceededError: 'quota',
  ReadOnlyError: 'readonly',
  InvalidStateError: 'closed',
  DatabaseClosedError: 'closed',
  NotFoundError: 'closed',
  BlockedError: 'blocked',
  VersionChangeError: 'blocked',
  UpgradeError: 'blocked',
  OpenFailedError: 'closed',
  AbortError: 'aborted',
  TransactionInactiveError: 'aborted',
  UnknownError: 'unknown',
};

// The more specific cause wins over the wrapper: Dexie reports a full disk as AbortError(inner: Quota…).
const PRIORITY: readonly WriteErrorKind[] = ['quota', 'readonly', 'blocked', 'closed', 'aborted'];

function namesIn(error: unknown, seen = new Set<unknown>()): string[] {
  if (error === null || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const record = error as Record<string, unknown>;
  const own = typeof record.name === 'string' ? [record.name] : [];
  const message = typeof record.message === 'string' ? record.message : '';
  // Some engines only say it in the message ("…QuotaExceededError…", "quota exceeded").
  const fromMessage = /quota/i.test(message) ? ['QuotaExceededError'] : [];
  const failures: unknown[] = Array.isArray(record.failures) ? (record.failures as unknown[]) : [];
  const nested: unknown[] = [record.inner, record.cause, ...failures];
  return [...own, ...fromMessage, ...nested.flatMap((inner) => namesIn(inner, seen))];
}

/** What kind of write failure `error` is, looking through Dexie's wrappers (inner, cause, failures). */
export function classifyWriteError(error: unknown): WriteErrorKind {
  const kinds = new Set(namesIn(error).map((name) => NAMES[name] ?? 'unknown'));
  return PRIORITY.find((kind) => kinds.has(kind)) ?? 'unknown';
}
