// Under "Abrir al iniciar sesión": what starting at login does on this computer's OS (desktop only).
import { useEffect, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { getPlatform } from '../../platform';

const HINTS: Readonly<Record<string, MessageKey>> = {
  win32: 'desktop.login.win32',
  darwin: 'desktop.login.darwin',
  linux: 'desktop.login.linux',
};

export function StartAtLoginHint() {
  const t = useT();
  const [hint, setHint] = useState<MessageKey | null>(null);
  useEffect(() => {
    const platform = getPlatform();
    if (platform.kind !== 'electron') return;
    platform
      .appInfo()
      .then((info) => setHint(HINTS[info.platform] ?? null))
      .catch(() => setHint(null));
  }, []);
  return hint ? <p className="field__hint">{t(hint)}</p> : null;
}
