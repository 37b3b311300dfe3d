import type { IpcMainInvokeEvent } from 'electron';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createErrorLog } from '../../../electron/error-log';
import { createLogHandlers } from '../../../electron/log-handlers';
import { IPC_CHANNELS } from '../../../shared/ipc';
import { LOG_LIMITS } from '../../../shared/log-entry';

vi.mock('electron', () => ({}));

const event = {} as IpcMainInvokeEvent;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-log-handlers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('log handlers', () => {
  it('a line break in a renderer message cannot forge a main-process line', async () => {
    const log = createErrorLog({ dir });
    const handlers = createLogHandlers(log, undefined);
    const forged = '2026-03-01T10:00:00.000Z [ERROR] main: fallo';
    for (const breakText of ['\n', '\r\n', '\r', '\u2028']) {
      await handlers['log:write'](
        {
          level: 'info',
          source: `x${breakText}y`,
          message: `ok${breakText}${forged}`,
          detail: `a${breakText}${forged}`,
        },
        event,
      );
    }
    const lines = readFileSync(log.filePath, 'utf8').split(/\r\n|\r|\n|\u2028/);
    expect(lines.filter((line) => /^\d{4}-\d{2}-\d{2}T\S+ \[ERROR\] main: /.test(line))).toEqual(
      [],
    );
    expect(lines.filter((line) => line.includes('[INFO] renderer: x\\ny: ok\\n'))).toHaveLength(4);
  });

  it('appends a renderer error to the log, marked as coming from the renderer', async () => {
    const log = createErrorLog({ dir });
    const handlers = createLogHandlers(log, undefined);
    await expect(
      Promise.resolve(
        handlers['log:write']({ level: 'error', source: 'main', message: 'pantalla rota' }, event),
      ),
    ).resolves.toEqual({ written: true });
    expect(readFileSync(log.filePath, 'utf8')).toContain('renderer: main: pantalla rota');
  });

  it('opens only the log file itself, creating it when nothing was logged yet', async () => {
    const log = createErrorLog({ dir });
    const openPath = vi.fn(() => Promise.resolve(''));
    const result = await createLogHandlers(log, openPath)['log:open']({}, event);
    expect(openPath).toHaveBeenCalledWith(log.filePath);
    expect(result).toEqual({ opened: true, filePath: log.filePath });
    expect(readFileSync(log.filePath, 'utf8')).toContain('Registro creado');
  });

  it('reports opened: false when the system could not open the file', async () => {
    const log = createErrorLog({ dir });
    const result = await createLogHandlers(log, () => Promise.resolve('no app'))['log:open'](
      {},
      event,
    );
    expect(result.opened).toBe(false);
  });

  it('rejects oversized, unknown-level or extra-field log requests at the contract', () => {
    const schema = IPC_CHANNELS['log:write'].request;
    const ok = { level: 'error', source: 'x', message: 'y' };
    expect(schema.safeParse(ok).success).toBe(true);
    expect(schema.safeParse({ ...ok, message: 'y'.repeat(LOG_LIMITS.message + 1) }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...ok, detail: 'd'.repeat(LOG_LIMITS.detail + 1) }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...ok, level: 'fatal' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, path: '/etc/passwd' }).success).toBe(false);
    expect(IPC_CHANNELS['log:open'].request.safeParse({ path: '/etc/passwd' }).success).toBe(false);
  });
});
