// Records two devices made with the same key, in words: what sync did by itself (the same bank
// file kept once, a payment booked twice taken back) and what waits for the user's choice.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { localeOf, useLanguage, useT } from '../../i18n';
import { getDb } from '../../db/database';
import { heldSameNumber, listHeld } from '../../db/sync/held';
import {
  deleteDuplicateInvoice,
  keepOtherDevices,
  keepThisDevices,
  renumberDuplicateInvoice,
} from '../../db/sync/held-actions';
import type { SyncHeldRecord } from '../../db/sync/records';
import { formatEuros } from '../../../../shared/domain/money';
import { formatDate } from '../../../../shared/domain/dates';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function cents(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function SameNumber({
  held,
  run,
}: {
  held: SyncHeldRecord;
  run: (job: () => Promise<void>) => void;
}) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const db = getDb();
  const baseId = useId();
  const view = useLiveQuery(() => heldSameNumber(db, held), [db, held]);
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  if (!view) return null;
  const client = view.clientLabel ?? t('sync.held.deletedClient');
  return (
    <>
      <p>{t('sync.held.sameNumber', { number: text(held.record.number), client })}</p>
      {held.resolvedAt === null && (
        <div>
          {view.invoices.map((invoice, index) => {
            const inputId = `${baseId}-number-${index}`;
            const named = t('sync.held.invoice', {
              number: invoice.number,
              date: formatDate(invoice.issueDate, locale),
              amount: formatEuros(invoice.payableCents, locale),
            });
            return (
              <p key={invoice.id} data-testid="sync-held-invoice">
                {invoice.number} · {formatDate(invoice.issueDate, locale)} ·{' '}
                {formatEuros(invoice.payableCents, locale)}
                {invoice.description ? ` · ${invoice.description}` : ''}
                {' · '}
                <label htmlFor={inputId}>{t('sync.held.newNumber')}</label>{' '}
                <input
                  id={inputId}
                  aria-label={t('sync.held.newNumberFor', { invoice: named })}
                  value={numbers[invoice.id] ?? ''}
                  onChange={(event) => setNumbers({ ...numbers, [invoice.id]: event.target.value })}
                />{' '}
                <button
                  type="button"
                  className="button"
                  aria-label={t('sync.held.renumberFor', { invoice: named })}
                  disabled={(numbers[invoice.id] ?? '').trim() === ''}
                  onClick={() =>
                    run(() =>
                      renumberDuplicateInvoice(db, held.id, invoice.id, numbers[invoice.id] ?? ''),
                    )
                  }
                >
                  {t('sync.held.renumber')}
                </button>{' '}
                <button
                  type="button"
                  className="button"
                  aria-label={t('sync.held.deleteFor', { invoice: named })}
                  onClick={() => run(() => deleteDuplicateInvoice(db, held.id, invoice.id))}
                >
                  {t('sync.held.delete')}
                </button>
              </p>
            );
          })}
        </div>
      )}
    </>
  );
}

function Entry({ held, run }: { held: SyncHeldRecord; run: (job: () => Promise<void>) => void }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const db = getDb();
  if (held.kind === 'same_number') return <SameNumber held={held} run={run} />;
  if (held.kind === 'merged') {
    const words =
      held.table === 'bankStatements'
        ? t('sync.held.mergedStatement', { name: text(held.record.fileName) })
        : t('sync.held.mergedMovement', {
            date: formatDate(text(held.record.date) || '1970-01-01', locale),
            amount: formatEuros(cents(held.record.amountCents), locale),
          });
    return (
      <p>
        {words}
        {held.tookBack &&
          ` ${t('sync.held.tookBack', { amount: formatEuros(held.tookBack.amountCents, locale) })}`}
      </p>
    );
  }
  const label = text(held.record.reference) || held.key;
  return (
    <>
      <p>{t('sync.held.aside', { label })}</p>
      {held.resolvedAt === null && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => run(() => keepThisDevices(db, held.id))}
          >
            {t('sync.held.keepHere')}
          </button>{' '}
          <button
            type="button"
            className="button"
            onClick={() => run(() => keepOtherDevices(db, held.id))}
          >
            {t('sync.held.keepOther')}
          </button>
        </p>
      )}
    </>
  );
}

export function SyncHeldList() {
  const t = useT();
  const db = getDb();
  const held = useLiveQuery(() => listHeld(db), [db]);
  const [error, setError] = useState<string | null>(null);
  if (!held || held.length === 0) return null;
  const run = (job: () => Promise<void>) => {
    setError(null);
    job().catch((reason: unknown) =>
      setError(reason instanceof Error ? reason.message : String(reason)),
    );
  };
  return (
    <section data-testid="sync-held">
      <h3>{t('sync.held.title')}</h3>
      <p className="screen__lead">{t('sync.held.intro')}</p>
      {error && <p className="alert alert--error">{error}</p>}
      <ul className="list-plain">
        {held.map((row) => (
          <li key={row.id} data-testid="sync-held-entry">
            <div>
              <strong>
                {row.resolvedAt === null ? t('sync.held.waiting') : t('sync.held.resolved')}
              </strong>
              <Entry held={row} run={run} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
