// An importer's refusal in the person's language: the size limit by name, else the format's message.
import type { Translate } from '../../i18n';
import { FileTooLargeError, megabytes } from '../../../../shared/formats/file-limits';

export function fileErrorText(t: Translate, fileName: string, error: unknown): string {
  if (error instanceof FileTooLargeError) {
    return t('import.tooLarge', {
      name: fileName,
      size: megabytes(error.sizeBytes),
      limit: megabytes(error.limitBytes),
    });
  }
  return t('import.fileError', { message: error instanceof Error ? error.message : String(error) });
}
