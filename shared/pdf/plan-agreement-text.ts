// The agreement's wording in Spanish and English: the legal text lives here, apart from the layout.
import type { Language } from '../domain/records';

export interface AgreementWords {
  title: string;
  placeDate: (place: string, date: string) => string;
  together: string;
  party: (args: PartyWords) => string;
  creditor: string;
  debtor: string;
  creditorRole: string;
  debtorRole: string;
  capacityClause: string;
  state: string;
  statement1: (total: string) => string;
  statement2: string;
  agree: string;
  clauses: string;
  clauseAcknowledgement: (total: string) => string;
  debtTable: { concept: string; date: string; amount: string; total: string };
  invoice: (number: string) => string;
  downPayment: (amount: string, date: string | null) => string;
  schedule: (count: number, amount: string, frequency: string) => string;
  frequency: Record<'weekly' | 'biweekly' | 'monthly', string>;
  scheduleTable: {
    seq: string;
    date: string;
    principal: string;
    interest: string;
    amount: string;
    total: string;
  };
  interestNote: (rate: string, cost: string) => string;
  payment: (iban: string, holder: string, reference: string) => string;
  qrCaption: string;
  noIban: string;
  acceleration: (days: number) => string;
  lateInterest: string;
  costs: string;
  effects: string;
  dataProtection: string;
  jurisdiction: (city: string) => string;
  closing: string;
  signedBy: string;
  onBehalfOf: (name: string) => string;
  ownName: string;
  page: (current: number, count: number) => string;
  ordinals: readonly string[];
  clauseTitles: readonly string[];
}

interface PartyWords {
  name: string;
  taxId: string;
  address: string;
  signatory: string;
  capacity: string;
  role: string;
  /** A self-employed party signing for itself: no "representada por", no "en calidad de". */
  selfActing: boolean;
}

/** "en calidad de administradora única" typed in full is not repeated: "administradora única". */
export function bareCapacity(capacity: string): string {
  return capacity
    .trim()
    .replace(/^(en\s+(su\s+)?(calidad|condición)\s+de|como|as)\s+/i, '')
    .trim();
}

/**
 * Whether a party acts in its own name: no separate signatory, the signatory is the party itself,
 * or the capacity says so ("en su propio nombre", "in their own name").
 */
export function actsInOwnName(partyName: string, signatory: { name: string; capacity: string }) {
  const name = signatory.name.trim().toLowerCase();
  return (
    name === '' ||
    name === partyName.trim().toLowerCase() ||
    /propio nombre|own name|own behalf/i.test(signatory.capacity)
  );
}

/** The signatory's name, followed by the trade name when a self-employed person uses one. */
function ownName(p: PartyWords): string {
  const person = p.signatory.trim() || p.name;
  return person === p.name || !p.name ? person : `${person} (${p.name})`;
}

