// The full backup file: every table in one versioned JSON document, bytes as base64, zod-checked.
import { z } from 'zod';

export const BACKUP_FORMAT = 'cuentas-claras-backup';
export const BACKUP_FORMAT_VERSION = 1;

export class BackupFormatError extends Error {
  constructor(reason: string) {
    super(`Copia de seguridad no válida: ${reason}`);
    this.name = 'BackupFormatError';
  }
}

export interface BackupContent {
  /** The IndexedDB schema version the rows were written with. */
  schemaVersion: number;
  createdAt: string;
  /** Table name → its rows, in primary-key order. */
  tables: Record<string, unknown[]>;
}

const BYTES_TAG = '$bytes';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63] ?? '';
    out += ALPHABET[(triple >> 12) & 63] ?? '';
    out += b === undefined ? '=' : (ALPHABET[(triple >> 6) & 63] ?? '');
    out += c === undefined ? '=' : (ALPHABET[triple & 63] ?? '');
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean))
    throw new BackupFormatError('base64 con caracteres extraños');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index] = (buffer >> bits) & 0xff;
      index += 1;
    }
  }
  return bytes.subarray(0, index);
}

/** Uint8Array values become {"$bytes": base64}; everything else is plain JSON. */
function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_TAG]: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[key] = encodeValue(inner);
    }
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const [only] = entries;
    if (entries.length === 1 && only && only[0] === BYTES_TAG && typeof only[1] === 'string') {
      return base64ToBytes(only[1]);
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of entries) out[key] = decodeValue(inner);
    return out;
  }
  return value;
}

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1).max(BACKUP_FORMAT_VERSION),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export function serializeBackup(content: BackupContent): string {
  const names = Object.keys(content.tables).sort();
  const tables: Record<string, unknown> = {};
  for (const name of names) tables[name] = encodeValue(content.tables[name] ?? []);
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: content.schemaVersion,
    createdAt: content.createdAt,
    tables,
  });
}

/**
 * Reads and checks a backup. `requiredTables` are the tables this app version stores; a backup
 * from a newer schema is refused because its rows may not fit.
 */
export function parseBackup(
  text: string,
  currentSchemaVersion: number,
  requiredTables: readonly string[],
): BackupContent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupFormatError('no es un fichero JSON');
  }
  const checked = backupSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new BackupFormatError(`${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
  }
  const data = checked.data;
  if (data.schemaVersion > currentSchemaVersion) {
    throw new BackupFormatError(`viene de una versión más nueva (esquema ${data.schemaVersion})`);
  }
  const missing = requiredTables.filter((name) => !(name in data.tables));
  // Tables added in later schema versions may be absent from older backups; core tables may not.
  if (missing.includes('clients') || missing.includes('invoices')) {
    throw new BackupFormatError(`faltan tablas: ${missing.join(', ')}`);
  }
  const tables: Record<string, unknown[]> = {};
  for (const name of requiredTables) {
    const rows = data.tables[name] ?? [];
    tables[name] = rows.map(decodeValue);
  }
  return { schemaVersion: data.schemaVersion, createdAt: data.createdAt, tables };
}

/** Row counts per table, for the "what this file holds" preview. */
export function backupSummary(content: BackupContent): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const [name, rows] of Object.entries(content.tables)) summary[name] = rows.length;
  return summary;
}
