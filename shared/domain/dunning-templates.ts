// Reminder and demand texts in Spanish and English, with {placeholders} filled per client.
import type { Language } from './records';
import type { DunningKind } from './dunning';

export interface DunningTemplate {
  subject: string;
  body: string;
}

export type DunningTemplates = Record<Language, Record<DunningKind, DunningTemplate>>;

export const TEMPLATE_PLACEHOLDERS = [
  'greeting',
  'client',
  'company',
  'invoices',
  'total',
  'days',
  'iban',
  'paymentLink',
  'interest',
  'compensation',
  'date',
] as const;

export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

const ES: Record<DunningKind, DunningTemplate> = {
  friendly: {
    subject: 'Recordatorio: próximo vencimiento de facturas — {company}',
    body:
      '{greeting}\n\nLe recordamos que las siguientes facturas vencen en los próximos días:\n' +
      '{invoices}\n\nImporte total: {total}.\nPuede pagar por transferencia a la cuenta {iban}. {paymentLink}\n\n' +
      'Si ya lo ha pagado, ignore este mensaje. Muchas gracias.\n\nUn saludo,\n{company}',
  },
  reminder: {
    subject: 'Facturas pendientes de pago — {company}',
    body:
      '{greeting}\n\nSegún nuestros registros, estas facturas han vencido y siguen pendientes:\n' +
      '{invoices}\n\nImporte pendiente: {total}.\nLe agradeceremos el pago por transferencia a la cuenta {iban}. {paymentLink}\n\n' +
      'Si ya lo ha pagado, por favor envíenos el justificante.\n\nUn saludo,\n{company}',
  },
  firm: {
    subject: 'Segundo aviso: facturas vencidas hace {days} días — {company}',
    body:
      '{greeting}\n\nA pesar de nuestro aviso anterior, las siguientes facturas siguen sin pagar, ' +
      'con un retraso de hasta {days} días:\n{invoices}\n\nImporte pendiente: {total}.\n' +
      'Le rogamos que realice el pago en los próximos 7 días a la cuenta {iban}. {paymentLink}\n' +
      'Si hay algún problema con las facturas, díganoslo para buscar una solución.\n\nAtentamente,\n{company}',
  },
  formal_demand: {
    subject: 'Requerimiento de pago — {company}',
    body:
      '{greeting}\n\nPor la presente le requerimos formalmente el pago de las facturas ' +
      'siguientes, vencidas hace hasta {days} días:\n{invoices}\n\nImporte principal: {total}.\n' +
      'Conforme a la Ley 3/2004, de lucha contra la morosidad, reclamamos además los intereses de demora ' +
      'devengados hasta el {date} ({interest}) y la indemnización de 40 € por factura por costes de cobro ({compensation}).\n\n' +
      'Le concedemos un plazo de 10 días para pagar en la cuenta {iban}. {paymentLink}\n' +
      'Transcurrido ese plazo sin pago, iniciaremos las acciones legales oportunas.\n\nAtentamente,\n{company}',
  },
  handoff: {
    subject: 'Último aviso antes de acciones legales — {company}',
    body:
      '{greeting}\n\nNo hemos recibido el pago de las facturas siguientes, vencidas hace hasta ' +
      '{days} días, pese a nuestros requerimientos:\n{invoices}\n\nImporte principal: {total}; intereses de demora ' +
      '({interest}) e indemnización por costes de cobro ({compensation}).\n\n' +
      'Le comunicamos que trasladamos el expediente a nuestro asesor legal para reclamar la deuda, ' +
      'incluido el procedimiento monitorio. Aún puede evitarlo pagando en la cuenta {iban}.\n\nAtentamente,\n{company}',
  },
};

