import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(() => Promise.resolve({ ok: true, data: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

const { BRIDGE_GLOBAL, IPC_CHANNEL_NAMES, IPC_EVENTS } =
  await import('../../../shared/ipc-channels');

let exposedName: unknown;
let bridge: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await import('../../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
    string,
    Record<string, (...args: unknown[]) => unknown>,
  ];
  exposedName = name;
  bridge = api;
});

describe('preload', () => {
  it('exposes one object under the bridge global', () => {
    expect(exposedName).toBe(BRIDGE_GLOBAL);
  });

  it('exposes exactly the contract channels plus the event subscriptions', () => {
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...IPC_CHANNEL_NAMES,
        'onNotificationClick',
        'onCheckRequested',
        'onBackupDue',
        'onBackupFileOpened',
      ].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('forwards each channel to ipcRenderer.invoke with its own name', async () => {
    for (const channel of IPC_CHANNEL_NAMES) {
      const request = { probe: channel };
      await bridge[channel]?.(request);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, request);
    }
  });

  it('subscribes to notification clicks without leaking the IPC event, and unsubscribes', () => {
    const callback = vi.fn();
    const unsubscribe = bridge.onNotificationClick?.(callback) as () => void;
    const [eventName, listener] = electron.ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (event: unknown, target: unknown) => void,
    ];
    expect(eventName).toBe(IPC_EVENTS.notificationClicked);
    listener({ sender: 'ipcRenderer handle' }, { kind: 'invoice', id: 'inv-7' });
    expect(callback).toHaveBeenCalledWith({ kind: 'invoice', id: 'inv-7' });
    expect(callback.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(
      IPC_EVENTS.notificationClicked,
      listener,
    );
  });

  it('subscribes to check requests from the main process, passing only the reason', () => {
    const callback = vi.fn();
    const unsubscribe = bridge.onCheckRequested?.(callback) as () => void;
    const call = electron.ipcRenderer.on.mock.calls.find(
      ([name]) => (name as unknown) === IPC_EVENTS.checkRequested,
    ) as unknown as [string, (event: unknown, reason: unknown) => void];
    call[1]({ sender: 'ipcRenderer handle' }, 'resume');
    expect(callback).toHaveBeenCalledWith('resume');
    expect(callback.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(
      IPC_EVENTS.checkRequested,
      call[1],
    );
  });
});
