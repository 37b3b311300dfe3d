// "Panel": how much is owed, how late, how fast it comes in, and what should arrive in 12 weeks.
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n';
import { getDb } from '../../db/database';
import { loadDashboardInputs } from '../../db/ledger-queries';
import { useToday } from '../../app/use-today';
import { useFormat } from '../../app/use-format';
import { EmptyState } from '../../components/EmptyState';
import { addDays } from '../../../../shared/domain/dates';
import type { LedgerFilter } from '../../../../shared/domain/ledger-filter';
import { dashboardFigures } from './dashboard-cache';
import { openLedger } from './open-ledger';
import { DebtorsCard } from './DebtorsCard';
import { VatRecoveryList } from '../vat/VatRecoveryList';
import { ReportButtons } from './ReportButtons';
import { useReadyMark } from '../ledger/bench-marks';
import './dashboard.css';

// recharts is large: its chunk loads only when the Panel opens.
const AgingChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.AgingChart })));
const TrendChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.TrendChart })));
const ForecastChart = lazy(() =>
  import('./DashboardCharts').then((m) => ({ default: m.ForecastChart })),
);

/**
 * True from the frame after `ready` turns true: what is below the figures (the VAT list reads and
 * derives hundreds of invoices of its own) starts once they are painted, not in competition.
 */
function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame that paints the figures, then the task after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}

function Figure(props: {
  label: string;
  value: string;
  hint?: ReactNode;
  method?: string;
  tone?: 'late';
  filter?: Partial<LedgerFilter>;
  testId: string;
}) {
  const t = useT();
  const body = (
    <>
      <span className="stat__label">{props.label}</span>
      <span className={props.tone === 'late' ? 'stat__value late' : 'stat__value'}>
        {props.value}
      </span>
      {props.hint && <span className="stat__hint">{props.hint}</span>}
      {props.method && <span className="stat__hint panel-method">{props.method}</span>}
    </>
  );
  if (!props.filter) {
    return (
      <div className="card panel-figure" data-testid={props.testId}>
        {body}
      </div>
    );
  }
  const filter = props.filter;
  return (
    <button
      type="button"
      className="card panel-figure panel-figure--link"
      data-testid={props.testId}
      title={t('panel.openInLedger')}
      onClick={() => openLedger(filter)}
    >
      {body}
    </button>
  );
}

export function DashboardScreen() {
  const t = useT();
  const today = useToday();
  const { money, count, locale } = useFormat();
  const inputs = useLiveQuery(() => loadDashboardInputs(getDb()), []);
  const figures = useMemo(() => (inputs ? dashboardFigures(inputs, today) : null), [inputs, today]);
  useReadyMark('dashboard', figures !== null);
  const showVat = useAfterPaint(figures !== null);
  if (!inputs || !figures) return <p role="status">{t('common.loading')}</p>;

  const percent = (value: number | null) =>
    value === null
      ? '—'
      : (value / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const share = figures.receivableCents > 0 ? figures.overdueCents / figures.receivableCents : 0;
  const days = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 1 });
  const chartFallback = <p className="stat__hint">{t('panel.chartLoading')}</p>;

  return (
    <section className="screen" aria-labelledby="dashboard-title">
      <header className="screen__header">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        {inputs.invoices.length > 0 && <ReportButtons figures={figures} today={today} />}
      </header>
      {inputs.invoices.length === 0 ? (
        <EmptyState title={t('panel.empty.title')} body={t('panel.empty.body')} />
      ) : (
        <>
          <div className="cards panel-cards">
            <Figure
              testId="panel-receivable"
              label={t('dashboard.receivable')}
              value={money(figures.receivableCents)}
              hint={t('panel.openCount', { count: count(figures.openCount) })}
              filter={{ statuses: ['open'] }}
            />
            <Figure
              testId="panel-overdue"
              label={t('dashboard.overdue')}
              value={money(figures.overdueCents)}
              tone={figures.overdueCents > 0 ? 'late' : undefined}
              hint={`${t('dashboard.overdueShare', {
                percent: share.toLocaleString(locale, {
                  style: 'percent',
                  maximumFractionDigits: 1,
                }),
              })} · ${t('panel.overdueCount', { count: count(figures.overdueCount) })}`}
              filter={{ overdueOnly: true }}
            />
            <Figure
              testId="panel-dso"
              label={t('panel.dso')}
              value={
                figures.dso === null
                  ? t('panel.dso.none')
                  : t('panel.dso.days', { days: days(figures.dso) })
              }
              method={t('panel.dso.method')}
              filter={{ statuses: ['open'] }}
            />
            <Figure
              testId="panel-cei"
              label={t('panel.cei')}
              value={percent(figures.cei90.percent)}
              hint={t('panel.cei.value', {
                cei30: percent(figures.cei30.percent),
                cei90: percent(figures.cei90.percent),
              })}
              method={t('panel.cei.method')}
              filter={{ issueFrom: addDays(today, -89), issueTo: today }}
            />
            <Figure
              testId="panel-late"
              label={t('panel.late')}
              value={t('panel.dso.days', { days: days(figures.averageDaysLate) })}
              method={t('panel.late.method')}
            />
            <Figure
              testId="panel-over-limit"
              label={t('panel.overLimit')}
              value={count(figures.overLimit.length)}
              hint={
                figures.overLimit.length === 0
                  ? t('panel.overLimit.none')
                  : figures.overLimit
                      .slice(0, 3)
                      .map((debtor) => debtor.client.name)
                      .join(', ')
              }
              filter={
                figures.overLimit.length > 0
                  ? {
                      statuses: ['open'],
                      clientIds: figures.overLimit.map((debtor) => debtor.client.id),
                    }
                  : undefined
              }
            />
          </div>
          <div className="panel-grid">
            <div className="card">
              <h2>{t('dashboard.aging')}</h2>
              <p className="stat__hint">{t('panel.aging.method')}</p>
              <Suspense fallback={chartFallback}>
                <AgingChart figures={figures} />
              </Suspense>
              <ul className="list-plain" aria-label={t('dashboard.aging')}>
                {(['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const).map((bucket) => (
                  <li key={bucket}>
                    <button
                      type="button"
                      className="link-button"
                      data-testid={`panel-bucket-${bucket}`}
                      onClick={() => openLedger({ buckets: [bucket] })}
                    >
                      {t(`aging.${bucket}`)}
                    </button>
                    <span className="num">
                      {money(figures.aging[bucket].cents)} ({count(figures.aging[bucket].count)})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            <DebtorsCard debtors={figures.topDebtors} />
          </div>
          <div className="card">
            <h2>{t('panel.trend')}</h2>
            <Suspense fallback={chartFallback}>
              <TrendChart figures={figures} />
            </Suspense>
          </div>
          <div className="card">
            <h2>{t('panel.forecast')}</h2>
            <p className="stat__hint">{t('panel.forecast.method')}</p>
            <Suspense fallback={chartFallback}>
              <ForecastChart figures={figures} />
            </Suspense>
            {figures.forecast.overdueUnscheduledCents > 0 && (
              <p className="stat__hint">
                {t('panel.forecast.unscheduled', {
                  amount: money(figures.forecast.overdueUnscheduledCents),
                })}
              </p>
            )}
          </div>
          {showVat && <VatRecoveryList />}
        </>
      )}
    </section>
  );
}
