// A refused backup, said once and in the person's language: "not a valid backup: <where and why>".
import type { Translate } from '../../i18n';
import { BackupFormatError } from '../../../../shared/formats/backup';
import type { BackupProblem } from '../../../../shared/formats/backup';

function problemText(t: Translate, problem: BackupProblem): string {
  switch (problem.kind) {
    case 'json':
      return t('backup.problem.json');
    case 'shape':
      return t('backup.problem.shape', { path: problem.path });
    case 'newer':
      return t('backup.problem.newer', { version: problem.schemaVersion });
    case 'missing_tables':
      return t('backup.problem.missing', { tables: problem.tables.join(', ') });
    case 'base64':
      return t('backup.problem.base64', { path: problem.path });
    case 'too_large':
      return t('backup.problem.tooLarge', { limit: problem.limitMegabytes });
    case 'row': {
      const { table, row, id, field, reason } = problem.row;
      const params = {
        table,
        row,
        id: id ? t('backup.problem.rowId', { id }) : '',
        field,
        reason: t(`backup.reason.${reason}`),
      };
      return field ? t('backup.problem.row', params) : t('backup.problem.rowItself', params);
    }
  }
}

export function backupErrorText(t: Translate, error: unknown): string {
  const message =
    error instanceof BackupFormatError
      ? problemText(t, error.problem)
      : // An error that crossed IPC lost its class but kept the parser's prefix: said once.
        (error instanceof Error ? error.message : String(error)).replace(
          /^(Error: )?Copia de seguridad no válida: /,
          '',
        );
  return t('backup.invalid', { message });
}
