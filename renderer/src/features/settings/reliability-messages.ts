// Messages for storage, write failures, the error screen and the error log (issue 8: reliability).
import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'reliability.write.quota':
      'No queda espacio para guardar. No se ha guardado nada de este cambio y lo que has escrito sigue aquí: libera espacio en el disco y vuelve a pulsar Guardar.',
    'reliability.write.readonly':
      'No se puede escribir en la base de datos (¿modo privado o carpeta de solo lectura?). No se ha guardado nada de este cambio.',
    'reliability.write.blocked':
      'Otra ventana de Cuentas Claras está usando una versión anterior de los datos. Ciérrala y vuelve a pulsar Guardar; no se ha guardado nada de este cambio.',
    'reliability.write.closed':
      'La base de datos se ha cerrado mientras guardabas. No se ha guardado nada de este cambio: recarga la ventana y vuelve a intentarlo.',
    'reliability.write.aborted':
      'El guardado se interrumpió y no se ha guardado nada de este cambio. Vuelve a pulsar Guardar.',
    'reliability.boundary.title': 'Esta pantalla ha fallado',
    'reliability.boundary.body':
      'Algo ha ido mal al mostrarla. Tus datos están a salvo: lo guardado antes del fallo sigue guardado. Puedes volver a intentarlo o ir a otra pantalla.',
    'reliability.boundary.retry': 'Volver a intentarlo',
    'reliability.boundary.copy': 'Copiar detalles',
    'reliability.boundary.copied': 'Detalles copiados. Pégalos donde quieras pedir ayuda.',
    'reliability.boundary.copyFailed':
      'No se pudieron copiar. Selecciona el texto de abajo y cópialo a mano.',
    'reliability.boundary.details': 'Detalles técnicos',
    'reliability.storage': 'Espacio de almacenamiento',
    'reliability.storage.intro':
      'Tus datos se guardan en este equipo. Aquí ves cuánto ocupan y cuánto espacio queda.',
    'reliability.storage.usage': 'Ocupado: {usage} de {quota} disponibles ({percent} %)',
    'reliability.storage.unknown': 'Este navegador no dice cuánto espacio hay.',
    'reliability.storage.persisted':
      'Almacenamiento persistente: sí. El sistema no borrará tus datos aunque falte espacio.',
    'reliability.storage.notPersisted':
      'Almacenamiento persistente: no. Si falta espacio, el navegador podría borrar los datos. Haz copias de seguridad.',
    'reliability.storage.ask': 'Pedir almacenamiento persistente',
    'reliability.storage.refused':
      'El navegador no lo ha concedido. Haz copias de seguridad con frecuencia.',
    'reliability.storage.low':
      'Queda poco espacio: libera espacio en el disco antes de que no se pueda guardar.',
    'reliability.log': 'Registro de errores',
    'reliability.log.intro':
      'Si algo falla, queda anotado aquí, en este equipo. No se envía nada a ningún sitio.',
    'reliability.log.empty': 'No se ha registrado ningún error. Si algo falla, aparecerá aquí.',
    'reliability.log.open': 'Abrir el fichero de registro',
    'reliability.log.openFailed': 'No se pudo abrir. El registro está en: {path}',
    'reliability.log.copy': 'Copiar el registro',
    'reliability.log.clear': 'Vaciar la lista',
    'reliability.log.clearConfirm':
      '¿Vaciar la lista de errores recientes? Solo se borra esta lista; tus datos no cambian.',
    'reliability.log.recent': 'Errores recientes',
  },
  {
    'reliability.write.quota':
      'There is no space left to save. Nothing of this change was saved and what you typed is still here: free some disk space and press Save again.',
    'reliability.write.readonly':
      'The database cannot be written (private mode or a read-only folder?). Nothing of this change was saved.',
    'reliability.write.blocked':
      'Another Cuentas Claras window is using an older version of the data. Close it and press Save again; nothing of this change was saved.',
    'reliability.write.closed':
      'The database was closed while saving. Nothing of this change was saved: reload the window and try again.',
    'reliability.write.aborted':
      'Saving was interrupted and nothing of this change was saved. Press Save again.',
    'reliability.boundary.title': 'This screen failed',
    'reliability.boundary.body':
      'Something went wrong while showing it. Your data is safe: what was saved before the failure is still saved. You can try again or go to another screen.',
    'reliability.boundary.retry': 'Try again',
    'reliability.boundary.copy': 'Copy details',
    'reliability.boundary.copied': 'Details copied. Paste them wherever you ask for help.',
    'reliability.boundary.copyFailed':
      'They could not be copied. Select the text below and copy it by hand.',
    'reliability.boundary.details': 'Technical details',
    'reliability.storage': 'Storage space',
    'reliability.storage.intro':
      'Your data is stored on this computer. Here you can see how much it takes and how much space is left.',
    'reliability.storage.usage': 'Used: {usage} of {quota} available ({percent} %)',
    'reliability.storage.unknown': 'This browser does not say how much space there is.',
    'reliability.storage.persisted':
      'Persistent storage: yes. The system will not delete your data when space runs low.',
    'reliability.storage.notPersisted':
      'Persistent storage: no. If space runs low, the browser could delete the data. Make backups.',
    'reliability.storage.ask': 'Ask for persistent storage',
    'reliability.storage.refused': 'The browser did not grant it. Make backups often.',
    'reliability.storage.low':
      'Space is running low: free some disk space before saving becomes impossible.',
    'reliability.log': 'Error log',
    'reliability.log.intro':
      'If something fails, it is noted here, on this computer. Nothing is sent anywhere.',
    'reliability.log.empty': 'No errors have been logged. If something fails, it will appear here.',
    'reliability.log.open': 'Open the log file',
    'reliability.log.openFailed': 'It could not be opened. The log is at: {path}',
    'reliability.log.copy': 'Copy the log',
    'reliability.log.clear': 'Clear the list',
    'reliability.log.clearConfirm':
      'Clear the list of recent errors? Only this list is deleted; your data does not change.',
    'reliability.log.recent': 'Recent errors',
  },
);
