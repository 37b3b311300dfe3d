// An invoice number that opens the invoice's dialog (figures, credit notes, edit, cancel…).
import { useUiStore } from '../../store/ui-store';

export function InvoiceLink(props: {
  id: string;
  number: string;
  label: string;
  /** -1 in the ledger, whose rows are walked with the arrow keys instead. */
  tabIndex?: number;
}) {
  const { id, number, label, tabIndex } = props;
  return (
    <button
      type="button"
      className="button button--link"
      title={label}
      aria-label={label}
      data-testid="invoice-link"
      tabIndex={tabIndex}
      // A ledger row's own click selects it; the number opens the invoice without that.
      onClick={(event) => {
        event.stopPropagation();
        useUiStore.getState().openDialog({ kind: 'invoiceDetail', invoiceId: id });
      }}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      {number}
    </button>
  );
}
