import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';

const { showOpenDialog } = vi.hoisted(() => ({ showOpenDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showOpenDialog } }));

import { createBackupHandlers, createBackupStore } from '../../../electron/backups';
import { serializeBackup } from '../../../shared/formats/backup';

/** A real (small) backup file, told apart by its day. */
function backup(day = 0): string {
  return serializeBackup({
    schemaVersion: 3,
    createdAt: `2026-03-0${1 + day}T10:00:00.000Z`,
    tables: { clients: [], invoices: [] },
  });
}

/** The handlers never read the event. */
const event = {} as IpcMainInvokeEvent;

let dir: string;
let clock: Date;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cc-backups-'));
  clock = new Date('2026-03-01T10:00:00.000Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(keep = 3) {
  return createBackupStore({
    settingsFile: path.join(dir, 'settings.json'),
    defaultFolder: path.join(dir, 'Documentos', 'Copias'),
    keep,
    now: () => clock,
  });
}

describe('automatic backups', () => {
  it('writes into the default folder and keeps only the newest copies', async () => {
    const backups = store(3);
    for (let day = 0; day < 5; day += 1) {
      clock = new Date(Date.UTC(2026, 2, 1 + day, 10));
      await backups.write(backup(day), 'daily');
    }
    await writeFile(path.join(dir, 'Documentos', 'Copias', 'notas.txt'), 'mine');
    const status = await backups.status();
    expect(status.folder).toBe(path.join(dir, 'Documentos', 'Copias'));
    expect(status.entries.map((entry) => entry.name)).toEqual([
      'cuentas-claras-2026-03-05T10-00-00-000Z-daily.json',
      'cuentas-claras-2026-03-04T10-00-00-000Z-daily.json',
      'cuentas-claras-2026-03-03T10-00-00-000Z-daily.json',
    ]);
    expect(await backups.read(status.entries[0]!.name)).toBe(backup(4));
    // Files that are not ours are never rotated away.
    expect(await readdir(status.folder)).toContain('notas.txt');
  });

  it('is due once a day', async () => {
    const backups = store();
    expect(await backups.isDailyDue()).toBe(true);
    await backups.write(backup(), 'daily');
    clock = new Date('2026-03-02T09:59:59.000Z');
    expect(await backups.isDailyDue()).toBe(false);
    clock = new Date('2026-03-02T10:00:00.000Z');
    expect(await backups.isDailyDue()).toBe(true);
  });

  it('writes only a backup: other content is refused and nothing is rotated away', async () => {
    const backups = store(1);
    await backups.write(backup(0), 'daily');
    for (const content of ['{}', 'hola', '{"format":"cuentas-claras-backup"}', '[]', 'null']) {
      clock = new Date(clock.getTime() + 60_000);
      await expect(backups.write(content, 'daily'), content).rejects.toThrow(
        /not a Cuentas Claras backup/,
      );
    }
    const status = await backups.status();
    expect(status.entries).toHaveLength(1);
    expect(await backups.read(status.entries[0]!.name)).toBe(backup(0));
  });

  it('reads only file names of its own pattern, never paths', async () => {
    const backups = store();
    await expect(backups.read('../settings.json')).rejects.toThrow();
    await expect(backups.read('/etc/passwd')).rejects.toThrow();
    await expect(backups.read('cuentas-claras-x.json')).rejects.toThrow();
  });

  it('moves to a folder chosen in the dialog, and remembers it', async () => {
    const chosen = path.join(dir, 'Elegida');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [chosen] });
    const handlers = createBackupHandlers(store(), () => null);
    const status = await handlers['backup:choose-folder']({}, event);
    expect(status?.folder).toBe(chosen);
    await handlers['backup:write']({ content: backup(), reason: 'before_restore' }, event);
    expect((await store().status()).entries.map((entry) => entry.name)).toEqual([
      'cuentas-claras-2026-03-01T10-00-00-000Z-before_restore.json',
    ]);
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers['backup:choose-folder']({}, event)).toBeNull();
  });
});
