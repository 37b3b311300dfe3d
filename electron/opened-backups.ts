// Backup files opened from the OS (double-click, "Abrir con", dropped on the dock): found, checked, handed over.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES, type OpenedBackupFile } from '../shared/ipc';
import { parseBackup } from '../shared/formats/backup';

export const BACKUP_EXTENSION = '.ccbackup';

/**
 * The backup file among a launch's arguments (process.argv, or a second instance's argv), made
 * absolute against the directory that instance started in; null when there is none. Switches
 * (`--hidden`, Chromium's own) and the executable are never taken for a file.
 */
export function backupPathFromArgv(argv: readonly string[], cwd: string): string | null {
  const found = argv
    .slice(1)
    .map(localPath)
    .filter(
      (arg): arg is string =>
        arg !== null && !arg.startsWith('-') && arg.toLowerCase().endsWith(BACKUP_EXTENSION),
    )
    .at(-1);
  return found === undefined || found.includes('\0') ? null : path.resolve(cwd, found);
}

/** Linux desktop entries pass files as %U, so a file:// URL may arrive; other URLs never. */
function localPath(arg: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return arg;
  if (!arg.toLowerCase().startsWith('file://')) return null;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

export interface BackupFileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string, encoding: 'utf8'): Promise<string>;
}

const nodeFileSystem: BackupFileSystem = { stat, readFile };

/**
 * Reads a backup the OS handed over and checks it is one of ours before the renderer sees it:
 * at most `maxBytes`, JSON in the backup format. Tables are checked again by the restore preview.
 */
export async function checkBackupFile(
  filePath: string,
  fs: BackupFileSystem = nodeFileSystem,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<OpenedBackupFile> {
  const name = path.basename(filePath);
  const refused = (problem: NonNullable<OpenedBackupFile['problem']>): OpenedBackupFile => ({
    name,
    content: null,
    problem,
  });
  let content: string;
  try {
    const info = await fs.stat(filePath);
    if (!info.isFile()) return refused('unreadable');
    if (info.size > maxBytes) return refused('too_large');
    content = await fs.readFile(filePath, 'utf8');
  } catch {
    return refused('unreadable');
  }
  try {
    // Any schema version and no required tables: main only knows the envelope, not this app's tables.
    parseBackup(content, Number.MAX_SAFE_INTEGER, []);
  } catch {
    return refused('not_backup');
  }
  return { name, content, problem: null };
}

export interface OpenedBackupsDeps {
  /** Marks a checked file as chosen by the user (electron/chosen-paths.ts). */
  remember: (filePath: string) => void;
  /** Tells the renderer a file waits, and brings the window forward. */
  announce: () => void;
  check?: (filePath: string) => Promise<OpenedBackupFile>;
}

export interface OpenedBackups {
  /** A path the OS handed over; checked now, kept until the renderer takes it. */
  offer(filePath: string): Promise<void>;
  /** The waiting file, once: a second call answers null. */
  take(): OpenedBackupFile | null;
}

export function createOpenedBackups(deps: OpenedBackupsDeps): OpenedBackups {
  const check = deps.check ?? ((filePath: string) => checkBackupFile(filePath));
  let waiting: OpenedBackupFile | null = null;
  let latest = 0;
  return {
    async offer(filePath) {
      if (!path.isAbsolute(filePath)) return;
      latest += 1;
      const ticket = latest;
      const file = await check(filePath);
      if (file.problem === null) deps.remember(filePath);
      // The newest file wins: two double-clicks in a row restore the one clicked last.
      if (ticket !== latest) return;
      waiting = file;
      deps.announce();
    },
    take() {
      const file = waiting;
      waiting = null;
      return file;
    },
  };
}
