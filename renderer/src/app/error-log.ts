// The renderer's error log: recent entries kept in localStorage (shown in Ajustes) and sent to the log file.
import { getPlatform } from '../platform';
import type { LogRecord } from '../platform/platform';
import { LOG_LIMITS } from '../../../shared/log-entry';

export interface LoggedError extends LogRecord {
  /** ISO instant. */
  at: string;
}

const STORAGE_KEY = 'cuentas-claras.error-log';
/** Enough to see what happened before a failure, small enough never to fill localStorage. */
export const MAX_RECENT = 50;

type Listener = () => void;
const listeners = new Set<Listener>();
let recent: LoggedError[] | null = null;

function isLoggedError(value: unknown): value is LoggedError {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.at === 'string' &&
    typeof entry.message === 'string' &&
    typeof entry.source === 'string'
  );
}

function load(): LoggedError[] {
  if (recent) return recent;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    recent = Array.isArray(parsed) ? parsed.filter(isLoggedError).slice(-MAX_RECENT) : [];
  } catch {
    recent = [];
  }
  return recent;
}

function store(entries: LoggedError[]): void {
  recent = entries;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
  } catch {
    // A full disk must not turn logging into a second failure; the entries stay in memory.
  }
  listeners.forEach((listener) => listener());
}

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** Turns anything thrown into a bounded log record (the IPC contract refuses longer ones). */
export function toLogRecord(source: string, error: unknown, extra?: string): LogRecord {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error) || '(sin mensaje)';
  const stack = error instanceof Error ? error.stack : undefined;
  const detail = [stack, extra].filter(Boolean).join('\n');
  return {
    level: 'error',
    source: cut(source, LOG_LIMITS.source),
    message: cut(message, LOG_LIMITS.message),
    ...(detail ? { detail: cut(detail, LOG_LIMITS.detail) } : {}),
  };
}

/** Records an error locally and in the log file (desktop); never throws, never sends it anywhere. */
export function logError(source: string, error: unknown, extra?: string, now = new Date()): void {
  const record = toLogRecord(source, error, extra);
  store([...load(), { ...record, at: now.toISOString() }].slice(-MAX_RECENT));
  getPlatform()
    .writeLog(record)
    .catch(() => undefined);
}

export function recentErrors(): readonly LoggedError[] {
  return load();
}

export function clearRecentErrors(): void {
  store([]);
}

/** For useSyncExternalStore: the Ajustes card re-renders when an error is logged. */
export function subscribeToErrors(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Plain text of the recent entries, for "copy" buttons. */
export function formatErrors(entries: readonly LoggedError[]): string {
  return entries
    .map(
      (entry) =>
        `${entry.at} [${entry.level}] ${entry.source}: ${entry.message}${entry.detail ? `\n${entry.detail}` : ''}`,
    )
    .join('\n\n');
}

let installed = false;

/** Catches what no component caught: script errors and rejected promises nobody awaited. */
export function installGlobalErrorLogging(target: Window = window): void {
  if (installed) return;
  installed = true;
  target.addEventListener('error', (event) => {
    logError('ventana', event.error ?? event.message);
  });
  target.addEventListener('unhandledrejection', (event) => {
    logError('promesa', event.reason);
  });
}
