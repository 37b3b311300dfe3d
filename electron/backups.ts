// Automatic backups in the main process: a folder (Documents by default), rotation, list and read.
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import {
  AUTO_BACKUP_NAME,
  IpcError,
  type AutoBackupEntry,
  type AutoBackupStatus,
} from '../shared/ipc';
import type { IpcHandler } from './register-handler';
import { BACKUP_FORMAT } from '../shared/formats/backup';

export const DEFAULT_KEEP = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'daily' | 'before_restore' | 'before_upgrade' | 'manual';

export interface BackupStoreOptions {
  /** Where the chosen folder is remembered (a small JSON file in userData). */
  settingsFile: string;
  /** Used until the person chooses another folder. */
  defaultFolder: string;
  keep?: number;
  now?: () => Date;
}

export interface BackupStore {
  status(): Promise<AutoBackupStatus>;
  write(content: string, reason: BackupReason): Promise<AutoBackupEntry>;
  /** Only a file name of the app's own pattern inside the backup folder. */
  read(name: string): Promise<string>;
  setFolder(folder: string): Promise<AutoBackupStatus>;
  /** True when the newest backup is older than a day, or there is none. */
  isDailyDue(): Promise<boolean>;
}

/** The backup file's envelope (shared/formats/backup.ts); its rows are checked on restore. */
export function looksLikeBackup(content: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const record: Record<string, unknown> = { ...parsed };
  const tables = record.tables;
  return (
    record.format === BACKUP_FORMAT &&
    Number.isInteger(record.formatVersion) &&
    Number.isInteger(record.schemaVersion) &&
    typeof record.createdAt === 'string' &&
    typeof tables === 'object' &&
    tables !== null &&
    !Array.isArray(tables) &&
    Object.values(tables).every((rows) => Array.isArray(rows))
  );
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const keep = options.keep ?? DEFAULT_KEEP;
  const now = options.now ?? (() => new Date());

  async function folder(): Promise<string> {
    try {
      const saved = JSON.parse(await readFile(options.settingsFile, 'utf8')) as {
        folder?: unknown;
      };
      if (typeof saved.folder === 'string' && path.isAbsolute(saved.folder)) return saved.folder;
    } catch {
      // No settings yet: the default folder.
    }
    return options.defaultFolder;
  }

  async function entries(dir: string): Promise<AutoBackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    // The names start with an ISO timestamp, so sorting them sorts by time.
    const ours = names
      .filter((name) => AUTO_BACKUP_NAME.test(name))
      .sort()
      .reverse();
    return Promise.all(
      ours.map(async (name) => ({ name, size: (await stat(path.join(dir, name))).size })),
    );
  }

  async function status(): Promise<AutoBackupStatus> {
    const dir = await folder();
    return { folder: dir, keep, entries: await entries(dir) };
  }

  return {
    status,
    async write(content, reason) {
      // Only a backup is written (and only then are old copies rotated away).
      if (!looksLikeBackup(content)) {
        throw new IpcError('invalid_request', 'the content is not a Cuentas Claras backup');
      }
      const dir = await folder();
      await mkdir(dir, { recursive: true });
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const name = `cuentas-claras-${stamp}-${reason}.json`;
      await writeFile(path.join(dir, name), content, 'utf8');
      // Rotation: only the newest `keep` files of our own pattern; anything else is left alone.
      const all = await entries(dir);
      for (const old of all.slice(keep)) await rm(path.join(dir, old.name));
      return { name, size: Buffer.byteLength(content, 'utf8') };
    },
    async read(name) {
      if (!AUTO_BACKUP_NAME.test(name) || path.basename(name) !== name) {
        throw new IpcError('invalid_request', 'not a backup file name');
      }
      return readFile(path.join(await folder(), name), 'utf8');
    },
    async setFolder(dir) {
      if (!path.isAbsolute(dir))
        throw new IpcError('invalid_request', 'the folder must be absolute');
      await mkdir(path.dirname(options.settingsFile), { recursive: true });
      await writeFile(options.settingsFile, JSON.stringify({ folder: dir }), 'utf8');
      return status();
    },
    async isDailyDue() {
      const [newest] = await entries(await folder());
      if (!newest) return true;
      const match = /^cuentas-claras-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(
        newest.name,
      );
      if (!match) return true;
      const at = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
      return now().getTime() - at >= DAY_MS;
    },
  };
}

export interface BackupHandlers {
  'backup:status': IpcHandler<'backup:status'>;
  'backup:write': IpcHandler<'backup:write'>;
  'backup:read': IpcHandler<'backup:read'>;
  'backup:choose-folder': IpcHandler<'backup:choose-folder'>;
}

export function createBackupHandlers(
  store: BackupStore | undefined,
  getWindow: () => BrowserWindow | null,
): BackupHandlers {
  const need = (): BackupStore => {
    if (!store) throw new IpcError('failed', 'automatic backups are not available');
    return store;
  };
  return {
    'backup:status': () => need().status(),
    'backup:write': ({ content, reason }) => need().write(content, reason),
    'backup:read': ({ name }) => need().read(name),
    // The folder comes only from the OS dialog, never from the renderer.
    'backup:choose-folder': async () => {
      const window = getWindow();
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const dir = choice.filePaths[0];
      if (choice.canceled || dir === undefined) return null;
      return need().setFolder(dir);
    },
  };
}
