// Turns a failed save into messages per field (from the i18n files) and one general message.
import { useCallback, useState } from 'react';
import { isValidationError, type FieldIssue } from '../../../shared/domain/validation';
import { translate, translateIssue, useLanguage } from '../i18n';
import { writeErrorMessage } from './write-error-message';
import { logError } from '../app/error-log';

export interface FormErrors {
  byField: Record<string, string>;
  general: string | null;
}

const NO_ERRORS: FormErrors = { byField: {}, general: null };

export function useFormErrors() {
  const language = useLanguage();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const showIssues = useCallback(
    (issues: readonly FieldIssue[], generalFields: readonly string[] = []) => {
      const byField: Record<string, string> = {};
      const general: string[] = [];
      for (const issue of issues) {
        const message = translateIssue(language, issue);
        if (generalFields.includes(issue.field)) general.push(message);
        else byField[issue.field] ??= message;
      }
      if (general.length === 0 && issues.length > 0)
        general.push(translate(language, 'error.fixFields'));
      setErrors({ byField, general: general.join(' ') || null });
    },
    [language],
  );

  const showError = useCallback(
    (error: unknown, generalFields: readonly string[] = []) => {
      if (isValidationError(error)) {
        showIssues(error.issues, generalFields);
        return;
      }
      // Not the user's input: a storage failure or a bug. Log it, and say what happened in words.
      logError('formulario', error);
      const storageMessage = writeErrorMessage(language, error);
      if (storageMessage !== null) {
        setErrors({ byField: {}, general: storageMessage });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      setErrors({ byField: {}, general: translate(language, 'error.generic', { message }) });
    },
    [language, showIssues],
  );

  const clear = useCallback(() => setErrors(NO_ERRORS), []);

  return { errors, showIssues, showError, clear };
}
