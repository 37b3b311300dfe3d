// Column metadata the ledger uses: numeric columns align right.
import '@tanstack/react-table';
import type { RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match the library's declaration.
  interface ColumnMeta<TData extends RowData, TValue> {
    numeric?: boolean;
  }
}
