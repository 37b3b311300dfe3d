// The dashboard's own words: figures, how each is computed, charts and the PDF reports.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'panel.openInLedger': 'Ver en Facturas',
    'panel.openCount': '{count, plural, one {# factura abierta} other {# facturas abiertas}}',
    'panel.overdueCount':
      '{count, plural, one {# factura con importe vencido} other {# facturas con importe vencido}}',
    'panel.dso': 'Días medios de cobro (DSO)',
    'panel.dso.method':
      'Pendiente hoy ÷ facturado en los últimos 90 días × 90 días (método estándar).',
    'panel.dso.none': 'Sin ventas en los últimos 90 días',
    'panel.dso.days': '{days, plural, one {# día} other {# días}}',
    'panel.cei': 'Eficacia de cobro (CEI)',
    'panel.cei.value': '30 días: {cei30} · 90 días: {cei90}',
    'panel.cei.method':
      'Lo cobrado ÷ lo que se podía cobrar en el periodo (pendiente al inicio + facturado − pendiente sin vencer al final).',
    'panel.late': 'Retraso medio',
    'panel.late.method': 'Días de retraso de los cobros de los últimos 12 meses, según importe.',
    'panel.overLimit': 'Clientes por encima de su límite de crédito',
    'panel.overLimit.none': 'Ninguno',
    'panel.aging.method':
      'Cada factura cuenta por su vencimiento pendiente más antiguo; en un plan de pagos, por su plazo vencido.',
    'panel.aging.bar':
      '{bucket}: {amount} en {count, plural, one {# factura} other {# facturas}}. Ver en Facturas',
    'panel.top': 'Los 10 clientes que más deben',
    'panel.top.overdue': 'vencido {amount}',
    'panel.trend': 'Evolución mensual (12 meses)',
    'panel.trend.receivable': 'Pendiente',
    'panel.trend.overdue': 'Vencido',
    'panel.trend.dso': 'DSO (días)',
    'panel.forecast': 'Previsión de cobros (12 semanas)',
    'panel.forecast.method':
      'Cada vencimiento se desplaza el retraso medio de su cliente; se suman los plazos de planes activos y las promesas de pago. Las semanas pasadas muestran lo cobrado.',
    'panel.forecast.actual': 'Cobrado',
    'panel.forecast.dues': 'Vencimientos',
    'panel.forecast.installments': 'Plazos de planes',
    'panel.forecast.promises': 'Promesas de pago',
    'panel.forecast.week': 'Semana del {date}',
    'panel.forecast.unscheduled':
      'Además, {amount} llevan más retraso del habitual y no tienen fecha prevista.',
    'panel.chartLoading': 'Cargando gráfico…',
    'panel.empty.title': 'Aún no hay nada que mostrar',
    'panel.empty.body': 'Crea facturas o carga los datos de ejemplo en Ajustes para ver el panel.',
    'panel.pdf.aging': 'Informe de antigüedad (PDF)',
    'panel.pdf.statement': 'Extracto de cuenta (PDF)',
    'panel.pdf.statementShort': 'Extracto',
    'panel.pdf.failed': 'No se pudo generar el PDF: {message}',
  },
  {
    'panel.openInLedger': 'Show in Invoices',
    'panel.openCount': '{count, plural, one {# open invoice} other {# open invoices}}',
    'panel.overdueCount':
      '{count, plural, one {# invoice with an overdue amount} other {# invoices with an overdue amount}}',
    'panel.dso': 'Days sales outstanding (DSO)',
    'panel.dso.method':
      'Outstanding today ÷ invoiced in the last 90 days × 90 days (standard method).',
    'panel.dso.none': 'No sales in the last 90 days',
    'panel.dso.days': '{days, plural, one {# day} other {# days}}',
    'panel.cei': 'Collection effectiveness (CEI)',
    'panel.cei.value': '30 days: {cei30} · 90 days: {cei90}',
    'panel.cei.method':
      'Collected ÷ collectable in the period (outstanding at the start + invoiced − not yet due at the end).',
    'panel.late': 'Average days late',
    'panel.late.method': 'Days late of the last 12 months’ collections, weighted by amount.',
    'panel.overLimit': 'Clients over their credit limit',
    'panel.overLimit.none': 'None',
    'panel.aging.method':
      'Each invoice counts by its oldest unpaid due date; in a payment plan, by its overdue installment.',
    'panel.aging.bar':
      '{bucket}: {amount} in {count, plural, one {# invoice} other {# invoices}}. Show in Invoices',
    'panel.top': 'Top 10 debtors',
    'panel.top.overdue': 'overdue {amount}',
    'panel.trend': 'Monthly trend (12 months)',
    'panel.trend.receivable': 'Outstanding',
    'panel.trend.overdue': 'Overdue',
    'panel.trend.dso': 'DSO (days)',
    'panel.forecast': 'Cash-in forecast (12 weeks)',
    'panel.forecast.method':
      'Each due date is shifted by its client’s average delay; active plans’ installments and promises to pay are added. Past weeks show what was collected.',
    'panel.forecast.actual': 'Collected',
    'panel.forecast.dues': 'Due dates',
    'panel.forecast.installments': 'Plan installments',
    'panel.forecast.promises': 'Promises to pay',
    'panel.forecast.week': 'Week of {date}',
    'panel.forecast.unscheduled': 'Also, {amount} is later than usual and has no expected date.',
    'panel.chartLoading': 'Loading chart…',
    'panel.empty.title': 'Nothing to show yet',
    'panel.empty.body': 'Create invoices or load the sample data in Settings to see the dashboard.',
    'panel.pdf.aging': 'Aging report (PDF)',
    'panel.pdf.statement': 'Statement of account (PDF)',
    'panel.pdf.statementShort': 'Statement',
    'panel.pdf.failed': 'Could not create the PDF: {message}',
  },
);
