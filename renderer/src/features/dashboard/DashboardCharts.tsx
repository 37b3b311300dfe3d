// The Panel's charts (recharts, its own lazily loaded chunk): aging, monthly trend, cash forecast.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useT } from '../../i18n';
import { useFormat } from '../../app/use-format';
import { AGING_BUCKETS, type AgingBucket } from '../../../../shared/domain/aging';
import type { DashboardFigures } from './dashboard-figures';
import { openLedger } from './open-ledger';

const COLORS = {
  primary: 'var(--color-primary)',
  danger: 'var(--color-danger)',
  success: 'var(--color-success)',
  warning: 'var(--color-warning)',
  muted: 'var(--color-text-muted)',
};

/** Wide enough for "546,1 mil €": recharts breaks a tick label at spaces when it does not fit. */
const MONEY_AXIS_WIDTH = 88;

function useAxisMoney() {
  const { locale } = useFormat();
  // The locale places the symbol ("1,2 mil €", "€1.2k"); no-break spaces keep a label on one line
  // instead of a clipped second line.
  return (cents: number) =>
    (cents / 100)
      .toLocaleString(locale, {
        style: 'currency',
        currency: 'EUR',
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      })
      .replace(/ /g, '\u00a0');
}

export function AgingChart({ figures }: { figures: DashboardFigures }) {
  const t = useT();
  const { money } = useFormat();
  const axis = useAxisMoney();
  const data = AGING_BUCKETS.map((bucket) => ({
    bucket,
    label: t(`aging.${bucket}`),
    cents: figures.aging[bucket].cents,
  }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: COLORS.muted, fontSize: 11 }} interval={0} />
        <YAxis
          tickFormatter={axis}
          tick={{ fill: COLORS.muted, fontSize: 12 }}
          width={MONEY_AXIS_WIDTH}
        />
        <Tooltip formatter={(value) => money(Number(value))} cursor={{ fillOpacity: 0.1 }} />
        <Bar
          isAnimationActive={false}
          dataKey="cents"
          name={t('invoices.col.outstanding')}
          fill={COLORS.primary}
          cursor="pointer"
          onClick={(entry: { payload?: { bucket?: AgingBucket } }) => {
            const bucket = entry.payload?.bucket;
            if (bucket) openLedger({ buckets: [bucket] });
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendChart({ figures }: { figures: DashboardFigures }) {
  const t = useT();
  const { money, date } = useFormat();
  const axis = useAxisMoney();
  const data = figures.trend.map((point) => ({
    label: date(point.date).slice(3),
    receivable: point.receivableCents,
    overdue: point.overdueCents,
    dso: point.dso === null ? null : Math.round(point.dso),
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: COLORS.muted, fontSize: 12 }} />
        <YAxis
          yAxisId="money"
          tickFormatter={axis}
          tick={{ fill: COLORS.muted, fontSize: 12 }}
          width={MONEY_AXIS_WIDTH}
        />
        <YAxis
          yAxisId="days"
          orientation="right"
          tick={{ fill: COLORS.muted, fontSize: 12 }}
          width={40}
        />
        <Tooltip
          formatter={(value, name) =>
            name === t('panel.trend.dso') ? String(value) : money(Number(value))
          }
        />
        <Legend />
        <Line
          isAnimationActive={false}
          yAxisId="money"
          dataKey="receivable"
          name={t('panel.trend.receivable')}
          stroke={COLORS.primary}
          dot={false}
          strokeWidth={2}
        />
        <Line
          isAnimationActive={false}
          yAxisId="money"
          dataKey="overdue"
          name={t('panel.trend.overdue')}
          stroke={COLORS.danger}
          dot={false}
          strokeWidth={2}
        />
        <Line
          isAnimationActive={false}
          yAxisId="days"
          dataKey="dso"
          name={t('panel.trend.dso')}
          stroke={COLORS.warning}
          dot={false}
          strokeDasharray="4 3"
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function ForecastChart({ figures }: { figures: DashboardFigures }) {
  const t = useT();
  const { money, date } = useFormat();
  const axis = useAxisMoney();
  const data = figures.forecast.weeks.map((week) => ({
    label: date(week.start).slice(0, -5),
    actual: week.kind === 'actual' ? week.actualCents : null,
    dues: week.kind === 'forecast' ? week.duesCents : null,
    installments: week.kind === 'forecast' ? week.installmentsCents : null,
    promises: week.kind === 'forecast' ? week.promisesCents : null,
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: COLORS.muted, fontSize: 11 }} interval={1} />
        <YAxis
          tickFormatter={axis}
          tick={{ fill: COLORS.muted, fontSize: 12 }}
          width={MONEY_AXIS_WIDTH}
        />
        <Tooltip formatter={(value) => money(Number(value))} />
        <Legend />
        <Bar
          isAnimationActive={false}
          dataKey="actual"
          stackId="a"
          name={t('panel.forecast.actual')}
          fill={COLORS.success}
        />
        <Bar
          isAnimationActive={false}
          dataKey="dues"
          stackId="a"
          name={t('panel.forecast.dues')}
          fill={COLORS.primary}
        />
        <Bar
          dataKey="installments"
          stackId="a"
          name={t('panel.forecast.installments')}
          fill={COLORS.warning}
        />
        <Bar
          dataKey="promises"
          stackId="a"
          name={t('panel.forecast.promises')}
          fill={COLORS.danger}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
