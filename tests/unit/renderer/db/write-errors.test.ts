import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyWriteError } from '../../../../renderer/src/db/write-errors';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb } from './test-db';

let db: CuentasDatabase | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

describe('classifyWriteError', () => {
  it('recognises a full disk however it is wrapped', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(classifyWriteError(quota)).toBe('quota');
    expect(classifyWriteError(new Dexie.AbortError('Transaction aborted', quota))).toBe('quota');
    expect(classifyWriteError({ name: 'BulkError', failures: [quota] })).toBe('quota');
    expect(classifyWriteError(new Error('wrapped', { cause: quota }))).toBe('quota');
  });

  it('names read-only, closed, blocked and aborted databases', () => {
    expect(classifyWriteError(new Dexie.ReadOnlyError('ro'))).toBe('readonly');
    expect(classifyWriteError(new Dexie.DatabaseClosedError('closed'))).toBe('closed');
    expect(classifyWriteError(new Dexie.VersionChangeError('another tab upgraded'))).toBe(
      'blocked',
    );
    expect(classifyWriteError(new Dexie.AbortError('aborted'))).toBe('aborted');
  });

  it('leaves ordinary bugs and odd values as unknown, and survives a cycle', () => {
    expect(classifyWriteError(new TypeError('x is undefined'))).toBe('unknown');
    expect(classifyWriteError(null)).toBe('unknown');
    expect(classifyWriteError('texto')).toBe('unknown');
    const cyclic: Record<string, unknown> = { name: 'Weird' };
    cyclic.inner = cyclic;
    expect(classifyWriteError(cyclic)).toBe('unknown');
  });

  it('classifies a disk that fills up half-way through a real save, which stores nothing', async () => {
    db = freshDb();
    // The audit entry is the last write of createClient: failing there is failing half-way.
    db.audit.hook('creating', () => {
      throw new DOMException('Simulated full disk', 'QuotaExceededError');
    });
    const failure = await createClient(db, clientInput()).catch((error: unknown) => error);
    expect(classifyWriteError(failure)).toBe('quota');
    expect(await db.clients.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
