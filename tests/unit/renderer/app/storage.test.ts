import { describe, expect, it, vi } from 'vitest';
import {
  formatBytes,
  isStorageLow,
  readStorageStatus,
  requestPersistentStorage,
  type StorageApi,
} from '../../../../renderer/src/app/storage';

function fakeStorage(overrides: Partial<StorageApi> = {}): StorageApi {
  return {
    persisted: vi.fn(() => Promise.resolve(false)),
    persist: vi.fn(() => Promise.resolve(true)),
    estimate: vi.fn(() => Promise.resolve({ usage: 1_000, quota: 1_000_000_000 })),
    ...overrides,
  };
}

describe('persistent storage', () => {
  it('asks for persistence only when the data is not persistent yet', async () => {
    const already = fakeStorage({ persisted: () => Promise.resolve(true) });
    await expect(requestPersistentStorage(already)).resolves.toBe(true);
    expect(already.persist).not.toHaveBeenCalled();
    const fresh = fakeStorage();
    await expect(requestPersistentStorage(fresh)).resolves.toBe(true);
    expect(fresh.persist).toHaveBeenCalledOnce();
  });

  it('answers false where the browser has no storage API or refuses', async () => {
    await expect(requestPersistentStorage(null)).resolves.toBe(false);
    const refusing = fakeStorage({ persist: () => Promise.reject(new Error('no')) });
    await expect(requestPersistentStorage(refusing)).resolves.toBe(false);
  });

  it('reads usage, quota and persistence, with nulls for what the browser does not say', async () => {
    await expect(readStorageStatus(fakeStorage())).resolves.toEqual({
      persisted: false,
      usage: 1_000,
      quota: 1_000_000_000,
    });
    await expect(readStorageStatus(null)).resolves.toEqual({
      persisted: null,
      usage: null,
      quota: null,
    });
    const silent = fakeStorage({ estimate: () => Promise.reject(new Error('no')) });
    await expect(readStorageStatus(silent)).resolves.toMatchObject({ usage: null, quota: null });
  });
});

describe('storage figures', () => {
  it('warns when less than 50 MB or 5 % of the quota is free', () => {
    const mb = 1024 * 1024;
    expect(isStorageLow({ persisted: true, usage: 10 * mb, quota: 1_000 * mb })).toBe(false);
    expect(isStorageLow({ persisted: true, usage: 960 * mb, quota: 1_000 * mb })).toBe(true);
    expect(isStorageLow({ persisted: true, usage: 9_600 * mb, quota: 10_000 * mb })).toBe(true);
    expect(isStorageLow({ persisted: null, usage: null, quota: null })).toBe(false);
  });

  it('writes sizes in the reader’s locale', () => {
    expect(formatBytes(512, 'es-ES')).toBe('512 B');
    expect(formatBytes(1_288_490, 'es-ES')).toBe('1,2 MB');
    expect(formatBytes(1_288_490, 'en-GB')).toBe('1.2 MB');
    expect(formatBytes(300 * 1024 ** 3, 'es-ES')).toBe('300 GB');
  });
});
