// Recovering the VAT of unpaid invoices (art. 80.Cuatro LIVA): words a non-accountant understands.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'vat.title': 'Recuperar el IVA',
    'vat.listTitle': 'IVA recuperable',
    'vat.listShowMore': 'Ver {count} más',
    'vat.listShowing': 'Se muestran las {shown} más urgentes de {total}.',
    'vat.hint':
      'Si un cliente no te paga, el IVA de esa factura ya lo ingresaste en Hacienda. Puedes recuperarlo, pero solo dentro de un plazo y con papeles: haber reclamado el cobro de forma que quede prueba (burofax con certificación de contenido, requerimiento notarial o monitorio; un e-mail no vale), emitir una factura rectificativa y comunicarlo a la AEAT en un mes. Es una ayuda, no asesoramiento fiscal: confírmalo con tu gestoría.',
    'vat.none': 'Ninguna factura pendiente con IVA.',
    'vat.listNone':
      'Ninguna factura tiene ahora un plazo de recuperación del IVA que se abra, esté abierto o se cierre pronto.',
    'vat.col.invoice': 'Factura',
    'vat.col.client': 'Cliente',
    'vat.col.due': 'Vencimiento',
    'vat.col.atStake': 'IVA en juego',
    'vat.col.from': 'Recuperable desde',
    'vat.col.by': 'Actúa antes del',
    'vat.col.state': 'Estado',
    'vat.state.paid': 'Cobrado',
    'vat.state.excluded': 'No recuperable',
    'vat.state.not_yet': 'Aún no',
    'vat.state.opening_soon': 'Se abre pronto',
    'vat.state.missing_claim': 'Falta reclamación fehaciente',
    'vat.state.open': 'Plazo abierto',
    'vat.state.closing_soon': 'Se cierra pronto',
    'vat.state.lost': 'Plazo perdido',
    'vat.state.rectified': 'Rectificada',
    'vat.exclusion.not_issued': 'La factura no está emitida (borrador o anulada).',
    'vat.exclusion.related_party':
      'El cliente es una parte vinculada: la ley no deja recuperar este IVA.',
    'vat.exclusion.not_established':
      'El cliente no está establecido en España (ni en Canarias, Ceuta o Melilla): no se puede recuperar por esta vía.',
    'vat.exclusion.insolvency':
      'El cliente está en concurso de acreedores desde el {date}: esta deuda se recupera por otra vía (art. 80.Tres LIVA), con plazos propios. Habla con tu gestoría.',
    'vat.exclusion.consumer_small_base':
      'El cliente es un particular y la base de la factura no supera 50 €: no se puede recuperar.',
    'vat.exclusion.secured':
      'Toda la deuda está garantizada o asegurada: esa parte no se recupera por esta vía.',
    'vat.summary': 'IVA que puedes recuperar: {recoverable}. Perdido por plazo: {lost}.',
    'vat.claim.found': 'Reclamación que sirve: {kind} del {date} ({channel}).',
    'vat.claim.missing':
      'Falta una reclamación con prueba: registra en «Vía legal» un burofax con certificación de contenido, un requerimiento notarial o un monitorio.',
    'vat.steps': 'Pasos y plazos',
    'vat.step.claim': 'Reclamar el cobro con prueba (burofax, notario o juzgado)',
    'vat.step.corrective_invoice':
      'Emitir la factura rectificativa (R3, serie propia) en tu programa de facturación y enviarla al cliente con prueba',
    'vat.step.aeat_notice':
      'Comunicarlo a la AEAT en su sede electrónica, con la rectificativa y la prueba de la reclamación',
    'vat.step.upward_correction':
      'Has retirado la reclamación o acordado el cobro: emite una rectificativa que vuelva a subir el IVA',
    'vat.step.by': 'antes del {date}',
    'vat.step.doneOn': 'hecho el {date}',
    'vat.step.state.todo': 'Pendiente',
    'vat.step.state.done': 'Hecho',
    'vat.step.state.late': 'Fuera de plazo',
    'vat.paidAfter':
      'Has cobrado algo después de la rectificativa. Si el cliente es un particular, o si el cobro viene de un acuerdo tras el requerimiento, el IVA cobrado vuelve a deberse: emite una rectificativa al alza en el plazo de un mes.',
    'vat.secured': 'Parte garantizada o asegurada',
    'vat.secured.hint': 'Aval, garantía real o seguro de crédito: esa parte no se recupera.',
    'vat.secured.save': 'Guardar',
    'vat.secured.saved': 'Parte garantizada guardada.',
    'vat.corrective.record': 'Registrar la rectificativa',
    'vat.corrective.number': 'Número de la rectificativa',
    'vat.corrective.date': 'Fecha de la rectificativa',
    'vat.corrective.saved':
      'Rectificativa registrada: tienes hasta el {date} para comunicarlo a la AEAT.',
    'vat.corrective.recorded': 'Rectificativa {number} del {date}: {amount} de IVA.',
    'vat.today.title': 'IVA de facturas impagadas: plazos que vencen',
    'vat.today.opens': 'Factura {number}: el IVA se podrá recuperar desde el {date}',
    'vat.today.closes': 'Factura {number}: emite la rectificativa antes del {date}',
    'vat.today.claim_missing':
      'Factura {number}: falta una reclamación fehaciente (burofax) y el plazo acaba el {date}',
    'vat.today.lost': 'Factura {number}: el plazo para recuperar el IVA acabó el {date}',
    'vat.today.aeat_notice':
      'Factura {number}: comunica la rectificativa a la AEAT antes del {date}',
    'vat.today.open': 'Ver el IVA de la factura {number}',
    'vat.corrective.latestSteps':
      'Las fechas de abajo (comunicación a la AEAT, reclamación retirada) son de la última rectificativa.',
    'vat.corrective.another':
      'Se ha abierto el plazo de otro vencimiento: {amount} de IVA más se recuperan con una nueva rectificativa.',
    'vat.aeat.record': 'Comunicado a la AEAT',
    'vat.withdrawn.record': 'Reclamación retirada o cobro acordado',
    'vat.stepDate': 'Fecha',
    'vat.clear': 'Borrar la última rectificativa',
    'vat.clearConfirm': '¿Borrar la última rectificativa registrada y sus pasos?',
    'vat.r3': 'Datos para la rectificativa',
    'vat.r3.body':
      'Factura rectificativa tipo R3 (art. 80.Cuatro LIVA), de una serie propia de rectificativas. Rectifica la factura {number} del {date}. Base imponible: −{base}. Cuota de IVA: −{vat} ({rate} %). Destinatario: {client} ({taxId}). Motivo: crédito incobrable.',
    'vat.bundle': 'Expediente para la AEAT (PDF)',
    'vat.bundle.saved': 'Expediente guardado.',
    'vat.checklist': 'Antes de presentar',
    'vat.check.book': 'La factura está anotada en tu libro registro de facturas emitidas.',
    'vat.check.claim': 'Tienes la prueba de la reclamación (burofax, acta notarial o monitorio).',
    'vat.check.corrective': 'Has emitido la rectificativa y la has enviado al cliente con prueba.',
    'vat.check.aeat':
      'Presentas la comunicación en la sede electrónica de la AEAT dentro del mes siguiente a la rectificativa.',
    'vat.client.legend': 'Para recuperar el IVA si no paga',
    'vat.client.debtorKind': 'Tipo de cliente',
    'vat.client.business': 'Empresa o profesional',
    'vat.client.consumer': 'Particular (consumidor)',
    'vat.client.related': 'Parte vinculada (socio, familiar, empresa del grupo…)',
    'vat.client.established': 'Establecido en España, Canarias, Ceuta o Melilla',
    'vat.client.insolvency': 'En concurso de acreedores desde',
    'vat.settings.title': 'Recuperar el IVA de facturas impagadas',
    'vat.settings.intro':
      'Hasta 6.010.121,04 € de volumen de operaciones el año pasado puedes elegir esperar 6 meses o un año desde el devengo; por encima, un año.',
    'vat.settings.turnover': 'Volumen de operaciones del año pasado',
    'vat.settings.upTo': 'Hasta 6.010.121,04 €',
    'vat.settings.over': 'Más de 6.010.121,04 €',
    'vat.settings.wait': 'Plazo de espera',
    'vat.settings.six': '6 meses',
    'vat.settings.year': '1 año',
    'vat.settings.saved': 'Guardado.',
    'vat.open': 'Ver',
    'notify.vat_window_opens.title': 'El IVA de la factura {label} se podrá recuperar pronto',
    'notify.vat_window_opens.body':
      '{client} · {amount} de IVA · desde el {date}: ten la reclamación con prueba lista',
    'notify.vat_window_closing.title': 'Última oportunidad para el IVA de la factura {label}',
    'notify.vat_window_closing.body':
      '{client} · {amount} de IVA · emite la rectificativa antes del {date}',
    'notify.vat_window_lost.title': 'Se perdió el plazo del IVA de la factura {label}',
    'notify.vat_window_lost.body':
      '{client} · {amount} de IVA · el plazo terminó el {date}: consulta con tu gestoría',
    'notify.count.vat_window_opens':
      '{count, plural, one {# IVA recuperable} other {# IVA recuperables}} pronto',
    'notify.count.vat_window_closing':
      '{count, plural, one {# plazo de IVA a punto de cerrarse} other {# plazos de IVA a punto de cerrarse}}',
    'notify.count.vat_window_lost':
      '{count, plural, one {# plazo de IVA perdido} other {# plazos de IVA perdidos}}',
  },
  {
    'vat.title': 'Recover the VAT',
    'vat.listTitle': 'Recoverable VAT',
    'vat.listShowMore': 'Show {count} more',
    'vat.listShowing': 'Showing the {shown} most urgent of {total}.',
    'vat.hint':
      'When a client does not pay, you have already paid that invoice’s VAT to the tax office. You can get it back, but only within a window and with paperwork: a claim for payment that leaves proof (burofax with certified content, notarial demand or payment-order claim; an e-mail does not count), a corrective invoice, and a notice to the AEAT within a month. This is help, not tax advice: confirm with your accountant.',
    'vat.none': 'No outstanding invoice with VAT.',
    'vat.listNone': 'No invoice has a VAT recovery window opening, open or closing soon.',
    'vat.col.invoice': 'Invoice',
    'vat.col.client': 'Client',
    'vat.col.due': 'Due date',
    'vat.col.atStake': 'VAT at stake',
    'vat.col.from': 'Recoverable from',
    'vat.col.by': 'Act by',
    'vat.col.state': 'State',
    'vat.state.paid': 'Paid',
    'vat.state.excluded': 'Not recoverable',
    'vat.state.not_yet': 'Not yet',
    'vat.state.opening_soon': 'Opens soon',
    'vat.state.missing_claim': 'Provable claim missing',
    'vat.state.open': 'Window open',
    'vat.state.closing_soon': 'Closes soon',
    'vat.state.lost': 'Window missed',
    'vat.state.rectified': 'Corrected',
    'vat.exclusion.not_issued': 'The invoice is not issued (draft or cancelled).',
    'vat.exclusion.related_party': 'The client is a related party: the law does not allow it.',
    'vat.exclusion.not_established':
      'The client is not established in Spain (nor Canarias, Ceuta or Melilla): not recoverable this way.',
    'vat.exclusion.insolvency':
      'The client is in insolvency proceedings since {date}: this debt is recovered another way (art. 80.Tres LIVA), with its own deadlines. Talk to your accountant.',
    'vat.exclusion.consumer_small_base':
      'The client is a consumer and the invoice’s base is 50 € or less: not recoverable.',
    'vat.exclusion.secured':
      'The whole debt is secured or insured: that part is not recoverable this way.',
    'vat.summary': 'VAT you can recover: {recoverable}. Lost to deadlines: {lost}.',
    'vat.claim.found': 'Qualifying claim: {kind} of {date} ({channel}).',
    'vat.claim.missing':
      'A claim with proof is missing: record under “Legal path” a burofax with certified content, a notarial demand or a payment-order claim.',
    'vat.steps': 'Steps and deadlines',
    'vat.step.claim': 'Claim payment with proof (burofax, notary or court)',
    'vat.step.corrective_invoice':
      'Issue the corrective invoice (R3, own series) in your invoicing program and send it to the client with proof',
    'vat.step.aeat_notice':
      'Notify the AEAT on its e-office, with the corrective invoice and the proof of the claim',
    'vat.step.upward_correction':
      'You withdrew the claim or agreed payment: issue a corrective invoice putting the VAT back up',
    'vat.step.by': 'by {date}',
    'vat.step.doneOn': 'done on {date}',
    'vat.step.state.todo': 'To do',
    'vat.step.state.done': 'Done',
    'vat.step.state.late': 'Late',
    'vat.paidAfter':
      'You received money after the corrective invoice. If the client is a consumer, or the payment comes from an agreement after the demand, the VAT received is owed again: issue an upward corrective invoice within a month.',
    'vat.secured': 'Secured or insured part',
    'vat.secured.hint': 'Guarantee, collateral or credit insurance: that part is not recoverable.',
    'vat.secured.save': 'Save',
    'vat.secured.saved': 'Secured part saved.',
    'vat.corrective.record': 'Record the corrective invoice',
    'vat.corrective.number': 'Corrective invoice number',
    'vat.corrective.date': 'Corrective invoice date',
    'vat.corrective.saved': 'Corrective invoice recorded: notify the AEAT by {date}.',
    'vat.corrective.recorded': 'Corrective invoice {number} of {date}: {amount} of VAT.',
    'vat.today.title': 'VAT of unpaid invoices: deadlines coming up',
    'vat.today.opens': 'Invoice {number}: its VAT can be recovered from {date}',
    'vat.today.closes': 'Invoice {number}: issue the corrective invoice by {date}',
    'vat.today.claim_missing':
      'Invoice {number}: a provable claim (burofax) is missing and the window ends on {date}',
    'vat.today.lost': 'Invoice {number}: the window to recover its VAT ended on {date}',
    'vat.today.aeat_notice':
      'Invoice {number}: notify the AEAT of the corrective invoice by {date}',
    'vat.today.open': 'Open the VAT of invoice {number}',
    'vat.corrective.latestSteps':
      'The dates below (AEAT notice, claim withdrawn) belong to the latest corrective invoice.',
    'vat.corrective.another':
      "Another installment's window has opened: {amount} more VAT is recovered with a new corrective invoice.",
    'vat.aeat.record': 'AEAT notified',
    'vat.withdrawn.record': 'Claim withdrawn or payment agreed',
    'vat.stepDate': 'Date',
    'vat.clear': 'Delete the latest corrective invoice',
    'vat.clearConfirm': 'Delete the latest recorded corrective invoice and its steps?',
    'vat.r3': 'Data for the corrective invoice',
    'vat.r3.body':
      'Corrective invoice type R3 (art. 80.Cuatro LIVA), from its own series. Corrects invoice {number} of {date}. Taxable base: −{base}. VAT: −{vat} ({rate} %). Recipient: {client} ({taxId}). Reason: uncollectable debt.',
    'vat.bundle': 'AEAT bundle (PDF)',
    'vat.bundle.saved': 'Bundle saved.',
    'vat.checklist': 'Before filing',
    'vat.check.book': 'The invoice is in your book of issued invoices.',
    'vat.check.claim': 'You hold the proof of the claim (burofax, notarial record or court claim).',
    'vat.check.corrective':
      'You issued the corrective invoice and sent it to the client with proof.',
    'vat.check.aeat':
      'You file the notice on the AEAT e-office within a month of the corrective invoice.',
    'vat.client.legend': 'To recover the VAT if they do not pay',
    'vat.client.debtorKind': 'Kind of client',
    'vat.client.business': 'Business or professional',
    'vat.client.consumer': 'Private person (consumer)',
    'vat.client.related': 'Related party (partner, relative, group company…)',
    'vat.client.established': 'Established in Spain, Canarias, Ceuta or Melilla',
    'vat.client.insolvency': 'In insolvency proceedings since',
    'vat.settings.title': 'Recovering the VAT of unpaid invoices',
    'vat.settings.intro':
      'Up to 6.010.121,04 € of turnover last year you may choose to wait 6 months or one year from the accrual; above it, one year.',
    'vat.settings.turnover': 'Last year’s turnover',
    'vat.settings.upTo': 'Up to 6.010.121,04 €',
    'vat.settings.over': 'Over 6.010.121,04 €',
    'vat.settings.wait': 'Waiting period',
    'vat.settings.six': '6 months',
    'vat.settings.year': '1 year',
    'vat.settings.saved': 'Saved.',
    'vat.open': 'Open',
    'notify.vat_window_opens.title': 'The VAT of invoice {label} becomes recoverable soon',
    'notify.vat_window_opens.body':
      '{client} · {amount} of VAT · from {date}: have the provable claim ready',
    'notify.vat_window_closing.title': 'Last chance for the VAT of invoice {label}',
    'notify.vat_window_closing.body':
      '{client} · {amount} of VAT · issue the corrective invoice by {date}',
    'notify.vat_window_lost.title': 'The VAT window of invoice {label} was missed',
    'notify.vat_window_lost.body':
      '{client} · {amount} of VAT · the window ended on {date}: ask your accountant',
    'notify.count.vat_window_opens':
      '{count, plural, one {# VAT amount} other {# VAT amounts}} recoverable soon',
    'notify.count.vat_window_closing':
      '{count, plural, one {# VAT window} other {# VAT windows}} about to close',
    'notify.count.vat_window_lost':
      '{count, plural, one {# VAT window} other {# VAT windows}} missed',
  },
);
