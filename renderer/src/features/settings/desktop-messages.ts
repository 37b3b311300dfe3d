// Messages for the desktop app's own behaviour: backup files opened from the OS and starting at login.
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'desktop.openedBackup.file': 'Fichero: {name}',
    'desktop.openedBackup.too_large':
      'No se ha abierto {name}: ocupa más de 200 MB, el máximo para una copia de seguridad.',
    'desktop.openedBackup.not_backup':
      '{name} no es una copia de seguridad de Cuentas Claras. No se ha cambiado nada.',
    'desktop.openedBackup.unreadable':
      'No se ha podido leer {name}. Comprueba que el fichero sigue en su sitio y vuelve a abrirlo.',
    'desktop.login.win32':
      'En Windows se abre al iniciar sesión sin mostrar la ventana: el icono queda junto al reloj.',
    'desktop.login.darwin':
      'En macOS se añade a los «Ítems de inicio de sesión» y se abre sin mostrar la ventana. macOS puede pedirte permiso en Ajustes del Sistema → General.',
    'desktop.login.linux':
      'En Linux se crea un inicio automático (~/.config/autostart) que abre la aplicación sin mostrar la ventana. Si tu escritorio no muestra iconos en la bandeja, ábrela desde el menú de aplicaciones.',
  },
  {
    'desktop.openedBackup.file': 'File: {name}',
    'desktop.openedBackup.too_large':
      '{name} was not opened: it is larger than 200 MB, the most a backup may be.',
    'desktop.openedBackup.not_backup':
      '{name} is not a Cuentas Claras backup. Nothing has changed.',
    'desktop.openedBackup.unreadable':
      '{name} could not be read. Check that the file is still there and open it again.',
    'desktop.login.win32':
      'On Windows it opens at sign-in without showing its window: its icon waits by the clock.',
    'desktop.login.darwin':
      'On macOS it is added to your Login Items and opens without showing its window. macOS may ask you to allow it in System Settings → General.',
    'desktop.login.linux':
      'On Linux an autostart entry (~/.config/autostart) opens the app without showing its window. If your desktop shows no tray icons, open it from the applications menu.',
  },
);