const ES: AgreementWords = {
  title: 'Reconocimiento de deuda y acuerdo de pago fraccionado',
  placeDate: (place, date) => `En ${place}, a ${date}.`,
  together: 'REUNIDOS',
  party: (p) =>
    p.selfActing
      ? `${ownName(p)}, con NIF ${p.taxId} y domicilio en ${p.address}, que actúa en su propio ` +
        `nombre y derecho (en adelante, «${p.role}»).`
      : `${p.name}, con NIF ${p.taxId} y domicilio en ${p.address}, representada en este acto por ` +
        `${p.signatory}${bareCapacity(p.capacity) ? `, en calidad de ${bareCapacity(p.capacity)}` : ''} ` +
        `(en adelante, «${p.role}»).`,
  creditor: 'el ACREEDOR',
  debtor: 'el DEUDOR',
  creditorRole: 'EL ACREEDOR',
  debtorRole: 'EL DEUDOR',
  capacityClause:
    'Ambas partes se reconocen mutuamente la capacidad legal necesaria para otorgar el presente documento y, en su virtud,',
  state: 'EXPONEN',
  statement1: (total) =>
    `I. Que el ACREEDOR ha facturado al DEUDOR los bienes o servicios que se relacionan en la ` +
    `cláusula primera, cuyo importe pendiente de pago asciende a ${total}.`,
  statement2:
    'II. Que el DEUDOR no ha podido atender su pago en los vencimientos pactados y ambas partes ' +
    'desean fijar un calendario de pagos que permita saldar la deuda.',
  agree: 'Y a tal efecto, ACUERDAN las siguientes',
  clauses: 'CLÁUSULAS',
  clauseAcknowledgement: (total) =>
    `El DEUDOR reconoce adeudar al ACREEDOR la cantidad de ${total}, líquida, vencida y ` +
    'exigible, con el siguiente desglose. Este reconocimiento interrumpe la prescripción de la ' +
    'acción de reclamación (artículo 1973 del Código Civil).',
  debtTable: { concept: 'Concepto', date: 'Fecha', amount: 'Importe', total: 'Total reconocido' },
  invoice: (number) => `Factura ${number}`,
  downPayment: (amount, date) =>
    date
      ? `El DEUDOR abona un pago inicial de ${amount} el día ${date}, que se descuenta de la deuda reconocida.`
      : `El DEUDOR abona a la firma un pago inicial de ${amount}, que se descuenta de la deuda reconocida.`,
  schedule: (count, amount, frequency) =>
    `El importe restante, ${amount}, se pagará en ${count} ${count === 1 ? 'plazo' : 'plazos'} ` +
    `${frequency}, en las fechas e importes siguientes:`,
  frequency: { weekly: 'semanales', biweekly: 'quincenales', monthly: 'mensuales' },
  scheduleTable: {
    seq: 'Plazo',
    date: 'Vencimiento',
    principal: 'Principal',
    interest: 'Intereses',
    amount: 'Importe',
    total: 'Total',
  },
  interestNote: (rate, cost) =>
    `Los plazos incluyen intereses al tipo nominal anual del ${rate} (sistema de amortización ` +
    `francés). Coste total de los intereses: ${cost}.`,
  payment: (iban, holder, reference) =>
    `Los pagos se harán por transferencia bancaria a la cuenta ${iban}, de la que es titular ` +
    `${holder}, indicando en el concepto «${reference}» y el número de plazo. El pago se ` +
    'entenderá hecho el día en que el importe se abone en dicha cuenta.',
  qrCaption: 'Escanee el código con la aplicación de su banco para preparar la transferencia.',
  noIban:
    'Los pagos se harán por transferencia bancaria a la cuenta que el ACREEDOR indique por escrito.',
  acceleration: (days) =>
    `Si el DEUDOR no pagara, total o parcialmente, cualquiera de los plazos en los ${days} días ` +
    'naturales siguientes a su vencimiento, el ACREEDOR podrá dar por vencida anticipadamente la ' +
    'totalidad de la deuda pendiente y exigir su pago inmediato, descontando las cantidades ya ' +
    'abonadas, sin necesidad de requerimiento previo.',
  lateInterest:
    'Las cantidades vencidas y no pagadas devengarán, desde su vencimiento, el interés de demora ' +
    'previsto en el artículo 7 de la Ley 3/2004, de 29 de diciembre, por la que se establecen ' +
    'medidas de lucha contra la morosidad en las operaciones comerciales, y darán derecho a la ' +
    'indemnización por costes de cobro de su artículo 8. Si el DEUDOR no actuara como empresario ' +
    'o profesional, se aplicará el interés legal del dinero.',
  costs:
    'Los gastos que ocasione el incumplimiento del DEUDOR, incluidos los de reclamación judicial ' +
    'o extrajudicial, serán de su cuenta en la medida en que la ley lo permita. Cada parte ' +
    'soportará sus propios gastos bancarios.',
  effects:
    'Este acuerdo no extingue ni sustituye las obligaciones de origen, que subsisten en lo no ' +
    'modificado. Mientras el DEUDOR cumpla el calendario, el ACREEDOR no reclamará las facturas ' +
    'incluidas en el plan.',
  dataProtection:
    'Cada parte tratará los datos personales de los firmantes con la única finalidad de gestionar ' +
    'el presente acuerdo, sobre la base de su ejecución (artículo 6.1.b del Reglamento (UE) ' +
    '2016/679, RGPD), y los conservará durante los plazos de prescripción legales. Los ' +
    'interesados pueden ejercer sus derechos de acceso, rectificación, supresión, oposición, ' +
    'limitación y portabilidad ante la otra parte en su domicilio, y reclamar ante la Agencia ' +
    'Española de Protección de Datos (www.aepd.es).',
  jurisdiction: (city) =>
    'Este acuerdo se rige por la legislación española. Para cualquier controversia, las partes ' +
    `se someten a los Juzgados y Tribunales de ${city}, salvo que la ley disponga otro fuero imperativo.`,
  closing:
    'Y en prueba de conformidad, las partes firman el presente documento por duplicado y a un ' +
    'solo efecto en el lugar y la fecha indicados al principio.',
  signedBy: 'Firmado:',
  onBehalfOf: (name) => `en nombre de ${name}`,
  ownName: 'en su propio nombre',
  page: (current, count) => `Página ${current} de ${count}`,
  ordinals: [
    'Primera',
    'Segunda',
    'Tercera',
    'Cuarta',
    'Quinta',
    'Sexta',
    'Séptima',
    'Octava',
    'Novena',
    'Décima',
  ],
  clauseTitles: [
    'Reconocimiento de deuda',
    'Pago inicial',
    'Calendario de pagos',
    'Forma de pago',
    'Vencimiento anticipado',
    'Intereses de demora',
    'Gastos',
    'Efectos del acuerdo',
    'Protección de datos',
    'Legislación y jurisdicción',
  ],
};

