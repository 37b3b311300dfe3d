// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_LIMITS } from '../../../../shared/log-entry';

const writeLog = vi.fn(() => Promise.resolve(true));
vi.mock('../../../../renderer/src/platform', () => ({
  getPlatform: () => ({ writeLog }),
}));

const log = await import('../../../../renderer/src/app/error-log');

beforeEach(() => {
  log.clearRecentErrors();
  writeLog.mockClear();
});

describe('renderer error log', () => {
  it('keeps an error in the recent list and hands it to the platform’s log file', () => {
    log.logError(
      'pantalla ledger',
      new TypeError('x is undefined'),
      'in <LedgerScreen>',
      new Date('2026-11-23T05:00:00Z'),
    );
    expect(log.recentErrors()).toEqual([
      expect.objectContaining({
        at: '2026-11-23T05:00:00.000Z',
        source: 'pantalla ledger',
        message: 'TypeError: x is undefined',
      }),
    ]);
    expect(log.recentErrors()[0]?.detail).toContain('in <LedgerScreen>');
    expect(writeLog).toHaveBeenCalledWith(
      expect.objectContaining({ level: 'error', source: 'pantalla ledger' }),
    );
  });

  it('survives a reload through localStorage, keeping only the newest entries', async () => {
    for (let i = 0; i < log.MAX_RECENT + 5; i += 1) log.logError('x', new Error(`fallo ${i}`));
    vi.resetModules();
    const reloaded = await import('../../../../renderer/src/app/error-log');
    const entries = reloaded.recentErrors();
    expect(entries).toHaveLength(log.MAX_RECENT);
    expect(entries.at(-1)?.message).toBe(`Error: fallo ${log.MAX_RECENT + 4}`);
  });

  it('cuts records to the limits the IPC contract accepts', () => {
    const record = log.toLogRecord(
      's'.repeat(500),
      new Error('m'.repeat(10_000)),
      'd'.repeat(50_000),
    );
    expect(record.source.length).toBeLessThanOrEqual(LOG_LIMITS.source);
    expect(record.message.length).toBeLessThanOrEqual(LOG_LIMITS.message);
    expect(record.detail?.length ?? 0).toBeLessThanOrEqual(LOG_LIMITS.detail);
  });

  it('ignores garbage left in localStorage instead of failing', async () => {
    localStorage.setItem('cuentas-claras.error-log', '{not json');
    vi.resetModules();
    const reloaded = await import('../../../../renderer/src/app/error-log');
    expect(reloaded.recentErrors()).toEqual([]);
  });

  it('tells subscribers when the list changes', () => {
    const listener = vi.fn();
    const unsubscribe = log.subscribeToErrors(listener);
    log.logError('x', 'texto');
    unsubscribe();
    log.logError('x', 'otro');
    expect(listener).toHaveBeenCalledOnce();
  });
});
