// Planes de pago: every plan with how it stands today, and the way in to build a new one.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { listPlans } from '../../db/plans-queries';
import { refreshPlans } from '../../db/plans-repo';
import { getCompanyProfile } from '../../db/settings-repo';
import { getPlatform } from '../../platform';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { useToday } from '../../app/use-today';
import { hrefOf } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { PlanBuilder } from './PlanBuilder';
import { DirectDebitExport } from '../legal/DirectDebitExport';
import { PlanStatusBadge } from './PlanStatusBadge';
import { emptyForm, type PlanFormState } from './plan-form';
import { useReadyMark } from '../ledger/bench-marks';
import './plans.css';

/** Finds plans that broke since the last look, and says so once (a notification per plan). */
function useRefreshPlans(today: string) {
  const t = useT();
  useEffect(() => {
    const db = getDb();
    refreshPlans(db, today)
      .then(async (broken) => {
        for (const plan of broken) {
          const client = await db.clients.get(plan.clientId);
          await getPlatform().notify({
            title: t('plans.brokenNotice', { reference: plan.terms?.reference ?? '' }),
            body: t('plans.brokenNotice.body', {
              client: client?.name ?? '',
              days: plan.terms?.breakAfterDays ?? 0,
            }),
            target: { kind: 'plan', id: plan.id },
          });
        }
      })
      .catch(() => undefined);
  }, [today, t]);
}

export function PlansScreen() {
  const t = useT();
  const today = useToday();
  const { money, date } = useFormat();
  const [building, setBuilding] = useState<PlanFormState | null>(null);
  const rows = useLiveQuery(() => listPlans(getDb(), today), [today]);
  useRefreshPlans(today);
  useReadyMark('plans', rows !== undefined);

  const startBuilding = async () => {
    const company = await getCompanyProfile(getDb());
    setBuilding({ ...emptyForm(today, company.city), creditorName: '' });
  };

  if (building) {
    return (
      <section className="screen" aria-labelledby="plans-title">
        <h1 id="plans-title">{t('plans.builder.title')}</h1>
        <PlanBuilder initial={building} draft={null} onCancel={() => setBuilding(null)} />
      </section>
    );
  }

  return (
    <section className="screen" aria-labelledby="plans-title">
      <header className="screen__header">
        <div>
          <h1 id="plans-title">{t('plans.title')}</h1>
          <p className="screen__lead">{t('plans.intro')}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void startBuilding()}
          >
            {t('plans.new')}
          </button>
        </div>
      </header>
      {rows && rows.length === 0 && (
        <EmptyState title={t('plans.empty.title')} body={t('plans.empty.body')} />
      )}
      {rows && rows.length > 0 && (
        <div className="card">
          <table className="table" data-testid="plans-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.col.reference')}</th>
                <th scope="col">{t('plans.col.client')}</th>
                <th scope="col">{t('plans.col.status')}</th>
                <th scope="col" className="num">
                  {t('plans.col.total')}
                </th>
                <th scope="col" className="num">
                  {t('plans.col.paid')}
                </th>
                <th scope="col">{t('plans.col.next')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ plan, clientName, evaluation }) => (
                <tr key={plan.id} data-testid="plan-row">
                  <td>
                    <a href={hrefOf({ screen: 'plan', planId: plan.id })}>
                      {plan.terms?.reference ?? plan.id.slice(0, 8)}
                    </a>
                  </td>
                  <td>{clientName}</td>
                  <td>
                    <PlanStatusBadge status={evaluation.status} />
                  </td>
                  <td className="num">{money(plan.totalCents)}</td>
                  <td className="num">{money(evaluation.paidCents)}</td>
                  <td>
                    {evaluation.nextInstallment
                      ? `${date(evaluation.nextInstallment.dueDate)} · ${money(evaluation.nextInstallment.amountCents - evaluation.nextInstallment.paidCents)}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && rows.length > 0 && <DirectDebitExport />}
    </section>
  );
}
