import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '../../../electron/register-handler';

vi.mock('electron', () => ({}));

const { IPC_CHANNEL_NAMES, IpcError } = await import('../../../shared/ipc');
const { registerHandlers } = await import('../../../electron/register-handler');

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

const APP_PAGE = 'app://cuentas-claras/index.html';

function eventFrom(url: string | null): IpcMainInvokeEvent {
  // Only senderFrame.url is read; the rest of the Electron event is irrelevant here.
  return { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

function setup(overrides: Partial<IpcHandlers> = {}) {
  const handlers: IpcHandlers = {
    'app:get-version': vi.fn(() => ({ version: '0.1.0', platform: 'linux' })),
    'file:save': vi.fn(() => ({ saved: true, filePath: '/tmp/x.csv' })),
    'file:open': vi.fn(() => null),
    'notify:show': vi.fn(() => ({ shown: true })),
    'mail:compose': vi.fn(() => ({ opened: true })),
    'notify:set-tray-status': vi.fn(() => ({ applied: true })),
    'notify:set-background': vi.fn(() => ({ applied: true })),
    'log:write': vi.fn(() => ({ written: true })),
    'log:open': vi.fn(() => ({ opened: true, filePath: '/tmp/cuentas-claras.log' })),
    'pdf:sign': vi.fn(() => ({ bytes: new Uint8Array([1]), problem: null })),
    'backup:status': vi.fn(() => ({ folder: '/tmp/copias', keep: 30, entries: [] })),
    'backup:write': vi.fn(() => ({ name: 'x.json', size: 2 })),
    'backup:read': vi.fn(() => '{}'),
    'backup:choose-folder': vi.fn(() => null),
    'backup:take-opened': vi.fn(() => null),
    'sync:request': vi.fn(() => ({ status: 200, body: '{}' })),
    'sync:save-secret': vi.fn(() => ({ applied: true })),
    'sync:load-secret': vi.fn(() => null),
    ...overrides,
  };
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, listener);
    }),
  };
  registerHandlers(ipcMain, handlers, (url) => url === APP_PAGE);
  const call = (channel: string, payload: unknown, url: string | null = APP_PAGE) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(eventFrom(url), payload);
  };
  return { handlers, listeners, call };
}

describe('registerHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNEL_NAMES].sort());
  });

  it('passes a valid payload to the handler and wraps its answer', async () => {
    const { handlers, call } = setup();
    const payload = {
      title: 'Factura vencida',
      body: 'F-2024-001',
      target: { kind: 'invoice', id: 'inv-1' },
    };
    await expect(call('notify:show', payload)).resolves.toEqual({
      ok: true,
      data: { shown: true },
    });
    expect(handlers['notify:show']).toHaveBeenCalledWith(payload, expect.anything());
  });

  it('refuses an invalid payload naming the field, without calling the handler', async () => {
    const { handlers, call } = setup();
    const result = await call('file:save', { suggestedName: '../etc/passwd', content: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(result)).toContain('suggestedName');
    expect(handlers['file:save']).not.toHaveBeenCalled();
  });

  it('names nested fields and unknown keys', async () => {
    const { call } = setup();
    const nested = await call('notify:show', {
      title: 'x',
      body: '',
      target: { kind: 'bank', id: '1' },
    });
    expect(JSON.stringify(nested)).toContain('target.kind');
    const extra = await call('app:get-version', { evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(extra)).toContain('evil');
  });

  it('refuses a payload that is not an object at all', async () => {
    const { call } = setup();
    await expect(call('app:get-version', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it.each(['https://evil.example/', 'app://cuentas-claras.evil.com/index.html', null])(
    'rejects an untrusted sender (%s) before parsing',
    async (url) => {
      const { handlers, call } = setup();
      await expect(call('app:get-version', {}, url)).resolves.toMatchObject({
        ok: false,
        error: { code: 'untrusted_sender' },
      });
      expect(handlers['app:get-version']).not.toHaveBeenCalled();
    },
  );

  it('checks the sender on every channel, the backup, signing, mail, notify and log ones included', async () => {
    const { handlers, call } = setup();
    for (const channel of IPC_CHANNEL_NAMES) {
      await expect(call(channel, {}, 'https://evil.example/')).resolves.toMatchObject({
        ok: false,
        error: { code: 'untrusted_sender' },
      });
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('turns a thrown error into a failed result', async () => {
    const { call } = setup({
      'file:open': () => Promise.reject(new Error('EACCES: permission denied')),
    });
    await expect(call('file:open', {})).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'EACCES: permission denied' },
    });
  });

  it('keeps the code of an IpcError', async () => {
    const { call } = setup({
      'file:open': () => {
        throw new IpcError('too_large', 'extracto.n43 ocupa demasiado');
      },
    });
    await expect(call('file:open', { maxBytes: 10 })).resolves.toEqual({
      ok: false,
      error: { code: 'too_large', message: 'extracto.n43 ocupa demasiado' },
    });
  });

  it('accepts bytes as file content', async () => {
    const { handlers, call } = setup();
    const content = new Uint8Array([1, 2, 3]);
    await expect(
      call('file:save', { suggestedName: 'copia.json', content }),
    ).resolves.toMatchObject({
      ok: true,
    });
    expect(handlers['file:save']).toHaveBeenCalledWith(
      { suggestedName: 'copia.json', content },
      expect.anything(),
    );
  });
});