const EN: AgreementWords = {
  title: 'Acknowledgement of debt and instalment payment agreement',
  placeDate: (place, date) => `${place}, ${date}.`,
  together: 'PARTIES',
  party: (p) =>
    p.selfActing
      ? `${ownName(p)}, tax ID (NIF) ${p.taxId}, with address at ${p.address}, acting in their ` +
        `own name and on their own behalf (hereinafter, "${p.role}").`
      : `${p.name}, tax ID (NIF) ${p.taxId}, with its address at ${p.address}, represented by ` +
        `${p.signatory}${bareCapacity(p.capacity) ? ` as ${bareCapacity(p.capacity)}` : ''} ` +
        `(hereinafter, "${p.role}").`,
  creditor: 'the CREDITOR',
  debtor: 'the DEBTOR',
  creditorRole: 'THE CREDITOR',
  debtorRole: 'THE DEBTOR',
  capacityClause:
    'Both parties acknowledge each other’s legal capacity to enter into this agreement and accordingly',
  state: 'STATE',
  statement1: (total) =>
    'I. That the CREDITOR has invoiced the DEBTOR for the goods or services listed in clause ' +
    `one, of which ${total} remains unpaid.`,
  statement2:
    'II. That the DEBTOR has been unable to pay on the agreed due dates and both parties wish to ' +
    'set a payment schedule to settle the debt.',
  agree: 'Accordingly, they AGREE the following',
  clauses: 'CLAUSES',
  clauseAcknowledgement: (total) =>
    `The DEBTOR acknowledges owing the CREDITOR the sum of ${total}, liquid, due and payable, ` +
    'broken down as follows. This acknowledgement interrupts the limitation period (article ' +
    '1973 of the Spanish Civil Code).',
  debtTable: { concept: 'Item', date: 'Date', amount: 'Amount', total: 'Total acknowledged' },
  invoice: (number) => `Invoice ${number}`,
  downPayment: (amount, date) =>
    date
      ? `The DEBTOR makes a down payment of ${amount} on ${date}, deducted from the acknowledged debt.`
      : `The DEBTOR makes a down payment of ${amount} on signing, deducted from the acknowledged debt.`,
  schedule: (count, amount, frequency) =>
    `The remaining ${amount} shall be paid in ${count} ${frequency} ` +
    `${count === 1 ? 'instalment' : 'instalments'} on the following dates and amounts:`,
  frequency: { weekly: 'weekly', biweekly: 'fortnightly', monthly: 'monthly' },
  scheduleTable: {
    seq: 'No.',
    date: 'Due date',
    principal: 'Principal',
    interest: 'Interest',
    amount: 'Amount',
    total: 'Total',
  },
  interestNote: (rate, cost) =>
    `The instalments include interest at a nominal annual rate of ${rate} (French amortisation). ` +
    `Total interest cost: ${cost}.`,
  payment: (iban, holder, reference) =>
    `Payments shall be made by bank transfer to account ${iban}, held by ${holder}, quoting ` +
    `"${reference}" and the instalment number. A payment is made on the day the amount is ` +
    'credited to that account.',
  qrCaption: 'Scan the code with your banking app to prepare the transfer.',
  noIban:
    'Payments shall be made by bank transfer to the account the CREDITOR indicates in writing.',
  acceleration: (days) =>
    `Should the DEBTOR fail to pay any instalment, in whole or in part, within ${days} calendar ` +
    'days of its due date, the CREDITOR may declare the whole outstanding debt immediately due ' +
    'and payable (acceleration), less any sums already paid, without prior notice.',
  lateInterest:
    'Sums due and unpaid shall bear, from their due date, the late-payment interest set by ' +
    'article 7 of Spanish Law 3/2004 of 29 December on combating late payment in commercial ' +
    'transactions, and shall entitle the CREDITOR to the recovery-cost compensation of its ' +
    'article 8. Should the DEBTOR not act as a business or professional, the statutory interest ' +
    'rate shall apply instead.',
  costs:
    'Costs arising from the DEBTOR’s default, including those of judicial or out-of-court ' +
    'claims, shall be borne by the DEBTOR to the extent permitted by law. Each party bears its ' +
    'own bank charges.',
  effects:
    'This agreement does not extinguish or replace the original obligations, which remain in ' +
    'force except as amended here. While the DEBTOR keeps to the schedule, the CREDITOR shall ' +
    'not claim the invoices included in the plan.',
  dataProtection:
    'Each party shall process the signatories’ personal data solely to manage this agreement, on ' +
    'the basis of its performance (article 6.1.b of Regulation (EU) 2016/679, GDPR), and keep ' +
    'them for the statutory limitation periods. Data subjects may exercise their rights of ' +
    'access, rectification, erasure, objection, restriction and portability with the other ' +
    'party at its address, and complain to the Spanish Data Protection Agency (www.aepd.es).',
  jurisdiction: (city) =>
    'This agreement is governed by Spanish law. The parties submit any dispute to the courts ' +
    `of ${city}, unless the law imposes another mandatory venue.`,
  closing:
    'In witness whereof, the parties sign this agreement in duplicate, to a single effect, at ' +
    'the place and on the date first written above.',
  signedBy: 'Signed:',
  onBehalfOf: (name) => `on behalf of ${name}`,
  ownName: 'in their own name',
  page: (current, count) => `Page ${current} of ${count}`,
  ordinals: ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'],
  clauseTitles: [
    'Acknowledgement of debt',
    'Down payment',
    'Payment schedule',
    'How to pay',
    'Acceleration',
    'Late-payment interest',
    'Costs',
    'Effect of this agreement',
    'Data protection',
    'Governing law and jurisdiction',
  ],
};

export function agreementWords(language: Language): AgreementWords {
  return language === 'en' ? EN : ES;
}
