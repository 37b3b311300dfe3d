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

/**
 * Why sync set a record aside: 'held', another device's record uses a unique key taken here (a
 * mandate's reference), it waits for the user; 'merged', the same fact came from two devices (the
 * same bank file imported on both) and one copy was kept, this is the other; 'same_number', two
 * devices each made an invoice with the same number for the same client (both are kept).
 */
export type SyncHeldKind = 'held' | 'merged' | 'same_number';

/** One entry of the duplicates list (this device's only: never synced). */
export interface SyncHeldRecord {
  /** The set-aside record's document id; for 'same_number', `number:<id>+<id>`. */
  id: string;
  kind: SyncHeldKind;
  table: string;
  /** The unique index ("fingerprint", "reference", "[clientId+number]"). */
  index: string;
  /** The set-aside record's key, and the key of the record kept in the table. */
  key: string;
  keptKey: string;
  /** 'remote': the other device's record (its sync state is kept here); 'local': this device's, deleted. */
  source: 'remote' | 'local';
  /** The record's last values, as stored (what the list shows and the settlement reads). */
  record: Record<string, unknown>;
  /** For a remote one: its merged sync state and server revision (null once released or local). */
  state: { values: Record<string, unknown>; clocks: Record<string, SyncClock> } | null;
  rev: string | null;
  /** The other device deleted it. */
  gone: boolean;
  /** A payment booked twice for one bank transfer, taken back by the settlement. */
  tookBack: { paymentId: string; amountCents: number; clientId: string } | null;
  at: string;
  /** Settled by itself (links folded in) or by the user's choice. */
  resolvedAt: string | null;
  resolution: 'kept_here' | 'kept_other' | 'renumbered' | 'merged' | 'released' | null;
}
