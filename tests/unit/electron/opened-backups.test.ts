import type { IpcMainInvokeEvent } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, dialog: {}, Notification: class {}, shell: {} }));

const { backupPathFromArgv, checkBackupFile, createOpenedBackups } =
  await import('../../../electron/opened-backups');
const { createHandlers } = await import('../../../electron/ipc-handlers');
const { isUserChosenPath, rememberChosenPath } = await import('../../../electron/chosen-paths');
const { serializeBackup } = await import('../../../shared/formats/backup');
const { clientRow } = await import('../../support/record-samples');

const BACKUP = serializeBackup({
  schemaVersion: 2,
  createdAt: '2026-11-20T10:00:00.000Z',
  tables: { clients: [clientRow({ name: 'Talleres García' })], invoices: [] },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-opened-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('backupPathFromArgv', () => {
  it('finds the backup a Windows or Linux launch passes, made absolute', () => {
    expect(
      backupPathFromArgv(['C:\\App\\Cuentas Claras.exe', '/home/ana/Copias/marzo.ccbackup'], '/x'),
    ).toBe('/home/ana/Copias/marzo.ccbackup');
    expect(backupPathFromArgv(['/opt/cc/cuentas-claras', 'copia.CCBACKUP'], '/home/ana')).toBe(
      '/home/ana/copia.CCBACKUP',
    );
  });

  it('ignores the executable, switches and other files', () => {
    expect(backupPathFromArgv(['/x/a.ccbackup'], '/')).toBeNull();
    expect(
      backupPathFromArgv(['/opt/cc', '--hidden', '--flag=a.ccbackup', '.', 'notas.json'], '/'),
    ).toBeNull();
  });

  it('accepts the file:// URL a Linux file manager passes, and no other kind of URL', () => {
    expect(
      backupPathFromArgv(['/opt/cc', 'file:///home/ana/Mis%20copias/marzo.ccbackup'], '/'),
    ).toBe('/home/ana/Mis copias/marzo.ccbackup');
    expect(backupPathFromArgv(['/opt/cc', 'https://evil.example/x.ccbackup'], '/')).toBeNull();
    expect(backupPathFromArgv(['/opt/cc', 'file://otro-equipo/x.ccbackup'], '/')).toBeNull();
  });

  it('takes the last backup when several are passed', () => {
    expect(backupPathFromArgv(['/opt/cc', '/a/uno.ccbackup', '/a/dos.ccbackup'], '/')).toBe(
      '/a/dos.ccbackup',
    );
  });
});

describe('checkBackupFile', () => {
  it('hands over a real backup with its name and text', async () => {
    const file = path.join(dir, 'marzo.ccbackup');
    writeFileSync(file, BACKUP);
    await expect(checkBackupFile(file)).resolves.toEqual({
      name: 'marzo.ccbackup',
      content: BACKUP,
      problem: null,
    });
  });

  it('refuses a file that is not a backup, without its content', async () => {
    const file = path.join(dir, 'falsa.ccbackup');
    writeFileSync(file, '{"format":"otra-cosa"}');
    await expect(checkBackupFile(file)).resolves.toEqual({
      name: 'falsa.ccbackup',
      content: null,
      problem: 'not_backup',
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'grande.ccbackup');
    writeFileSync(file, BACKUP);
    const readFile = vi.fn();
    const fs = { stat: () => Promise.resolve({ size: 1000, isFile: () => true }), readFile };
    await expect(checkBackupFile(file, fs, 999)).resolves.toMatchObject({ problem: 'too_large' });
    expect(readFile).not.toHaveBeenCalled();
  });

  it('says unreadable for a missing file or a folder', async () => {
    await expect(checkBackupFile(path.join(dir, 'no.ccbackup'))).resolves.toMatchObject({
      problem: 'unreadable',
    });
    await expect(checkBackupFile(dir)).resolves.toMatchObject({ problem: 'unreadable' });
  });
});

describe('createOpenedBackups', () => {
  it('remembers a good file as chosen, announces it and hands it over once', async () => {
    const file = path.join(dir, 'marzo.ccbackup');
    writeFileSync(file, BACKUP);
    const announce = vi.fn();
    const opened = createOpenedBackups({ remember: rememberChosenPath, announce });
    expect(isUserChosenPath(file)).toBe(false);
    await opened.offer(file);
    expect(isUserChosenPath(file)).toBe(true);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(opened.take()).toMatchObject({ name: 'marzo.ccbackup', content: BACKUP });
    expect(opened.take()).toBeNull();
  });

  it('never remembers a refused file, but still tells the person', async () => {
    const file = path.join(dir, 'falsa.ccbackup');
    writeFileSync(file, 'hola');
    const remember = vi.fn();
    const opened = createOpenedBackups({ remember, announce: vi.fn() });
    await opened.offer(file);
    expect(remember).not.toHaveBeenCalled();
    expect(opened.take()).toMatchObject({ problem: 'not_backup', content: null });
  });

  it('ignores a relative path', async () => {
    const check = vi.fn();
    const opened = createOpenedBackups({ remember: vi.fn(), announce: vi.fn(), check });
    await opened.offer('copia.ccbackup');
    expect(check).not.toHaveBeenCalled();
    expect(opened.take()).toBeNull();
  });

  it('keeps the file opened last when two checks finish out of order', async () => {
    let finishFirst: (value: unknown) => void = () => undefined;
    const check = vi.fn((filePath: string) =>
      filePath.endsWith('uno.ccbackup')
        ? new Promise((resolve) => {
            finishFirst = resolve;
          }).then(() => ({ name: 'uno.ccbackup', content: '{}', problem: null }))
        : Promise.resolve({ name: 'dos.ccbackup', content: '{}', problem: null }),
    );
    const opened = createOpenedBackups({ remember: vi.fn(), announce: vi.fn(), check });
    const first = opened.offer('/a/uno.ccbackup');
    await opened.offer('/a/dos.ccbackup');
    finishFirst(null);
    await first;
    expect(opened.take()?.name).toBe('dos.ccbackup');
  });

  it('answers backup:take-opened through the IPC handlers', async () => {
    const file = path.join(dir, 'abril.ccbackup');
    writeFileSync(file, BACKUP);
    const opened = createOpenedBackups({ remember: vi.fn(), announce: vi.fn() });
    const handlers = createHandlers({ getWindow: () => null, openedBackups: opened });
    const event = {} as IpcMainInvokeEvent;
    await expect(Promise.resolve(handlers['backup:take-opened']({}, event))).resolves.toBeNull();
    await opened.offer(file);
    await expect(Promise.resolve(handlers['backup:take-opened']({}, event))).resolves.toMatchObject(
      { name: 'abril.ccbackup', problem: null },
    );
  });
});
