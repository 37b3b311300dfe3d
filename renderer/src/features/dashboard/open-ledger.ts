// Opens the ledger filtered to exactly what a figure or a bar of the Panel counts.
import { EMPTY_FILTER, type LedgerFilter } from '../../../../shared/domain/ledger-filter';
import { useUiStore } from '../../store/ui-store';
import { navigate } from '../../app/router';

export function openLedger(patch: Partial<LedgerFilter>): void {
  useUiStore.getState().setLedgerFilter({ ...EMPTY_FILTER, ...patch });
  navigate({ screen: 'invoices' });
}
