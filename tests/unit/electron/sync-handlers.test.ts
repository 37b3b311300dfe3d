import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSyncHandlers, type SecretCipher } from '../../../electron/sync-handlers';
import { IPC_CHANNELS } from '../../../shared/ipc';
import type { IpcMainInvokeEvent } from 'electron';

/** The handlers read nothing from the event (the sender is checked by registerHandlers). */
const EVENT = {} as IpcMainInvokeEvent;

/** A stand-in for safeStorage: reversible, and visibly not the plain text. */
const cipher: SecretCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((byte) => byte ^ 0x5a)),
  decryptString: (encrypted) =>
    Buffer.from([...encrypted].map((byte) => byte ^ 0x5a)).toString('utf8'),
};

let server: Server;
let base = '';
const seen: { method: string; url: string; auth: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization ?? '',
        body,
      });
      if (req.url === '/redirect') {
        res.writeHead(302, { Location: 'http://example.com/' }).end();
        return;
      }
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

function handlers() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-secrets-'));
  const secretsFile = path.join(dir, 'sync-secrets.json');
  return { secretsFile, ...createSyncHandlers({ secretsFile, cipher }) };
}

describe('sync in the main process', () => {
  it('relays CouchDB calls with their credentials and returns status and body', async () => {
    const { 'sync:request': request } = handlers();
    const answer = await request(
      {
        url: `${base}/firma/_bulk_docs`,
        method: 'POST',
        authorization: 'Basic b2ZpY2luYTpjbGF2ZQ==',
        body: '{"docs":[]}',
      },
      EVENT,
    );
    expect(answer).toEqual({ status: 201, body: '{"ok":true}' });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/firma/_bulk_docs',
      auth: 'Basic b2ZpY2luYTpjbGF2ZQ==',
      body: '{"docs":[]}',
    });
  });

  it('never follows a redirect to another server', async () => {
    const { 'sync:request': request } = handlers();
    await expect(
      request({ url: `${base}/redirect`, method: 'GET', authorization: '' }, EVENT),
    ).rejects.toThrow();
  });

  it('the request schema refuses plain HTTP to another computer and credentials in the URL', () => {
    const schema = IPC_CHANNELS['sync:request'].request;
    const ok = { method: 'GET', authorization: '' };
    expect(schema.safeParse({ ...ok, url: 'https://couch.gestoria.es/firma' }).success).toBe(true);
    expect(schema.safeParse({ ...ok, url: 'http://localhost:5984/firma' }).success).toBe(true);
    expect(schema.safeParse({ ...ok, url: 'http://couch.gestoria.es/firma' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, url: 'https://u:p@couch.gestoria.es/' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, url: 'file:///etc/passwd' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, url: 'https://x.es', method: 'DELETE' }).success).toBe(false);
  });

  it('keeps the password encrypted on disk and reads it back', async () => {
    const { secretsFile, 'sync:save-secret': save, 'sync:load-secret': load } = handlers();
    expect(await load({ name: 'sync:cuentas-claras' }, EVENT)).toBeNull();
    expect(await save({ name: 'sync:cuentas-claras', value: 'clave-secreta' }, EVENT)).toEqual({
      applied: true,
    });
    expect(readFileSync(secretsFile, 'utf8')).not.toContain('clave-secreta');
    expect(await load({ name: 'sync:cuentas-claras' }, EVENT)).toBe('clave-secreta');
  });

  it('without an OS key stores nothing (the app then asks once per session)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sync-secrets-'));
    const plain = createSyncHandlers({
      secretsFile: path.join(dir, 'sync-secrets.json'),
      cipher: { ...cipher, isEncryptionAvailable: () => false },
    });
    expect(await plain['sync:save-secret']({ name: 'sync:x', value: 'v' }, EVENT)).toEqual({
      applied: false,
    });
    expect(await plain['sync:load-secret']({ name: 'sync:x' }, EVENT)).toBeNull();
  });
});
