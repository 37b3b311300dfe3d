// One client: balance, risk and history, invoices and payments, with the next actions at hand.
import { useLiveQuery } from 'dexie-react-hooks';
import { useT, translateIssue, useLanguage } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { getDb } from '../../db/database';
import { getClientDetail, getClientState } from '../../db/queries';
import { deleteClient } from '../../db/clients-repo';
import { deletePayment } from '../../db/payments-repo';
import { EmptyState } from '../../components/EmptyState';
import { navigate, hrefOf } from '../../app/router';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { InvoiceTable } from './InvoiceTable';
import { ClientCollectionsPanel } from '../collections/ClientCollectionsPanel';
import { ClientLegalPanel } from '../legal/ClientLegalPanel';
import { VatRecoveryPanel } from '../vat/VatRecoveryPanel';
import { exceedsLegalPaymentTerm } from '../../../../shared/domain/payment-term';
import { ClientDataActions } from '../import/ClientDataActions';
import { StatementButton } from '../dashboard/StatementButton';
import { isValidationError } from '../../../../shared/domain/validation';
import { useReadyMark } from '../ledger/bench-marks';

export function ClientDetailScreen({ clientId }: { clientId: string }) {
  const t = useT();
  const language = useLanguage();
  const today = useToday();
  const { money, date } = useFormat();
  const openDialog = useUiStore((state) => state.openDialog);
  const showToast = useUiStore((state) => state.showToast);
  const detail = useLiveQuery(
    () => getClientDetail(getDb(), clientId).then((found) => found ?? null),
    [clientId],
  );
  const state = useLiveQuery(() => getClientState(getDb(), clientId, today), [clientId, today]);

  useReadyMark('client', detail !== undefined && state !== undefined);
  if (detail === undefined || state === undefined) return <p>{t('common.loading')}</p>;
  if (detail === null) {
    return (
      <EmptyState
        title={t('issue.not_found')}
        body=""
        action={<a href={hrefOf({ screen: 'clients' })}>{t('common.back')}</a>}
      />
    );
  }

  const { client, invoices, payments } = detail;
  // One derivation of state (ledger-state.ts): the same figures as Hoy, Panel and the ledger.
  const outstanding = state.totals.outstandingCents;
  const overdue = state.totals.overdueCents;
  const credit = payments.reduce((sum, payment) => sum + payment.unallocatedCents, 0);
  const numberOf = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));

  async function removeClient() {
    if (!window.confirm(t('clients.deleteConfirm', { name: client.name }))) return;
    try {
      await deleteClient(getDb(), client.id);
      showToast({ tone: 'success', message: t('clients.deleted', { name: client.name }) });
      navigate({ screen: 'clients' });
    } catch (error) {
      const message = isValidationError(error)
        ? error.issues.map((issue) => translateIssue(language, issue)).join(' ')
        : String(error);
      showToast({ tone: 'error', message });
    }
  }

  async function removePayment(paymentId: string, amountCents: number) {
    if (!window.confirm(t('payments.deleteConfirm', { amount: money(amountCents) }))) return;
    try {
      await deletePayment(getDb(), paymentId);
      showToast({ tone: 'success', message: t('payments.deleted') });
    } catch (error) {
      showToast({ tone: 'error', message: t('error.generic', { message: String(error) }) });
    }
  }

  return (
    <section className="screen" aria-labelledby="client-title">
      <header className="screen__header">
        <div>
          <a href={hrefOf({ screen: 'clients' })}>← {t('clients.title')}</a>
          <h1 id="client-title">{client.name}</h1>
          <p className="screen__lead">
            {client.taxId} · {t('clients.detail.terms', { days: client.paymentTermDays })}
            {client.email && ` · ${client.email}`}
            {client.phone && ` · ${client.phone}`}
          </p>
          {exceedsLegalPaymentTerm(client.paymentTermDays) && (
            <p className="alert alert--warning" data-testid="term-over-60">
              {t('legal.term.over60')}
            </p>
          )}
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            onClick={() => openDialog({ kind: 'invoice', clientId: client.id })}
          >
            {t('invoices.new')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => openDialog({ kind: 'payment', clientId: client.id })}
          >
            {t('payments.new')}
          </button>
          <StatementButton clientId={client.id} />
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ kind: 'client', clientId: client.id })}
          >
            {t('common.edit')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void removeClient()}
          >
            {t('clients.delete')}
          </button>
        </div>
      </header>

      <div className="cards">
        <div className="card">
          <div className="stat__label">{t('clients.detail.balance')}</div>
          <div className="stat__value" data-testid="client-outstanding">
            {money(outstanding)}
          </div>
        </div>
        <div className="card">
          <div className="stat__label">{t('clients.detail.overdue')}</div>
          <div
            className={overdue > 0 ? 'stat__value late' : 'stat__value'}
            data-testid="client-overdue"
          >
            {money(overdue)}
          </div>
          {state.totals.inPlanCents > 0 && (
            <div className="stat__hint" data-testid="client-in-plan">
              {t('clients.detail.inPlan', {
                amount: money(state.totals.inPlanCents),
                overdue: money(state.totals.inPlanOverdueCents),
              })}
            </div>
          )}
        </div>
        {credit > 0 && (
          <div className="card">
            <div className="stat__label">{t('clients.detail.credit')}</div>
            <div className="stat__value">{money(credit)}</div>
          </div>
        )}
      </div>

      <ClientCollectionsPanel clientId={client.id} />
      <ClientLegalPanel clientId={client.id} />
      <VatRecoveryPanel clientId={client.id} />

      <div className="card">
        <h2>{t('clients.detail.invoices')}</h2>
        {invoices.length === 0 ? (
          <p className="screen__lead">{t('clients.detail.noInvoices')}</p>
        ) : (
          <InvoiceTable invoices={invoices} states={state.invoices} />
        )}
      </div>

      <div className="card">
        <h2>{t('clients.detail.payments')}</h2>
        {payments.length === 0 ? (
          <p className="screen__lead">{t('clients.detail.noPayments')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('payments.col.date')}</th>
                <th scope="col" className="num">
                  {t('payments.col.amount')}
                </th>
                <th scope="col">{t('payments.col.method')}</th>
                <th scope="col">{t('payments.col.appliedTo')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.map((payment) => (
                <tr key={payment.id}>
                  <td>{date(payment.date)}</td>
                  <td className="num">{money(payment.amountCents)}</td>
                  <td>{t(`payments.method.${payment.method}`)}</td>
                  <td>
                    {payment.allocations
                      .map(
                        (allocation) =>
                          `${numberOf.get(allocation.invoiceId) ?? '?'} (${money(allocation.amountCents)})`,
                      )
                      .join(', ')}
                    {payment.unallocatedCents > 0 &&
                      ` ${t('payments.unallocated', { amount: money(payment.unallocatedCents) })}`}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => void removePayment(payment.id, payment.amountCents)}
                    >
                      {t('payments.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <ClientDataActions
        clientId={client.id}
        clientName={client.name}
        onErased={() => navigate({ screen: 'clients' })}
      />
    </section>
  );
}
