import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BackupFormatError,
  base64ToBytes,
  bytesToBase64,
  parseBackup,
  serializeBackup,
} from '../../../../shared/formats/backup';
import { FILE_LIMITS } from '../../../../shared/formats/file-limits';
import type { RowUpgrades } from '../../../../shared/domain/record-upgrades';
import { upgradeTables } from '../../../../shared/domain/record-upgrades';
import {
  clientRow,
  invoiceRow,
  paymentRow,
  planDocumentRow,
} from '../../../support/record-samples';

const AT = '2026-03-01T10:00:00.000Z';
const TABLES = ['clients', 'invoices', 'payments', 'planDocuments'];

function backupWith(tables: Record<string, unknown[]>, schemaVersion = 3): string {
  return serializeBackup({
    schemaVersion,
    createdAt: AT,
    tables: { clients: [clientRow()], invoices: [invoiceRow()], payments: [], ...tables },
  });
}

function problemOf(text: string): BackupFormatError {
  try {
    parseBackup(text, 3, TABLES);
  } catch (error) {
    if (error instanceof BackupFormatError) return error;
    throw error;
  }
  throw new Error('the backup was accepted');
}

describe('backup file', () => {
  it('round-trips tables with bytes inside rows', () => {
    const content = {
      schemaVersion: 2,
      createdAt: '2026-03-01T10:00:00.000Z',
      tables: {
        clients: [clientRow()],
        invoices: [],
        planDocuments: [planDocumentRow({ bytes: Uint8Array.from([0, 1, 2, 250, 255]) })],
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
      createdAt: AT,
      tables: { clients: [], invoices: [] },
    });
    expect(() => parseBackup(newer, 2, ['clients', 'invoices'])).toThrow(/más nueva/);
    const partial = serializeBackup({ schemaVersion: 2, createdAt: AT, tables: { clients: [] } });
    expect(() => parseBackup(partial, 2, ['clients', 'invoices'])).toThrow(/invoices/);
  });

  it('refuses a hostile row naming table, row and field, and keeps honest rows', () => {
    const attacks: Array<[string, Record<string, unknown[]>, string, string]> = [
      [
        'invoices',
        { invoices: [invoiceRow(), invoiceRow({ id: 'i2', payableCents: 1210.5 })] },
        '2',
        'payableCents',
      ],
      ['invoices', { invoices: [invoiceRow({ issueDate: '2026-02-31' })] }, '1', 'issueDate'],
      ['invoices', { invoices: [invoiceRow({ nextDueDate: 'yesterday' })] }, '1', 'nextDueDate'],
      ['invoices', { invoices: [{ ...invoiceRow(), lifecycle: 'hacked' }] }, '1', 'lifecycle'],
      [
        'invoices',
        { invoices: [invoiceRow({ dues: [{ dueDate: '2026-13-01', amountCents: 1 }] })] },
        '1',
        'dues.0.dueDate',
      ],
      ['clients', { clients: [clientRow({ createdAt: 'garbage' })] }, '1', 'createdAt'],
      [
        'payments',
        { payments: [paymentRow({ amountCents: Number.MAX_SAFE_INTEGER + 2 })] },
        '1',
        'amountCents',
      ],
      ['clients', { clients: ['not a row'] }, '1', ''],
    ];
    for (const [table, tables, row, field] of attacks) {
      const error = problemOf(backupWith(tables));
      expect(error.problem.kind).toBe('row');
      expect(error.message).toContain(`tabla ${table}, fila ${row}`);
      if (field) expect(error.message).toContain(`campo ${field}`);
    }
    const honest = parseBackup(
      backupWith({
        invoices: [
          invoiceRow({
            creditedCents: 100,
            lifecycle: 'cancelled',
            closedDate: '2026-03-01',
            extraField: 'x',
          } as never),
        ],
      }),
      3,
      TABLES,
    );
    expect(honest.tables.invoices).toHaveLength(1);
  });

  it('refuses a backup whose own date is not an instant', () => {
    const text = backupWith({}).replace(AT, 'garbage');
    expect(problemOf(text).problem).toEqual({ kind: 'shape', path: 'createdAt' });
  });

  it('refuses a file over 200 MB before reading it, naming the limit', () => {
    const text = { length: FILE_LIMITS.backup + 1 } as unknown as string;
    expect(() => parseBackup(text, 3, TABLES)).toThrow(/200 MB/);
  });

  it('decodes a long base64 value in linear time, and refuses a broken one', () => {
    const padded = 'A'.repeat(160_000) + '='.repeat(160_000);
    const started = performance.now();
    expect(() => base64ToBytes(padded)).toThrow(BackupFormatError);
    expect(base64ToBytes('A'.repeat(160_000))).toHaveLength(120_000);
    expect(performance.now() - started).toBeLessThan(500);
    expect(() => base64ToBytes('QQ===')).toThrow(BackupFormatError);
    expect(() => base64ToBytes('Q')).toThrow(BackupFormatError);
  });

  it('upgrades an older backup through the row upgrades before checking it', () => {
    const upgrades: RowUpgrades = { 3: { clients: (row) => ({ ...row, segment: 'company' }) } };
    const upgraded = upgradeTables({ clients: [clientRow()], invoices: [] }, 2, 3, upgrades);
    expect(upgraded.clients).toEqual([{ ...clientRow(), segment: 'company' }]);
    expect(upgradeTables({ clients: [clientRow()] }, 3, 3, upgrades).clients).toEqual([
      clientRow(),
    ]);
    // Upgrades run in version order, and any upper bound ends (the opened-file check passes the
    // largest safe integer).
    const chained: RowUpgrades = {
      5: { clients: (row) => ({ ...row, segment: `${String(row.segment)}+5` }) },
      4: { clients: (row) => ({ ...row, segment: 'v4' }) },
    };
    expect(
      upgradeTables({ clients: [clientRow()] }, 2, Number.MAX_SAFE_INTEGER, chained).clients,
    ).toEqual([{ ...clientRow(), segment: 'v4+5' }]);
    const old = parseBackup(backupWith({}, 1), 3, TABLES);
    expect(old.schemaVersion).toBe(3);
    expect(old.tables.invoices).toEqual([invoiceRow()]);
  });
});
