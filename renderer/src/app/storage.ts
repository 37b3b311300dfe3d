// Persistent storage and the disk space the browser gives the app (navigator.storage), where available.
export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/** The part of navigator.storage we use; absent in old browsers and insecure contexts. */
export type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function api(): StorageApi | null {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : null;
}

/** Asks once that the browser never evict our data; resolves whether it is (now) persistent. */
export async function requestPersistentStorage(storage = api()): Promise<boolean> {
  if (!storage) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

export async function readStorageStatus(storage = api()): Promise<StorageStatus> {
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => null),
    storage.estimate().catch(() => null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Below this much free space (or 5 % of the quota) the card warns before saving fails. */
const LOW_FREE_BYTES = 50 * 1024 * 1024;

export function isStorageLow({ usage, quota }: StorageStatus): boolean {
  if (usage === null || quota === null || quota <= 0) return false;
  const free = quota - usage;
  return free < LOW_FREE_BYTES || free / quota < 0.05;
}

/** 1.234.567 bytes → "1,2 MB" in the given locale. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit] ?? 'B'}`;
}
