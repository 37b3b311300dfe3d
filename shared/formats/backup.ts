// The full backup file: every table in one versioned JSON document, bytes as base64, zod-checked.
import { z } from 'zod';
import {
  ROW_PROBLEM_TEXT_ES,
  describeRowProblem,
  firstRowProblem,
  instant,
  reasonOf,
} from '../domain/record-schemas';
import type { RowProblem } from '../domain/record-schemas';
import { upgradeTables } from '../domain/record-upgrades';
import { FILE_LIMITS, megabytes } from './file-limits';

export const BACKUP_FORMAT = 'cuentas-claras-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** What is wrong with a backup file, for a message in the user's language. */
export type BackupProblem =
  | { kind: 'json' }
  | { kind: 'shape'; path: string }
  | { kind: 'newer'; schemaVersion: number }
  | { kind: 'missing_tables'; tables: string[] }
  | { kind: 'base64'; path: string }
  | { kind: 'too_large'; limitMegabytes: number }
  | { kind: 'row'; row: RowProblem };

export class BackupFormatError extends Error {
  readonly problem: BackupProblem;
  /** The reason alone (the message adds "Copia de seguridad no válida: " in front). */
  readonly reason: string;

  constructor(reason: string, problem: BackupProblem) {
    super(`Copia de seguridad no válida: ${reason}`);
    this.name = 'BackupFormatError';
    this.reason = reason;
    this.problem = problem;
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
const DECODE: readonly number[] = (() => {
  const table = new Array<number>(128).fill(0);
  for (let i = 0; i < ALPHABET.length; i += 1) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

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

/** Linear in the text: the padding is found by walking back, not by a backtracking /=+$/. */
export function base64ToBytes(text: string, where = ''): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  const clean = text.slice(0, end);
  if (text.length - end > 2 || !/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) {
    throw new BackupFormatError(`${where ? `${where}: ` : ''}base64 con caracteres extraños`, {
      kind: 'base64',
      path: where,
    });
  }
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let at = 0; at < clean.length; at += 1) {
    buffer = ((buffer << 6) | (DECODE[clean.charCodeAt(at)] ?? 0)) & 0xffffff;
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

function decodeValue(value: unknown, where: string): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => decodeValue(item, `${where}.${index}`));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const [only] = entries;
    if (entries.length === 1 && only && only[0] === BYTES_TAG && typeof only[1] === 'string') {
      return base64ToBytes(only[1], where);
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of entries) out[key] = decodeValue(inner, `${where}.${key}`);
    return out;
  }
  return value;
}

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1).max(BACKUP_FORMAT_VERSION),
  schemaVersion: z.number().int().min(1),
  createdAt: instant,
  // Rows are checked one by one against their table's schema, naming table, row and field.
  tables: z.record(z.string(), z.array(z.unknown())),
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
 * from a newer schema is refused because its rows may not fit. An older backup's rows go through
 * the same row upgrades as the database (record-upgrades.ts); then every row of every table must
 * fit its schema (record-schemas.ts), or the whole file is refused naming table, row and field.
 */
export function parseBackup(
  text: string,
  currentSchemaVersion: number,
  requiredTables: readonly string[],
): BackupContent {
  if (text.length > FILE_LIMITS.backup) {
    const limitMegabytes = megabytes(FILE_LIMITS.backup);
    throw new BackupFormatError(`ocupa más de ${limitMegabytes} MB`, {
      kind: 'too_large',
      limitMegabytes,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupFormatError('no es un fichero JSON', { kind: 'json' });
  }
  const checked = backupSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const path = first?.path.map(String).join('.') ?? '';
    const reason = first?.code === 'custom' ? ROW_PROBLEM_TEXT_ES[reasonOf(first)] : first?.message;
    throw new BackupFormatError(`${path} ${reason ?? ''}`.trim(), { kind: 'shape', path });
  }
  const data = checked.data;
  if (data.schemaVersion > currentSchemaVersion) {
    throw new BackupFormatError(`viene de una versión más nueva (esquema ${data.schemaVersion})`, {
      kind: 'newer',
      schemaVersion: data.schemaVersion,
    });
  }
  const missing = requiredTables.filter((name) => !(name in data.tables));
  // Tables added in later schema versions may be absent from older backups; core tables may not.
  if (missing.includes('clients') || missing.includes('invoices')) {
    throw new BackupFormatError(`faltan tablas: ${missing.join(', ')}`, {
      kind: 'missing_tables',
      tables: missing,
    });
  }
  const decoded: Record<string, unknown[]> = {};
  for (const name of requiredTables) {
    const rows = data.tables[name] ?? [];
    decoded[name] = rows.map((row, index) => decodeValue(row, `${name}.${index + 1}`));
  }
  const tables = upgradeTables(decoded, data.schemaVersion, currentSchemaVersion);
  const content = { schemaVersion: currentSchemaVersion, createdAt: data.createdAt, tables };
  checkBackupRows(content);
  return content;
}

/** Throws for the first row of any table that breaks its table's schema (record-schemas.ts). */
export function checkBackupRows(content: BackupContent): void {
  for (const [name, rows] of Object.entries(content.tables)) {
    const problem = firstRowProblem(name, rows);
    if (problem)
      throw new BackupFormatError(describeRowProblem(problem), { kind: 'row', row: problem });
  }
}

/** Row counts per table, for the "what this file holds" preview. */
export function backupSummary(content: BackupContent): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const [name, rows] of Object.entries(content.tables)) summary[name] = rows.length;
  return summary;
}
