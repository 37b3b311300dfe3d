// The legal path's messages: prescription, MASC, demands and acknowledgments, SEPA direct debits.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'hoy.why.prescription_warning': 'La deuda prescribe el {date}: envía un requerimiento',
    'notify.prescription_warning.title': 'La factura {label} prescribe pronto',
    'notify.prescription_warning.body': '{client} · {amount} · se puede reclamar hasta el {date}',
    'notify.count.prescription_warning':
      '{count, plural, one {# deuda a punto de prescribir} other {# deudas a punto de prescribir}}',
    'legal.title': 'Vía legal',
    'legal.hint':
      'Cada requerimiento formal, reconocimiento de deuda o monitorio vuelve a empezar el plazo de 5 años para reclamar (arts. 1964 y 1973 del Código Civil). Es una ayuda, no asesoramiento legal.',
    'legal.prescription.none': 'No hay facturas pendientes con vencimiento.',
    'legal.prescription.invoice': 'Factura',
    'legal.prescription.from': 'Cuenta desde',
    'legal.prescription.deadline': 'Se puede reclamar hasta',
    'legal.prescription.state': 'Estado',
    'legal.state.running': 'En plazo',
    'legal.state.warning': 'Prescribe pronto',
    'legal.state.expired': 'Prescrita',
    'legal.events.empty':
      'Aún no hay pasos registrados. Registra aquí el intento de acuerdo (MASC), los requerimientos enviados y los reconocimientos de deuda.',
    'legal.record': 'Registrar paso',
    'legal.delete': 'Borrar',
    'legal.deleteConfirm':
      '¿Borrar este paso de la vía legal? El plazo de prescripción se recalculará.',
    'legal.kind': 'Tipo de paso',
    'legal.kind.masc_attempt': 'Intento de acuerdo (MASC)',
    'legal.kind.demand': 'Requerimiento de pago',
    'legal.kind.acknowledgment': 'Reconocimiento de deuda',
    'legal.kind.monitorio': 'Demanda de monitorio',
    'legal.date': 'Fecha',
    'legal.channel': 'Canal (burofax, correo certificado, mediación…)',
    'legal.answer': 'Respuesta del cliente',
    'legal.note': 'Nota',
    'legal.invoices': 'Facturas a las que afecta (ninguna marcada: todas)',
    'legal.saved': 'Paso registrado.',
    'legal.timeline': '{kind} · {channel}',
    'legal.prescription.amount': 'Pendiente',
    'legal.steps': 'Pasos registrados',
    'legal.claim.title': 'Lo que se reclama hoy',
    'legal.claim.empty': 'Nada vencido que reclamar hoy.',
    'legal.claim.due': 'Vencimiento',
    'legal.claim.days': 'Días',
    'legal.claim.interest': 'Intereses',
    'legal.claim.dueLine': '{principal} del {from} al {to} al {rate} %',
    'legal.claim.totals': 'Principal + intereses + 40 € por factura',
    'legal.claim.totalsValue': '{principal} + {interest} + {compensation} = {total}',
    'legal.demand.button': 'Requerimiento para burofax (PDF)',
    'legal.demand.file': 'requerimiento',
    'legal.demand.subject': 'Requerimiento fehaciente de pago',
    'legal.demand.intro.ley3_2004':
      'Por medio de la presente le requerimos formalmente el pago de {total}, importe de los vencimientos impagados que se detallan, con los intereses de demora y la indemnización de 40 € por factura que establece la Ley 3/2004, de 29 de diciembre (arts. 7 y 8), al tipo legal de cada periodo que figura en el detalle.',
    'legal.demand.intro.contract':
      'Por medio de la presente le requerimos formalmente el pago de {total}, importe de los vencimientos impagados que se detallan, con los intereses de demora al tipo pactado en el contrato, calculados periodo a periodo en el detalle.',
    'legal.demand.intro.civil_code':
      'Por medio de la presente le requerimos formalmente el pago de {total}, importe de los vencimientos impagados que se detallan. Desde este requerimiento la cantidad adeudada devenga el interés legal del dinero (hoy el {rate} % anual) como indemnización por la mora (arts. 1100 y 1108 del Código Civil); si ya le fue requerido antes, el detalle recoge los intereses desde entonces.',
    'legal.demand.deadline':
      'Le concedemos un plazo de {days, plural, one {# día} other {# días}}, hasta el {deadline}, para pagar por transferencia a la cuenta {iban}.',
    'legal.demand.next':
      'Si en ese plazo no recibimos el pago ni una propuesta de acuerdo, iniciaremos las acciones judiciales que correspondan, incluido el procedimiento monitorio, con los intereses y costas que procedan.',
    'legal.demand.interrupts':
      'Este requerimiento interrumpe la prescripción de las deudas reclamadas (art. 1973 del Código Civil).',
    'legal.demand.interruptsLive':
      'Este requerimiento interrumpe la prescripción de las deudas reclamadas que no han prescrito (art. 1973 del Código Civil); las marcadas como prescritas se reclaman sin intereses ni indemnización.',
    'legal.claim.prescribed': 'Prescritas: fuera de la reclamación',
    'legal.claim.part': '{number} · vencimiento {index} de {count}',
    'legal.claim.prescribedHint':
      'Han pasado más de 5 años sin un requerimiento, reconocimiento o intento de acuerdo que interrumpiera la prescripción (arts. 1964.2 y 1973 CC). El deudor puede oponerse por ello. Solo si decides reclamarlas igualmente, márcalas: irán sin intereses ni los 40 €.',
    'legal.claim.prescribedItem':
      'Incluir {number} ({amount}, vencida el {date}) sin intereses ni 40 €',
    'legal.claim.law.civil_code':
      'Cliente particular (consumidor): no se aplica la Ley 3/2004 ni los 40 €; interés legal del dinero desde el primer requerimiento.',
    'legal.claim.totals.civil_code': 'Principal + interés legal',
    'legal.bundle.button': 'Dossier para monitorio (PDF)',
    'legal.bundle.originals': 'Guardar también los originales',
    'legal.bundle.originalsHint':
      'Se guardan uno a uno, junto al dossier: el PDF de cada plan firmado y un índice en JSON con sus huellas. No se crea un .zip.',
    'legal.bundle.saved': '{count, plural, one {Guardado # fichero} other {Guardados # ficheros}}.',
    'legal.pdf.saved':
      'Requerimiento guardado. Envíalo por burofax con certificación de contenido.',
    'legal.pdf.busy': 'Preparando…',
    'legal.pdf.failed': 'No se pudo preparar el documento. Inténtalo otra vez.',
    'sepa.mandates': 'Mandatos de domiciliación SEPA',
    'sepa.mandate.add': 'Añadir mandato',
    'sepa.mandate.empty':
      'Sin mandatos. Con un mandato firmado puedes cobrar los plazos de un plan por recibo domiciliado.',
    'sepa.mandate.reference': 'Referencia del mandato',
    'sepa.mandate.signatureDate': 'Fecha de firma',
    'sepa.mandate.debtorName': 'Titular de la cuenta',
    'sepa.mandate.debtorIban': 'IBAN del cliente',
    'sepa.mandate.status': 'Estado',
    'sepa.mandate.status.active': 'Activo',
    'sepa.mandate.status.revoked': 'Revocado',
    'sepa.mandate.revoke': 'Revocar',
    'sepa.mandate.revokeConfirm':
      '¿Revocar el mandato {reference}? No se podrán cobrar más recibos con él.',
    'sepa.mandate.save': 'Guardar mandato',
    'sepa.mandate.saved': 'Mandato guardado.',
    'sepa.creditor.code': 'Sufijo SEPA (código de negocio)',
    'sepa.creditor.codeInvalid': 'Son 3 letras o cifras; si tu banco no te dio uno, deja 000.',
    'sepa.creditor.id': 'Identificador de acreedor: {id}',
    'sepa.creditor.needsTaxId': 'Escribe el NIF para calcular tu identificador de acreedor SEPA.',
    'sepa.creditor.taxIdInvalid':
      'El NIF no es válido: corrígelo para calcular tu identificador de acreedor SEPA.',
    'sepa.export.title': 'Recibos domiciliados (SEPA)',
    'sepa.export.hint':
      'Genera el fichero pain.008 (Cuaderno 19.14) con los plazos que vencen entre estas fechas, de los planes cuyo cliente tiene un mandato activo. Súbelo a la banca online de tu banco.',
    'sepa.export.from': 'Desde',
    'sepa.export.to': 'Hasta',
    'sepa.export.button': 'Descargar fichero de recibos',
    'sepa.export.saved':
      'Fichero guardado: {count, plural, one {# recibo} other {# recibos}} por {amount}.',
    'sepa.export.none': 'No hay plazos pendientes entre esas fechas en planes con mandato activo.',
    'sepa.export.skipped':
      '{count, plural, one {# plan con plazos en esas fechas no tiene} other {# planes con plazos en esas fechas no tienen}} mandato activo.',
    'sepa.export.noCreditor':
      'Falta el NIF o el IBAN de tu empresa: complétalos en Ajustes → Tu empresa.',
    'sepa.export.failed': 'No se pudo generar el fichero: {reason}',
    'sepa.export.moved':
      '{count, plural, one {# recibo tenía fecha anterior al {date}, la primera fecha de cobro válida para un fichero hecho hoy: se cobrará} other {# recibos tenían fecha anterior al {date}, la primera fecha de cobro válida para un fichero hecho hoy: se cobrarán}} el {date}.',
    'sepa.export.presented':
      '{count, plural, one {# recibo de esas fechas ya se presentó} other {# recibos de esas fechas ya se presentaron}} al banco ({file}, el {date}) y no se incluyen otra vez.',
    'sepa.export.returnedWaiting':
      '{count, plural, one {# recibo devuelto no se incluye} other {# recibos devueltos no se incluyen}} hasta que elijas «Presentar de nuevo» en Hoy.',
    'sepa.export.noSchema':
      'El fichero sigue el esquema pain.008.001.02; la validación contra el XSD oficial no está disponible sin conexión.',
    'legal.term.over60':
      'Ojo: entre empresas la ley no permite pactar más de 60 días de plazo de pago (Ley 3/2004). Un plazo mayor puede declararse nulo.',
    'hoy.why.debit_returned':
      'Recibo devuelto por el banco el {date}: el plazo vuelve a estar pendiente',
    'hoy.represent': 'Presentar de nuevo',
    'hoy.represent.requested': 'Irá en la próxima remesa (Planes → Recibos domiciliados)',
    'hoy.represent.done':
      'El recibo se incluirá en el próximo fichero de recibos (Planes → Recibos domiciliados).',
    'sepa.returned.found':
      'Recibos devueltos: {reversed, plural, one {# explicado} other {# explicados}} (cobro anulado o recibo marcado devuelto); {unexplained} sin cobro que anular: resuélvelos en «Devoluciones por resolver», más abajo.',
    'sepa.returned.explained':
      'Recibos devueltos: {reversed, plural, one {# explicado} other {# explicados}} (cobro anulado o recibo marcado devuelto).',
    'legal.settings.warningMonths': 'Avisar de la prescripción con (meses de antelación)',
    'legal.interrupts': 'reinicia la prescripción',
    'legal.demand.senderMissing':
      'Un requerimiento lleva tus datos como remitente y la cuenta donde pagar. Falta: {fields}.',
    'legal.demand.completeProfile': 'Completar los datos de tu empresa',
    'legal.sender.name': 'nombre o razón social',
    'legal.sender.taxId': 'NIF',
    'legal.sender.address': 'dirección y población',
    'legal.sender.iban': 'IBAN',
  },
  {
    'hoy.why.prescription_warning': 'The debt prescribes on {date}: send a formal demand',
    'notify.prescription_warning.title': 'Invoice {label} prescribes soon',
    'notify.prescription_warning.body': '{client} · {amount} · can be claimed until {date}',
    'notify.count.prescription_warning':
      '{count, plural, one {# debt about to prescribe} other {# debts about to prescribe}}',
    'legal.title': 'Legal path',
    'legal.hint':
      'Each formal demand, acknowledgment of debt or payment-order claim restarts the 5-year period to claim (arts. 1964 and 1973 of the Spanish Civil Code). This is help, not legal advice.',
    'legal.prescription.none': 'No outstanding invoices with a due date.',
    'legal.prescription.invoice': 'Invoice',
    'legal.prescription.from': 'Counted from',
    'legal.prescription.deadline': 'Can be claimed until',
    'legal.prescription.state': 'State',
    'legal.state.running': 'In time',
    'legal.state.warning': 'Prescribes soon',
    'legal.state.expired': 'Prescribed',
    'legal.events.empty':
      'No steps recorded yet. Record here the out-of-court attempt (MASC), the demands sent and the acknowledgments of debt.',
    'legal.record': 'Record a step',
    'legal.delete': 'Delete',
    'legal.deleteConfirm':
      'Delete this step of the legal path? The prescription period will be recalculated.',
    'legal.kind': 'Kind of step',
    'legal.kind.masc_attempt': 'Out-of-court attempt (MASC)',
    'legal.kind.demand': 'Formal demand for payment',
    'legal.kind.acknowledgment': 'Acknowledgment of debt',
    'legal.kind.monitorio': 'Payment-order claim (monitorio)',
    'legal.date': 'Date',
    'legal.channel': 'Channel (burofax, certified mail, mediation…)',
    'legal.answer': "Client's answer",
    'legal.note': 'Note',
    'legal.invoices': 'Invoices it concerns (none ticked: all)',
    'legal.saved': 'Step recorded.',
    'legal.timeline': '{kind} · {channel}',
    'legal.prescription.amount': 'Outstanding',
    'legal.steps': 'Recorded steps',
    'legal.claim.title': 'What is claimed today',
    'legal.claim.empty': 'Nothing overdue to claim today.',
    'legal.claim.due': 'Due date',
    'legal.claim.days': 'Days',
    'legal.claim.interest': 'Interest',
    'legal.claim.dueLine': '{principal} from {from} to {to} at {rate} %',
    'legal.claim.totals': 'Principal + interest + 40 € per invoice',
    'legal.claim.totalsValue': '{principal} + {interest} + {compensation} = {total}',
    'legal.demand.button': 'Formal demand for burofax (PDF)',
    'legal.demand.file': 'formal-demand',
    'legal.demand.subject': 'Formal demand for payment',
    'legal.demand.intro.ley3_2004':
      'We hereby formally demand payment of {total}, the amount of the unpaid dues listed below, with the late-payment interest and the 40 € compensation per invoice set by Spanish Law 3/2004 (arts. 7 and 8), at the statutory rate of each period shown in the detail.',
    'legal.demand.intro.contract':
      'We hereby formally demand payment of {total}, the amount of the unpaid dues listed below, with late-payment interest at the rate agreed in the contract, computed period by period in the detail.',
    'legal.demand.intro.civil_code':
      'We hereby formally demand payment of {total}, the amount of the unpaid dues listed below. From this demand the amount owed bears the statutory interest rate (currently {rate} % a year) as compensation for the delay (arts. 1100 and 1108 of the Spanish Civil Code); if you were already asked to pay, the detail includes the interest since then.',
    'legal.demand.deadline':
      'We give you {days, plural, one {# day} other {# days}}, until {deadline}, to pay by bank transfer to account {iban}.',
    'legal.demand.next':
      'If we receive neither the payment nor a proposal within that time, we will start the legal actions that apply, including the payment-order procedure (monitorio), with the interest and costs that apply.',
    'legal.demand.interrupts':
      'This demand interrupts the limitation period of the debts claimed (art. 1973 of the Spanish Civil Code).',
    'legal.demand.interruptsLive':
      'This demand interrupts the limitation period of the debts claimed that are not time-barred (art. 1973 of the Spanish Civil Code); those marked as time-barred are claimed without interest or compensation.',
    'legal.claim.prescribed': 'Time-barred: left out of the claim',
    'legal.claim.part': '{number} · due {index} of {count}',
    'legal.claim.prescribedHint':
      'More than 5 years have passed without a demand, acknowledgment or settlement attempt that interrupted the limitation period (arts. 1964.2 and 1973 Civil Code). The debtor may object on that ground. Tick them only if you decide to claim them anyway: without interest or the 40 €.',
    'legal.claim.prescribedItem':
      'Include {number} ({amount}, due {date}) without interest or 40 €',
    'legal.claim.law.civil_code':
      'Private client (consumer): no Law 3/2004 and no 40 €; statutory interest from the first demand.',
    'legal.claim.totals.civil_code': 'Principal + statutory interest',
    'legal.bundle.button': 'Bundle for a payment-order claim (PDF)',
    'legal.bundle.originals': 'Also save the originals',
    'legal.bundle.originalsHint':
      'Saved one by one next to the bundle: the PDF of each signed plan and a JSON index with their fingerprints. No .zip is made.',
    'legal.bundle.saved': '{count, plural, one {# file} other {# files}} saved.',
    'legal.pdf.saved': 'Formal demand saved. Send it by burofax with content certification.',
    'legal.pdf.busy': 'Preparing…',
    'legal.pdf.failed': 'The document could not be prepared. Please try again.',
    'sepa.mandates': 'SEPA direct debit mandates',
    'sepa.mandate.add': 'Add a mandate',
    'sepa.mandate.empty':
      'No mandates. With a signed mandate you can collect the installments of a plan by direct debit.',
    'sepa.mandate.reference': 'Mandate reference',
    'sepa.mandate.signatureDate': 'Signature date',
    'sepa.mandate.debtorName': 'Account holder',
    'sepa.mandate.debtorIban': "Client's IBAN",
    'sepa.mandate.status': 'Status',
    'sepa.mandate.status.active': 'Active',
    'sepa.mandate.status.revoked': 'Revoked',
    'sepa.mandate.revoke': 'Revoke',
    'sepa.mandate.revokeConfirm':
      'Revoke mandate {reference}? No more debits can be collected with it.',
    'sepa.mandate.save': 'Save mandate',
    'sepa.mandate.saved': 'Mandate saved.',
    'sepa.creditor.code': 'SEPA business code (suffix)',
    'sepa.creditor.codeInvalid': '3 letters or digits; if your bank gave you none, leave 000.',
    'sepa.creditor.id': 'Creditor identifier: {id}',
    'sepa.creditor.needsTaxId': 'Enter the tax id to work out your SEPA creditor identifier.',
    'sepa.creditor.taxIdInvalid':
      'That tax id is not valid: correct it to work out your SEPA creditor identifier.',
    'sepa.export.title': 'Direct debits (SEPA)',
    'sepa.export.hint':
      'Makes the pain.008 file (Cuaderno 19.14) with the installments falling due between these dates, for plans whose client has an active mandate. Upload it to your online banking.',
    'sepa.export.from': 'From',
    'sepa.export.to': 'To',
    'sepa.export.button': 'Download the direct debit file',
    'sepa.export.saved':
      'File saved: {count, plural, one {# debit} other {# debits}} for {amount}.',
    'sepa.export.none':
      'No unpaid installments between those dates in plans with an active mandate.',
    'sepa.export.skipped':
      '{count, plural, one {# plan with installments in those dates has} other {# plans with installments in those dates have}} no active mandate.',
    'sepa.export.noCreditor':
      "Your company's tax id or IBAN is missing: fill them in under Settings → Your company.",
    'sepa.export.failed': 'The file could not be made: {reason}',
    'sepa.export.moved':
      '{count, plural, one {# debit was} other {# debits were}} dated before {date}, the earliest valid collection date for a file made today: collected on {date} instead.',
    'sepa.export.presented':
      '{count, plural, one {# debit in those dates was} other {# debits in those dates were}} already sent to the bank ({file}, on {date}) and {count, plural, one {is} other {are}} not included again.',
    'sepa.export.returnedWaiting':
      '{count, plural, one {# returned debit is} other {# returned debits are}} left out until you choose “Present again” in Today.',
    'sepa.export.noSchema':
      'The file follows the pain.008.001.02 schema; checking against the official XSD is not available offline.',
    'legal.term.over60':
      'Careful: between businesses the law does not allow agreeing more than 60 days to pay (Spanish Law 3/2004). A longer term may be declared void.',
    'hoy.why.debit_returned':
      'Direct debit returned by the bank on {date}: the installment is unpaid again',
    'hoy.represent': 'Present again',
    'hoy.represent.requested': 'Goes in the next file (Plans → Direct debits)',
    'hoy.represent.done':
      'The receipt will be in the next direct debit file (Plans → Direct debits).',
    'sepa.returned.found':
      'Returned debits: {reversed} explained (payment taken back or receipt marked returned); {unexplained} with no payment to take back: resolve them in “Returns to resolve” below.',
    'sepa.returned.explained':
      'Returned debits: {reversed} explained (payment taken back or receipt marked returned).',
    'legal.settings.warningMonths': 'Warn before a debt prescribes (months ahead)',
    'legal.interrupts': 'restarts prescription',
    'legal.demand.senderMissing':
      'A formal demand carries your details as sender and the account to pay into. Missing: {fields}.',
    'legal.demand.completeProfile': 'Complete your business details',
    'legal.sender.name': 'name',
    'legal.sender.taxId': 'tax ID (NIF)',
    'legal.sender.address': 'address and town',
    'legal.sender.iban': 'IBAN',
  },
);
