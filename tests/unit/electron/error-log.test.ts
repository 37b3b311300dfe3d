import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createErrorLog,
  formatEntry,
  logProcessCrashes,
  logUncaughtErrors,
} from '../../../electron/error-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date('2026-11-23T05:00:00.000Z');

describe('error log', () => {
  it('writes one dated line per entry with level and source, detail indented below', () => {
    const log = createErrorLog({ dir });
    log.write({ level: 'error', source: 'main', message: 'falló', detail: 'a\nb' }, at);
    expect(readFileSync(log.filePath, 'utf8')).toBe(
      '2026-11-23T05:00:00.000Z [ERROR] main: falló\n  a\n  b\n',
    );
  });

  it('creates the logs folder when it does not exist yet', () => {
    const log = createErrorLog({ dir: path.join(dir, 'nuevo', 'logs') });
    log.write({ level: 'info', source: 'main', message: 'hola' }, at);
    expect(existsSync(log.filePath)).toBe(true);
  });

  it('rotates by size and keeps only the configured number of old files', () => {
    const entry = { level: 'warn', source: 'main', message: 'x'.repeat(40) } as const;
    const lineBytes = Buffer.byteLength(formatEntry(entry, at));
    const log = createErrorLog({ dir, maxBytes: lineBytes * 2, keep: 2 });
    for (let i = 0; i < 9; i += 1) log.write(entry, at);
    const names = ['cuentas-claras.log', 'cuentas-claras.1.log', 'cuentas-claras.2.log'];
    for (const name of names) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(lineBytes * 2);
    }
    expect(existsSync(path.join(dir, 'cuentas-claras.3.log'))).toBe(false);
  });

  it('sends uncaught exceptions and unhandled rejections of the main process to the file', () => {
    const log = createErrorLog({ dir });
    const fakeProcess = new EventEmitter();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    logUncaughtErrors(log, fakeProcess);
    fakeProcess.emit('uncaughtException', new Error('boom'));
    fakeProcess.emit('unhandledRejection', 'sin motivo');
    const text = readFileSync(log.filePath, 'utf8');
    expect(text).toContain('[ERROR] main: boom');
    expect(text).toContain('[ERROR] main (promise): sin motivo');
  });

  it('records a crashed renderer, and ignores helpers that exit cleanly', () => {
    const log = createErrorLog({ dir });
    const app = new EventEmitter();
    logProcessCrashes(log, app);
    app.emit('render-process-gone', {}, {}, { reason: 'oom', exitCode: 9 });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'clean-exit', exitCode: 0 });
    const text = readFileSync(log.filePath, 'utf8');
    expect(text).toContain('oom (código 9)');
    expect(text).not.toContain('GPU');
  });
});
