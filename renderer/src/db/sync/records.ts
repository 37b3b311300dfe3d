// The sync layer's own rows (schema v4): the change log, each record's sync state, meta, conflicts.
import type { SyncClock } from '../../../../shared/sync/clock';

/** One local write of a synced record, waiting to be pushed (the push deletes it once sent). */
export interface SyncChangeRecord {
  seq?: number;
  /** The CouchDB id, `<table>:<key>`. */
  docId: string;
  table: string;
  clock: SyncClock;
}

/** Per synced record: its clocks (one per field), the server's revision and the clocks agreed on. */
export interface SyncDocRecord {
  id: string;
  table: string;
  /** The record's primary key here (the audit's auto-increment seq differs per device). */
  localKey: string | number;
  clocks: Record<string, SyncClock>;
  /** The clocks of the last version both this device and the server had (conflict detection). */
  baseClocks: Record<string, SyncClock>;
  rev: string | null;
}

export interface SyncConfig {
  url: string;
  database: string;
  user: string;
  /** Kept here only when the platform has no safer store (never in web mode: see credentials.ts). */
  enabled: boolean;
  paused: boolean;
}

export type SyncMetaRecord =
  | { key: 'device'; value: { deviceId: string; lastClock: SyncClock | null } }
  | { key: 'config'; value: SyncConfig }
  /** The server's `_changes` sequence this device has applied up to. */
  | { key: 'checkpoint'; value: { database: string; since: string } }
  /** On once sync was set up: from then every write records its change. */
  | { key: 'changeLog'; value: { enabled: boolean; seeded: boolean } };

/** A field both devices changed to different values; the later edit won. Synced as a fact. */
export interface SyncConflictRecord {
  id: string;
  docId: string;
  table: string;
  key: string;
  field: string;
  /** What each side had (JSON values as stored). */
  localValue: unknown;
  remoteValue: unknown;
  winner: 'local' | 'remote';
  winnerValue: unknown;
  loserValue: unknown;
  /** The record's name or number for the list ("Ferretería López", "2026-0042"). */
  label: string;
  /** The device that merged (its "local" side); another device shows the sides swapped. */
  deviceId: string;
  at: string;
  undoneAt: string | null;
}
