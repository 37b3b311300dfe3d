// Opens what a notification points at: the invoice in the ledger, the client, or the plan.
import type { NotificationTargetRef } from '../../../../shared/domain/records';
import { EMPTY_FILTER } from '../../../../shared/domain/ledger-filter';
import { getDb } from '../../db/database';
import { invoiceForTarget } from '../../db/notifications-repo';
import { navigate } from '../../app/router';
import { useUiStore } from '../../store/ui-store';

export async function openTarget(target: NotificationTargetRef | null): Promise<void> {
  const { setLedgerFilter } = useUiStore.getState();
  if (target === null) {
    // A digest: the overdue invoices are the place to start.
    setLedgerFilter({ ...EMPTY_FILTER, overdueOnly: true });
    navigate({ screen: 'invoices' });
    return;
  }
  switch (target.kind) {
    case 'invoice': {
      const invoice = await invoiceForTarget(getDb(), target.id);
      setLedgerFilter({ ...EMPTY_FILTER, search: invoice?.number ?? '' });
      navigate({ screen: 'invoices' });
      return;
    }
    case 'client':
      navigate({ screen: 'client', clientId: target.id });
      return;
    case 'plan':
      navigate({ screen: 'plan', planId: target.id });
      return;
  }
}
