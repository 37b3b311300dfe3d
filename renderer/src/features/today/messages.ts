// Hoy following what the user did: promises pending, the ladder's next step, the first-run guide.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'hoy.why.promise_pending': 'Promesa hasta el {date}: esperando el pago',
    'hoy.promiseNote': 'Hay una promesa de pago pendiente hasta el {date}',
    'hoy.nextStep': 'Siguiente paso: {level} a partir del {date}',
  },
  {
    'hoy.why.promise_pending': 'Promise until {date}: waiting for the payment',
    'hoy.promiseNote': 'A promise to pay is pending until {date}',
    'hoy.nextStep': 'Next step: {level} from {date}',
  },
);
