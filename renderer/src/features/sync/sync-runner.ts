// Runs sync in the background: soon after each local change, and every few seconds for the
// server's; keeps the status line's state (UI state only: the data is in IndexedDB).
import { liveQuery } from 'dexie';
import type { CuentasDatabase } from '../../db/database';
import { CouchClient, CouchError } from '../../db/sync/couch-client';
import type { FetchLike } from '../../db/sync/couch-client';
import { getSyncConfig } from '../../db/sync/config';
import { pendingChanges, syncOnce } from '../../db/sync/engine';
import { loadSyncPassword } from './credentials';
import { syncFetch } from './sync-fetch';

export type SyncStatus =
  | { kind: 'off' }
  | { kind: 'paused'; pending: number }
  | { kind: 'needs_password'; pending: number }
  | { kind: 'syncing'; pending: number }
  | { kind: 'up_to_date'; at: string }
  | { kind: 'pending'; pending: number }
  | { kind: 'offline'; pending: number }
  | { kind: 'error'; pending: number; reason: CouchError['kind'] | 'other'; detail: string };

const POLL_MS = 3_000;
const AFTER_CHANGE_MS = 300;

export class SyncRunner {
  private status: SyncStatus = { kind: 'off' };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private pending = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly db: CuentasDatabase,
    private readonly fetchImpl?: FetchLike,
  ) {}

  start(): void {
    this.stopped = false;
    const subscription = liveQuery(() => pendingChanges(this.db)).subscribe({
      next: (count) => {
        const grew = count > this.pending;
        this.pending = count;
        if (this.status.kind === 'pending' || this.status.kind === 'up_to_date') {
          this.set(count > 0 ? { kind: 'pending', pending: count } : this.status);
        }
        if (grew) this.schedule(AFTER_CHANGE_MS);
      },
      error: () => undefined,
    });
    this.unsubscribe = () => subscription.unsubscribe();
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  current(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Runs a round now (after a settings change, or the "Sincronizar ahora" button). */
  syncNow(): Promise<void> {
    this.schedule(0);
    return this.running ?? Promise.resolve();
  }

  private set(status: SyncStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : POLL_MS);
      });
    }, delay);
  }

  private async round(): Promise<void> {
    const config = await getSyncConfig(this.db);
    const pending = await pendingChanges(this.db);
    if (!config.enabled || !config.url || !config.database) return this.set({ kind: 'off' });
    if (config.paused) return this.set({ kind: 'paused', pending });
    const password = await loadSyncPassword(this.db.name);
    if (password === null) return this.set({ kind: 'needs_password', pending });
    if (this.status.kind !== 'pending' && this.status.kind !== 'up_to_date') {
      this.set({ kind: 'syncing', pending });
    }
    try {
      const client = new CouchClient({ ...config, password }, this.fetchImpl);
      await syncOnce(this.db, client);
      const left = await pendingChanges(this.db);
      this.set(
        left > 0
          ? { kind: 'pending', pending: left }
          : { kind: 'up_to_date', at: new Date().toISOString() },
      );
    } catch (error) {
      const left = await pendingChanges(this.db);
      if (error instanceof CouchError && (error.kind === 'offline' || error.kind === 'timeout')) {
        this.set({ kind: 'offline', pending: left });
      } else {
        this.set({
          kind: 'error',
          pending: left,
          reason: error instanceof CouchError ? error.kind : 'other',
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}

let active: SyncRunner | null = null;

/** The runner of the active database (one at a time: switching database stops the previous one). */
export function syncRunnerFor(db: CuentasDatabase): SyncRunner {
  if (active?.db === db) return active;
  active?.stop();
  active = new SyncRunner(db, syncFetch());
  active.start();
  return active;
}

export function stopSyncRunner(db: CuentasDatabase): void {
  if (active?.db !== db) return;
  active.stop();
  active = null;
}
