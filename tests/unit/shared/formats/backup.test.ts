import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BackupFormatError,
  base64ToBytes,
  bytesToBase64,
  parseBackup,
  serializeBackup,
} from '../../../../shared/formats/backup';

describe('backup file', () => {
  it('round-trips tables with bytes inside rows', () => {
    const content = {
      schemaVersion: 2,
      createdAt: '2026-03-01T10:00:00.000Z',
      tables: {
        clients: [{ id: 'a', name: 'Ana' }],
        invoices: [],
        planDocuments: [{ id: 'd', bytes: Uint8Array.from([0, 1, 2, 250, 255]) }],
      },
    };
    const parsed = parseBackup(serializeBackup(content), 2, [
      'clients',
      'invoices',
      'planDocuments',
    ]);
    expect(parsed).toEqual(content);
  });

  it('encodes base64 exactly as the standard does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses files that are not backups, or come from a newer schema', () => {
    expect(() => parseBackup('no', 2, [])).toThrow(BackupFormatError);
    expect(() => parseBackup('{"format":"otra"}', 2, [])).toThrow(/format/);
    const newer = serializeBackup({
      schemaVersion: 9,
      createdAt: '',
      tables: { clients: [], invoices: [] },
    });
    expect(() => parseBackup(newer, 2, ['clients', 'invoices'])).toThrow(/más nueva/);
    const partial = serializeBackup({ schemaVersion: 2, createdAt: '', tables: { clients: [] } });
    expect(() => parseBackup(partial, 2, ['clients', 'invoices'])).toThrow(/invoices/);
  });
});
