// Avisos: the notification texts, the in-app centre and the Ajustes card.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'notify.invoice_due_soon.title':
      'La factura {label} vence en {days, plural, one {# día} other {# días}}',
    'notify.invoice_due_soon.titleOne': 'La factura {label} vence mañana',
    'notify.invoice_due_soon.body': '{client} · {amount} pendiente · vence el {date}',
    'notify.invoice_due_today.title': 'La factura {label} vence hoy',
    'notify.invoice_due_today.body': '{client} · {amount} pendiente',
    'notify.invoice_overdue.title': 'La factura {label} ha vencido',
    'notify.invoice_overdue.body': '{client} · {amount} sin cobrar · venció el {date}',
    'notify.installment_due.title': 'Hoy vence el plazo {label}',
    'notify.installment_due.body': '{client} · {amount} del plan de pagos',
    'notify.installment_missed.title': 'El plazo {label} no se ha pagado',
    'notify.installment_missed.body': '{client} · {amount} · vencía el {date}',
    'notify.promise_due.title': 'Hoy vence una promesa de pago',
    'notify.promise_due.body': '{client} prometió pagar {amount} hoy',
    'notify.promise_broken.title': 'Promesa de pago incumplida',
    'notify.promise_broken.body': '{client} no ha pagado los {amount} que prometió',
    'notify.followup_due.title': 'Tienes un seguimiento pendiente',
    'notify.followup_due.body': '{client}: {text}',
    'notify.digest.away.title': 'Mientras estabas fuera',
    'notify.digest.today.title': 'Avisos de hoy',
    'notify.digest.overdueSentence':
      '{count, plural, one {# factura venció} other {# facturas vencieron}} mientras estabas fuera: {amount}',
    'notify.digest.overdueSentenceOne': '1 factura venció mientras estabas fuera: {amount}',
    'notify.count.invoice_due_soon': '{count} por vencer',
    'notify.count.invoice_due_today': '{count, plural, one {# vence} other {# vencen}} hoy',
    'notify.count.invoice_overdue':
      '{count, plural, one {# factura vencida} other {# facturas vencidas}} ({amount})',
    'notify.count.installment_due':
      '{count, plural, one {# plazo vence} other {# plazos vencen}} hoy',
    'notify.count.installment_missed': '{count, plural, one {# plazo} other {# plazos}} sin pagar',
    'notify.count.promise_due': '{count, plural, one {# promesa} other {# promesas}} para hoy',
    'notify.count.promise_broken':
      '{count, plural, one {# promesa incumplida} other {# promesas incumplidas}}',
    'notify.count.followup_due':
      '{count, plural, one {# seguimiento pendiente} other {# seguimientos pendientes}}',
    'notify.tray.tooltip':
      'Cuentas Claras · {count, plural, one {# factura vencida} other {# facturas vencidas}} ({amount})',
    'notify.tray.tooltipNone': 'Cuentas Claras · nada vencido',
    'notify.tray.open': 'Abrir Cuentas Claras',
    'notify.tray.checkNow': 'Comprobar ahora',
    'notify.tray.quit': 'Salir',
    'notify.centre.button': 'Avisos',
    'notify.centre.unread': '{count} sin leer',
    'notify.centre.title': 'Avisos',
    'notify.centre.markAll': 'Marcar todos como leídos',
    'notify.centre.empty': 'Todavía no hay avisos',
    'notify.centre.emptyBody':
      'Aquí verás las facturas que vencen, los plazos y las promesas de pago. Actívalos en Ajustes → Avisos.',
    'notify.centre.openSettings': 'Ir a Ajustes',
    'notify.centre.off':
      'Los avisos están desactivados. Actívalos en Ajustes para que la aplicación te avise.',
    'notify.centre.new': 'Nuevo',
    'notify.centre.last':
      '{count, plural, one {Se muestra el último aviso.} other {Se muestran los últimos # avisos.}}',
    'notify.settings.title': 'Avisos',
    'notify.settings.intro':
      'La aplicación te avisa cuando una factura está a punto de vencer, vence o queda sin cobrar, y de los plazos, promesas y seguimientos.',
    'notify.settings.enabled': 'Activar avisos',
    'notify.settings.denied':
      'El navegador no permite avisos para esta página. Permítelos en la configuración del navegador; mientras tanto verás los avisos en la campana.',
    'notify.settings.unsupported':
      'Este navegador no muestra avisos del sistema; los verás en la campana.',
    'notify.settings.daysBefore': 'Avisar antes del vencimiento (días)',
    'notify.settings.quiet': 'No molestar por la noche',
    'notify.settings.quietFrom': 'Desde',
    'notify.settings.quietTo': 'Hasta',
    'notify.settings.quietHint': 'Los avisos de esas horas se muestran después, no se pierden.',
    'notify.settings.kinds': 'Qué avisar',
    'notify.settings.kind.dueSoon': 'Facturas a punto de vencer',
    'notify.settings.kind.dueToday': 'Facturas que vencen hoy',
    'notify.settings.kind.overdue': 'Facturas vencidas',
    'notify.settings.kind.installments': 'Plazos de planes de pago',
    'notify.settings.kind.promises': 'Promesas de pago',
    'notify.settings.kind.followUps': 'Seguimientos',
    'notify.settings.desktop': 'Con la aplicación de escritorio',
    'notify.settings.desktopOnly':
      'Solo en la aplicación de escritorio; en el navegador no se aplican.',
    'notify.settings.dailyHour': 'Hora de la comprobación diaria',
    'notify.settings.keepInTray': 'Seguir en la bandeja del sistema al cerrar la ventana',
    'notify.settings.startAtLogin': 'Abrir al iniciar sesión (en segundo plano)',
    'notify.settings.save': 'Guardar avisos',
    'notify.settings.saved': 'Ajustes de avisos guardados',
    'notify.settings.checkNow': 'Comprobar ahora',
    'notify.settings.checked':
      'Comprobado: {count, plural, one {# aviso nuevo} other {# avisos nuevos}}',
    'notify.settings.checkedNone':
      'Comprobado: nada nuevo desde la última comprobación (lo ya avisado está en Avisos).',
  },
  {
    'notify.invoice_due_soon.title':
      'Invoice {label} is due in {days, plural, one {# day} other {# days}}',
    'notify.invoice_due_soon.titleOne': 'Invoice {label} is due tomorrow',
    'notify.invoice_due_soon.body': '{client} · {amount} outstanding · due {date}',
    'notify.invoice_due_today.title': 'Invoice {label} is due today',
    'notify.invoice_due_today.body': '{client} · {amount} outstanding',
    'notify.invoice_overdue.title': 'Invoice {label} is overdue',
    'notify.invoice_overdue.body': '{client} · {amount} unpaid · was due {date}',
    'notify.installment_due.title': 'Installment {label} is due today',
    'notify.installment_due.body': '{client} · {amount} of the payment plan',
    'notify.installment_missed.title': 'Installment {label} has not been paid',
    'notify.installment_missed.body': '{client} · {amount} · was due {date}',
    'notify.promise_due.title': 'A promise to pay is due today',
    'notify.promise_due.body': '{client} promised to pay {amount} today',
    'notify.promise_broken.title': 'Broken promise to pay',
    'notify.promise_broken.body': '{client} has not paid the {amount} they promised',
    'notify.followup_due.title': 'You have a follow-up to do',
    'notify.followup_due.body': '{client}: {text}',
    'notify.digest.away.title': 'While you were away',
    'notify.digest.today.title': "Today's notifications",
    'notify.digest.overdueSentence':
      '{count, plural, one {# invoice} other {# invoices}} fell due while you were away: {amount}',
    'notify.digest.overdueSentenceOne': '1 invoice fell due while you were away: {amount}',
    'notify.count.invoice_due_soon': '{count} due soon',
    'notify.count.invoice_due_today': '{count} due today',
    'notify.count.invoice_overdue':
      '{count, plural, one {# overdue invoice} other {# overdue invoices}} ({amount})',
    'notify.count.installment_due':
      '{count, plural, one {# installment} other {# installments}} due today',
    'notify.count.installment_missed':
      '{count, plural, one {# unpaid installment} other {# unpaid installments}}',
    'notify.count.promise_due': '{count, plural, one {# promise} other {# promises}} due today',
    'notify.count.promise_broken':
      '{count, plural, one {# broken promise} other {# broken promises}}',
    'notify.count.followup_due': '{count, plural, one {# follow-up} other {# follow-ups}} to do',
    'notify.tray.tooltip':
      'Cuentas Claras · {count, plural, one {# overdue invoice} other {# overdue invoices}} ({amount})',
    'notify.tray.tooltipNone': 'Cuentas Claras · nothing overdue',
    'notify.tray.open': 'Open Cuentas Claras',
    'notify.tray.checkNow': 'Check now',
    'notify.tray.quit': 'Quit',
    'notify.centre.button': 'Notifications',
    'notify.centre.unread': '{count} unread',
    'notify.centre.title': 'Notifications',
    'notify.centre.markAll': 'Mark all as read',
    'notify.centre.empty': 'No notifications yet',
    'notify.centre.emptyBody':
      'Invoices falling due, installments and promises to pay will show here. Turn them on in Settings → Notifications.',
    'notify.centre.openSettings': 'Go to Settings',
    'notify.centre.off': 'Notifications are off. Turn them on in Settings so the app can tell you.',
    'notify.centre.new': 'New',
    'notify.centre.last':
      '{count, plural, one {Showing the last notification.} other {Showing the last # notifications.}}',
    'notify.settings.title': 'Notifications',
    'notify.settings.intro':
      'The app tells you when an invoice is about to fall due, falls due or stays unpaid, and about installments, promises and follow-ups.',
    'notify.settings.enabled': 'Turn notifications on',
    'notify.settings.denied':
      'The browser does not allow notifications for this page. Allow them in the browser settings; meanwhile you will see them under the bell.',
    'notify.settings.unsupported':
      'This browser does not show system notifications; you will see them under the bell.',
    'notify.settings.daysBefore': 'Warn before the due date (days)',
    'notify.settings.quiet': 'Do not disturb at night',
    'notify.settings.quietFrom': 'From',
    'notify.settings.quietTo': 'To',
    'notify.settings.quietHint':
      'Notifications during those hours are shown afterwards, never lost.',
    'notify.settings.kinds': 'What to notify',
    'notify.settings.kind.dueSoon': 'Invoices about to fall due',
    'notify.settings.kind.dueToday': 'Invoices due today',
    'notify.settings.kind.overdue': 'Overdue invoices',
    'notify.settings.kind.installments': 'Payment plan installments',
    'notify.settings.kind.promises': 'Promises to pay',
    'notify.settings.kind.followUps': 'Follow-ups',
    'notify.settings.desktop': 'With the desktop app',
    'notify.settings.desktopOnly': 'Desktop app only; they do not apply in the browser.',
    'notify.settings.dailyHour': 'Time of the daily check',
    'notify.settings.keepInTray': 'Keep running in the system tray when the window closes',
    'notify.settings.startAtLogin': 'Open at login (in the background)',
    'notify.settings.save': 'Save notifications',
    'notify.settings.saved': 'Notification settings saved',
    'notify.settings.checkNow': 'Check now',
    'notify.settings.checked':
      'Checked: {count, plural, one {# new notification} other {# new notifications}}',
    'notify.settings.checkedNone':
      'Checked: nothing new since the last check (what was already notified is in Notifications).',
  },
);
