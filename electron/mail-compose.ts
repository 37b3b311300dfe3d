// The mail:compose handler: builds the mailto: URL itself and opens only that with the OS.
import { shell } from 'electron';
import { mailtoUrl } from '../shared/mailto';
import type { ComposeResult } from '../shared/ipc';

/** The request was validated by its zod schema; nothing but a mailto: URL reaches openExternal. */
export async function composeMail(request: {
  to: string;
  subject: string;
  body: string;
}): Promise<ComposeResult> {
  const url = mailtoUrl(request);
  if (!url.startsWith('mailto:')) return { opened: false };
  await shell.openExternal(url);
  return { opened: true };
}
