// One plan: where it stands, its schedule with what is paid, its invoices, signing and documents.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { InstallmentRecord, Language } from '../../../../shared/domain/records';
import { getDb } from '../../db/database';
import { getPlanDetail } from '../../db/plans-queries';
import { cancelPlan } from '../../db/plans-repo';
import { useLanguage, useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { hrefOf } from '../../app/router';
import { useUiStore } from '../../store/ui-store';
import { EmptyState } from '../../components/EmptyState';
import { AgreementCard } from './AgreementCard';
import { PlanBuilder } from './PlanBuilder';
import { PlanStatusBadge } from './PlanStatusBadge';
import { SigningPanel } from './SigningPanel';
import { formOfPlan } from './plan-form';
import './plans.css';

function installmentState(row: InstallmentRecord, today: string) {
  if (row.paidCents >= row.amountCents) return 'paid' as const;
  if (row.dueDate < today) return 'late' as const;
  return row.paidCents > 0 ? ('partial' as const) : ('pending' as const);
}

export function PlanDetailScreen({ planId }: { planId: string }) {
  const t = useT();
  const today = useToday();
  const uiLanguage = useLanguage();
  const { money, date } = useFormat();
  const showToast = useUiStore((state) => state.showToast);
  const [editing, setEditing] = useState(false);
  const [documentLanguage, setDocumentLanguage] = useState<Language | null>(null);
  const detail = useLiveQuery(() => getPlanDetail(getDb(), planId, today), [planId, today]);

  if (detail === undefined) return <p className="screen__lead">{t('common.loading')}</p>;
  if (detail === null) {
    return (
      <section className="screen">
        <EmptyState
          title={t('plans.detail.notFound')}
          body=""
          action={<a href={hrefOf({ screen: 'plans' })}>{t('plans.detail.back')}</a>}
        />
      </section>
    );
  }
  const { plan, client, evaluation } = detail;
  const reference = plan.terms?.reference ?? '';
  const language = documentLanguage ?? plan.terms?.language ?? uiLanguage;

  if (editing && plan.status === 'draft') {
    return (
      <section className="screen" aria-labelledby="plan-title">
        <h1 id="plan-title">{t('plans.builder.editTitle', { reference })}</h1>
        <PlanBuilder
          initial={formOfPlan(plan, detail.installments)}
          draft={plan}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }

  const cancel = async () => {
    if (!window.confirm(t('plans.detail.cancelConfirm', { reference }))) return;
    await cancelPlan(getDb(), plan.id);
    showToast({ message: t('plans.detail.cancelled'), tone: 'success' });
  };
  const paidTowardPlan = detail.invoices.reduce((sum, invoice) => {
    const before = plan.terms?.invoiceAmounts.find((row) => row.invoiceId === invoice.id);
    return sum + (before ? Math.max(0, before.amountCents - invoice.outstandingCents) : 0);
  }, 0);
  const downPending =
    plan.status === 'active' ? Math.max(0, plan.downPaymentCents - paidTowardPlan) : 0;
  const missed = evaluation.missedInstallment;

  return (
    <section className="screen" aria-labelledby="plan-title">
      <header className="screen__header">
        <div>
          <a href={hrefOf({ screen: 'plans' })}>← {t('plans.detail.back')}</a>
          <h1 id="plan-title">
            {reference} ·{' '}
            {client ? (
              <a href={hrefOf({ screen: 'client', clientId: client.id })}>{client.name}</a>
            ) : (
              '—'
            )}
          </h1>
          <p className="screen__lead">
            <PlanStatusBadge status={evaluation.status} />{' '}
            {plan.signedDate &&
              plan.signing &&
              t('plans.detail.signedOn', {
                date: date(plan.signedDate),
                how: t(`plans.detail.how.${plan.signing.how}`),
              })}
          </p>
        </div>
        <div className="toolbar">
          {plan.status === 'draft' && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('plans.detail.edit')}
            </button>
          )}
          {(plan.status === 'draft' || plan.status === 'active' || plan.status === 'broken') && (
            <button type="button" className="button button--danger" onClick={() => void cancel()}>
              {t('plans.detail.cancel')}
            </button>
          )}
        </div>
      </header>

      {evaluation.status === 'broken' && missed && (
        <p className="alert alert--error" role="alert" data-testid="plan-accelerated">
          {t('plans.detail.accelerated', {
            seq: missed.seq,
            date: date(missed.dueDate),
            days: plan.terms?.breakAfterDays ?? 0,
            amount: money(evaluation.outstandingCents),
          })}
        </p>
      )}
      {evaluation.status === 'completed' && (
        <p className="alert alert--info">{t('plans.detail.completed')}</p>
      )}
      {downPending > 0 && (
        <p className="alert alert--warning">
          {t('plans.detail.downPending', { amount: money(downPending) })}
        </p>
      )}

      <div className="cards">
        <div className="card">
          <div className="stat__label">{t('plans.builder.summary.debt')}</div>
          <div className="stat__value">{money(plan.totalCents)}</div>
        </div>
        <div className="card">
          <div className="stat__label">{t('plans.detail.paid')}</div>
          <div className="stat__value">{money(evaluation.paidCents)}</div>
        </div>
        <div className="card">
          <div className="stat__label">{t('plans.detail.outstanding')}</div>
          <div
            className={evaluation.overdueCents > 0 ? 'stat__value late' : 'stat__value'}
            data-testid="plan-outstanding"
          >
            {money(evaluation.outstandingCents)}
          </div>
        </div>
      </div>

      <div className="card">
        <h2>{t('plans.builder.schedule')}</h2>
        <table className="table" data-testid="plan-installments">
          <thead>
            <tr>
              <th scope="col">{t('plans.col.seq')}</th>
              <th scope="col">{t('plans.col.dueDate')}</th>
              <th scope="col" className="num">
                {t('plans.col.amount')}
              </th>
              <th scope="col" className="num">
                {t('plans.col.interest')}
              </th>
              <th scope="col" className="num">
                {t('plans.col.paidCol')}
              </th>
              <th scope="col">{t('plans.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.installments.map((row) => {
              const state = installmentState(row, today);
              return (
                <tr key={row.id}>
                  <td>
                    {row.seq}/{detail.installments.length}
                  </td>
                  <td className={state === 'late' ? 'late' : undefined}>{date(row.dueDate)}</td>
                  <td className="num">{money(row.amountCents)}</td>
                  <td className="num">{money(row.interestCents)}</td>
                  <td className="num">{money(row.paidCents)}</td>
                  <td>{t(`plans.installment.${state}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="card">
        <h2>{t('plans.detail.invoices')}</h2>
        <ul className="list-plain">
          {(plan.terms?.invoiceAmounts ?? []).map((row) => (
            <li key={row.invoiceId}>
              {row.number} · {date(row.issueDate)} · {money(row.amountCents)}
            </li>
          ))}
          {(plan.terms?.extraLines ?? []).map((line, index) => (
            <li key={index}>
              {line.label} · {money(line.amountCents)}
            </li>
          ))}
        </ul>
      </div>

      {plan.status === 'draft' && <SigningPanel detail={detail} documentLanguage={language} />}
      <AgreementCard detail={detail} documentLanguage={language} onLanguage={setDocumentLanguage} />
    </section>
  );
}
