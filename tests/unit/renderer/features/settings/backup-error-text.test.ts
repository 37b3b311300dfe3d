import { describe, expect, it } from 'vitest';
import { translate } from '../../../../../renderer/src/i18n';
import type { Translate } from '../../../../../renderer/src/i18n';
import { backupErrorText } from '../../../../../renderer/src/features/settings/backup-error-text';
import { parseBackup, serializeBackup } from '../../../../../shared/formats/backup';
import { invoiceRow, clientRow } from '../../../../support/record-samples';

const es: Translate = (key, params) => translate('es', key, params);
const en: Translate = (key, params) => translate('en', key, params);

function refusal(text: string): unknown {
  try {
    parseBackup(text, 3, ['clients', 'invoices']);
  } catch (error) {
    return error;
  }
  throw new Error('accepted');
}

describe('backupErrorText', () => {
  const hostile = serializeBackup({
    schemaVersion: 3,
    createdAt: '2026-03-01T10:00:00.000Z',
    tables: { clients: [clientRow()], invoices: [invoiceRow({ payableCents: 1210.5 })] },
  });

  it('says "not a valid backup" once, then where and why, in Spanish', () => {
    const text = backupErrorText(es, refusal(hostile));
    expect(text).toBe(
      'Ese fichero no es una copia válida: tabla invoices, fila 1 (id i1), campo payableCents: no es un número entero de céntimos.',
    );
    expect(text.match(/válida/g)).toHaveLength(1);
  });

  it('speaks English to an English user', () => {
    expect(backupErrorText(en, refusal(hostile))).toBe(
      'That file is not a valid backup: table invoices, row 1 (id i1), field payableCents: is not a whole number of cents.',
    );
    expect(backupErrorText(en, refusal('no'))).toBe(
      'That file is not a valid backup: it is not a JSON file.',
    );
  });

  it('says it once for an error that lost its class crossing from the main process', () => {
    const text = backupErrorText(es, new Error('Copia de seguridad no válida: no es un JSON'));
    expect(text).toBe('Ese fichero no es una copia válida: no es un JSON');
  });
});
