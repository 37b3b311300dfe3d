// A bank statement's warnings (accepted but odd) in the person's language.
import type { Translate } from '../../i18n';
import type { StatementWarning } from '../../../../shared/formats/statement-warnings';

export function statementWarningText(
  t: Translate,
  money: (cents: number) => string,
  warning: StatementWarning,
): string {
  switch (warning.code) {
    case 'foreign_currency':
      return t('import.bank.warn.foreign_currency', {
        entries: warning.entries,
        currency: warning.currency,
        accountCurrency: warning.accountCurrency,
      });
    case 'balance_mismatch':
      return t('import.bank.warn.balance_mismatch', {
        closing: money(warning.closingCents),
        opening: money(warning.openingCents),
        expected: money(warning.expectedClosingCents),
      });
    case 'no_closing_record':
      return t('import.bank.warn.no_closing_record', { account: warning.account });
    case 'no_end_record':
      return t('import.bank.warn.no_end_record');
  }
}
