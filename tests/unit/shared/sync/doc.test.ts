import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDoc, stateOfDoc, toDoc } from '../../../../shared/sync/doc';
import { docIdOf, parseDocId, SYNC_TABLES, syncPolicy } from '../../../../shared/sync/tables';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/sync/json-value';

describe('CouchDB documents', () => {
  it('names a document by its table and key, and reads the name back', () => {
    expect(docIdOf('clients', 'c-1')).toBe('clients:c-1');
    expect(parseDocId('settings:company')).toEqual({ table: 'settings', key: 'company' });
    expect(parseDocId('_design/x')).toBeNull();
  });

  it('round-trips a record with bytes (a signed PDF) through JSON', () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 255, 128]);
    const doc = toDoc('planDocuments', 'd1', {
      values: { id: 'd1', bytes, $deleted: false },
      clocks: { id: 'x', bytes: 'x', $deleted: 'x' },
    });
    const parsed = parseDoc(JSON.parse(JSON.stringify(doc)));
    expect(parsed).not.toBeNull();
    expect(stateOfDoc(parsed!).values.bytes).toEqual(bytes);
  });

  it('skips documents that are not records (design documents, a wrong id)', () => {
    expect(parseDoc({ _id: '_design/app', views: {} })).toBeNull();
    expect(
      parseDoc({ _id: 'clients:1', table: 'clients', key: '2', values: {}, clocks: {} }),
    ).toBeNull();
  });

  it('base64 matches the standard encoding for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('keeps derived data local: the risk summaries never travel, invoices leave their derived fields', () => {
    expect(syncPolicy('clientHistory').kind).toBe('local');
    expect(syncPolicy('a_read_model_nobody_classified').kind).toBe('local');
    expect(SYNC_TABLES.invoices?.derived).toContain('outstandingCents');
    expect(syncPolicy('payments').kind).toBe('fact');
    expect(syncPolicy('clients').kind).toBe('mutable');
  });
});
