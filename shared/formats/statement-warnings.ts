// What a bank statement import accepts but tells the person about: real files are not always tidy.

export type StatementWarning =
  /** camt.053: entries in another currency than the account's (amounts are taken as written). */
  | { code: 'foreign_currency'; entries: number; currency: string; accountCurrency: string }
  /** The closing balance does not follow from the opening balance and the entries. */
  | {
      code: 'balance_mismatch';
      openingCents: number;
      closingCents: number;
      expectedClosingCents: number;
    }
  /** Norma 43: an account without its closing record (33): counts, totals and final balance unchecked. */
  | { code: 'no_closing_record'; account: string }
  /** Norma 43: the file has no end record (88): it may have been cut short. */
  | { code: 'no_end_record' };
