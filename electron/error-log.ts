// The local error log: one text file in the app's logs folder, rotated by size; nothing leaves the machine.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'error' | 'warn' | 'info';

export interface LogEntry {
  level: LogLevel;
  /** Where it happened: "main", "renderer", a screen name. */
  source: string;
  message: string;
  detail?: string;
}

export interface ErrorLog {
  /** The current log file (the one to open). */
  readonly filePath: string;
  write(entry: LogEntry, at?: Date): void;
}

export interface ErrorLogOptions {
  dir: string;
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** How many rotated files to keep beside the current one (main.1.log … main.N.log). */
  keep?: number;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/**
 * One line per entry: a line break in the source or message is written as a visible "\n", so no
 * text (from the renderer, say) can start a line that passes for another entry; the detail keeps
 * its lines, each indented under its entry.
 */
export function formatEntry(entry: LogEntry, at: Date): string {
  const oneLine = (text: string) => text.replace(LINE_BREAK, '\\n');
  const detail = entry.detail ? `\n  ${entry.detail.replace(LINE_BREAK, '\n  ')}` : '';
  return `${at.toISOString()} [${entry.level.toUpperCase()}] ${oneLine(entry.source)}: ${oneLine(entry.message)}${detail}\n`;
}

export function createErrorLog({
  dir,
  maxBytes = 1024 * 1024,
  keep = 3,
}: ErrorLogOptions): ErrorLog {
  const filePath = path.join(dir, 'cuentas-claras.log');
  const rotated = (n: number) => path.join(dir, `cuentas-claras.${n}.log`);

  function rotateIfNeeded(incoming: number): void {
    if (!existsSync(filePath) || statSync(filePath).size + incoming <= maxBytes) return;
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    }
    renameSync(filePath, rotated(1));
  }

  return {
    filePath,
    write(entry, at = new Date()) {
      const line = formatEntry(entry, at);
      // Synchronous on purpose: the process may be about to die, and a crash log that is lost is no log.
      try {
        mkdirSync(dir, { recursive: true });
        rotateIfNeeded(Buffer.byteLength(line));
        appendFileSync(filePath, line, 'utf8');
      } catch (error) {
        console.error('No se pudo escribir el registro de errores:', error, line);
      }
    },
  };
}

function describe(error: unknown): { message: string; detail?: string } {
  if (error instanceof Error) {
    return { message: error.message, ...(error.stack ? { detail: error.stack } : {}) };
  }
  return { message: String(error) };
}

/** Sends the main process's uncaught errors to the log (and still to the console). */
/** The part of `process` that reports uncaught errors (an EventEmitter in tests). */
export interface UncaughtSource {
  on(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): unknown;
}

export function logUncaughtErrors(log: ErrorLog, target: UncaughtSource = process): void {
  target.on('uncaughtException', (error: unknown) => {
    console.error(error);
    log.write({ level: 'error', source: 'main', ...describe(error) });
  });
  target.on('unhandledRejection', (reason: unknown) => {
    console.error(reason);
    log.write({ level: 'error', source: 'main (promise)', ...describe(reason) });
  });
}

interface CrashDetails {
  reason: string;
  exitCode: number;
}
/** The part of Electron's `app` that reports dead renderer and helper processes. */
export interface CrashSource {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, webContents: unknown, details: CrashDetails) => void,
  ): unknown;
  on(
    event: 'child-process-gone',
    listener: (event: unknown, details: CrashDetails & { type: string }) => void,
  ): unknown;
}

/** A renderer or helper that dies cannot log itself: the main process writes it down. */
export function logProcessCrashes(log: ErrorLog, source: CrashSource): void {
  source.on('render-process-gone', (_event, _webContents, { reason, exitCode }) => {
    log.write({
      level: 'error',
      source: 'renderer',
      message: `El proceso de la ventana terminó: ${reason} (código ${exitCode})`,
    });
  });
  source.on('child-process-gone', (_event, { type, reason, exitCode }) => {
    if (reason === 'clean-exit') return;
    log.write({
      level: 'error',
      source: type,
      message: `Un proceso auxiliar terminó: ${reason} (código ${exitCode})`,
    });
  });
}
