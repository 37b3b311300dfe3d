// The invoice form's numbering: the proposed next number and numbers shared with other clients.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'invoices.number.proposed': 'Siguiente número de la serie',
    'invoices.number.elsewhere':
      'El número {number} ya lo tiene una factura de {clients}. Las facturas se numeran por serie, no por cliente: revisa el número antes de guardar.',
  },
  {
    'invoices.number.proposed': 'Next number of the series',
    'invoices.number.elsewhere':
      'Number {number} is already used by an invoice of {clients}. Invoices are numbered per series, not per client: check the number before saving.',
  },
);