const EN: Record<DunningKind, DunningTemplate> = {
  friendly: {
    subject: 'Reminder: invoices falling due soon — {company}',
    body:
      '{greeting}\n\nA friendly reminder that the following invoices fall due in the next few days:\n' +
      '{invoices}\n\nTotal: {total}.\nYou can pay by bank transfer to {iban}. {paymentLink}\n\n' +
      'If you have already paid, please ignore this message. Thank you.\n\nKind regards,\n{company}',
  },
  reminder: {
    subject: 'Invoices awaiting payment — {company}',
    body:
      '{greeting}\n\nAccording to our records these invoices are past due and still unpaid:\n' +
      '{invoices}\n\nAmount outstanding: {total}.\nPlease pay by bank transfer to {iban}. {paymentLink}\n\n' +
      'If you have already paid, please send us the remittance.\n\nKind regards,\n{company}',
  },
  firm: {
    subject: 'Second notice: invoices {days} days overdue — {company}',
    body:
      '{greeting}\n\nDespite our earlier reminder, the following invoices remain unpaid, up to {days} days late:\n' +
      '{invoices}\n\nAmount outstanding: {total}.\nPlease pay within 7 days to {iban}. {paymentLink}\n' +
      'If there is a problem with the invoices, tell us so we can solve it.\n\nKind regards,\n{company}',
  },
  formal_demand: {
    subject: 'Formal demand for payment — {company}',
    body:
      '{greeting}\n\nWe hereby formally demand payment of the following invoices, up to {days} days overdue:\n' +
      '{invoices}\n\nPrincipal: {total}.\nUnder Spanish Law 3/2004 on late payment we also claim the statutory interest ' +
      'accrued to {date} ({interest}) and the fixed compensation of 40 € per invoice for recovery costs ({compensation}).\n\n' +
      'Please pay within 10 days to {iban}. {paymentLink}\nOtherwise we will take legal action.\n\nKind regards,\n{company}',
  },
  handoff: {
    subject: 'Final notice before legal action — {company}',
    body:
      '{greeting}\n\nWe have not received payment of the following invoices, up to {days} days overdue, despite our demands:\n' +
      '{invoices}\n\nPrincipal: {total}; late-payment interest ({interest}) and recovery compensation ({compensation}).\n\n' +
      'The file is being passed to our legal adviser to recover the debt, including the Spanish order-for-payment ' +
      'procedure (procedimiento monitorio). You can still avoid it by paying to {iban}.\n\nKind regards,\n{company}',
  },
};

export const DEFAULT_DUNNING_TEMPLATES: DunningTemplates = { es: ES, en: EN };

/** Replaces each {name} it knows; unknown placeholders stay visible so a typo is noticed. */
export function fillTemplate(text: string, values: Partial<TemplateValues>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value ?? whole;
  });
}

/** The greetings the first versions shipped, replaced by the fitting {greeting} (issue 16). */
const OLD_GREETINGS = [
  'Muy Sr./Sra. nuestro/a, {client}:',
  'Estimado/a {client}:',
  'Hola, {client}:',
  'Hello {client},',
  'Dear {client},',
];

/**
 * A saved template that still opens with a greeting the app once shipped gets {greeting}
 * instead ("Estimada Sra. Ruiz:" rather than "Muy Sr./Sra. nuestro/a, Marta Ruiz Soler:");
 * any greeting the person wrote themselves is kept.
 */
export function upgradeGreeting(template: DunningTemplate): DunningTemplate {
  const old = OLD_GREETINGS.find((greeting) => template.body.startsWith(`${greeting}\n`));
  return old ? { ...template, body: `{greeting}${template.body.slice(old.length)}` } : template;
}

/** Every template of every language through upgradeGreeting. */
export function upgradeTemplates(templates: DunningTemplates): DunningTemplates {
  const upgrade = (set: DunningTemplates[Language]) =>
    Object.fromEntries(
      Object.entries(set).map(([kind, template]) => [kind, upgradeGreeting(template)]),
    ) as DunningTemplates[Language];
  return { es: upgrade(templates.es), en: upgrade(templates.en) };
}
