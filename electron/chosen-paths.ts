// The files the user picked in a save/open dialog since the app started: the only paths file handlers may touch.
import path from 'node:path';

export interface ChosenPaths {
  /** Call with every path a dialog returned; relative paths are never accepted. */
  remember(filePath: string): void;
  /** True only for a path a dialog returned (after normalising `..` and duplicate separators). */
  has(filePath: string): boolean;
}

function normalise(filePath: string): string | null {
  if (typeof filePath !== 'string' || filePath === '' || filePath.includes('\0')) return null;
  if (!path.isAbsolute(filePath)) return null;
  const resolved = path.resolve(filePath);
  // Windows and macOS file systems are case-insensitive by default: compare like they do.
  return process.platform === 'win32' || process.platform === 'darwin'
    ? resolved.toLowerCase()
    : resolved;
}

export function createChosenPaths(): ChosenPaths {
  const chosen = new Set<string>();
  return {
    remember(filePath) {
      const key = normalise(filePath);
      if (key !== null) chosen.add(key);
    },
    has(filePath) {
      const key = normalise(filePath);
      return key !== null && chosen.has(key);
    },
  };
}

// One set per main process: it starts empty at every launch, so a path is never trusted across runs.
const chosenPaths = createChosenPaths();

/** Records a path the user chose in a dialog (handlers call it right after the dialog returns). */
export function rememberChosenPath(filePath: string): void {
  chosenPaths.remember(filePath);
}

/** Whether a handler may read or write `filePath`: only if the user chose it in a dialog this run. */
export function isUserChosenPath(filePath: string): boolean {
  return chosenPaths.has(filePath);
}
