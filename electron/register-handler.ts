// The one way to register IPC handlers: check the sender, parse the payload, wrap every outcome.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  IPC_CHANNELS,
  IPC_CHANNEL_NAMES,
  IpcError,
  type IpcChannel,
  type IpcParsedRequest,
  type IpcResponse,
  type IpcResult,
} from '../shared/ipc';

export type IpcHandler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
  event: IpcMainInvokeEvent,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

/** Decides from the sending frame's URL (null when the frame is gone) whether to answer. */
export type SenderCheck = (frameUrl: string | null) => boolean;

export function summarizeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(request)'}: ${issue.message}`,
    )
    .join('; ');
}

function failure<T>(code: IpcError['code'], message: string): IpcResult<T> {
  return { ok: false, error: { code, message } };
}

async function answer<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
  event: IpcMainInvokeEvent,
  payload: unknown,
): Promise<IpcResult<IpcResponse<C>>> {
  const handler: IpcHandler<C> = handlers[channel];
  const frameUrl = event.senderFrame?.url ?? null;
  if (!isTrustedSender(frameUrl)) {
    return failure(
      'untrusted_sender',
      `${channel}: sender ${frameUrl ?? '(unknown)'} is not the app`,
    );
  }
  const parsed = IPC_CHANNELS[channel].request.safeParse(payload);
  if (!parsed.success) return failure('invalid_request', summarizeIssues(parsed.error.issues));
  try {
    // safeParse on IPC_CHANNELS[C] widens to the union of all requests; the schema is C's own.
    const data = await handler(parsed.data as IpcParsedRequest<C>, event);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof IpcError) return failure(error.code, error.message);
    return failure('failed', error instanceof Error ? error.message : String(error));
  }
}

export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of IPC_CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      answer(channel, handlers, isTrustedSender, event, payload),
    );
  }
}
