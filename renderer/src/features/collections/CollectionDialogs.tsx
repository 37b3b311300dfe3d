// The collections dialogs a screen can open (contact, promise, dispute, reminder), kept in local state.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { ActivityFormDialog } from './ActivityFormDialog';
import { DisputeFormDialog } from './DisputeFormDialog';
import { ReminderDialog } from './ReminderDialog';

export type CollectionDialog =
  | { kind: 'activity'; clientId: string; withPromise: boolean }
  | { kind: 'dispute'; invoiceId: string }
  | {
      kind: 'reminder';
      clientId: string;
      /** The letter asked for from Hoy: that level for those invoices; absent: the next letter. */
      only?: { level: number; invoiceIds: readonly string[] };
    }
  | null;

export function useCollectionDialog() {
  return useState<CollectionDialog>(null);
}

function ActivityLoader({
  clientId,
  withPromise,
  onClose,
}: {
  clientId: string;
  withPromise: boolean;
  onClose: () => void;
}) {
  const loaded = useLiveQuery(async () => {
    const db = getDb();
    const [client, invoices] = await Promise.all([
      db.clients.get(clientId),
      db.invoices.where('clientId').equals(clientId).toArray(),
    ]);
    if (!client) return null;
    const open = invoices
      .filter((invoice) => invoice.lifecycle === 'issued' && invoice.outstandingCents > 0)
      .sort((a, b) => (a.nextDueDate ?? '').localeCompare(b.nextDueDate ?? ''));
    return { client, open };
  }, [clientId]);
  if (!loaded) return null;
  return (
    <ActivityFormDialog
      client={loaded.client}
      invoices={loaded.open}
      withPromise={withPromise}
      onClose={onClose}
    />
  );
}

function DisputeLoader({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const invoice = useLiveQuery(
    () =>
      getDb()
        .invoices.get(invoiceId)
        .then((row) => row ?? null),
    [invoiceId],
  );
  if (!invoice) return null;
  return <DisputeFormDialog invoice={invoice} onClose={onClose} />;
}

export function CollectionDialogs({
  dialog,
  onClose,
}: {
  dialog: CollectionDialog;
  onClose: () => void;
}) {
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'activity':
      return (
        <ActivityLoader
          clientId={dialog.clientId}
          withPromise={dialog.withPromise}
          onClose={onClose}
        />
      );
    case 'dispute':
      return <DisputeLoader invoiceId={dialog.invoiceId} onClose={onClose} />;
    case 'reminder':
      return <ReminderDialog clientId={dialog.clientId} only={dialog.only} onClose={onClose} />;
  }
}
