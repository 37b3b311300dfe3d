// Starts pouchdb-server (CouchDB's HTTP API, in memory) on 127.0.0.1 at a free port for a test,
// with an admin, a database and a member user, as the README sets up a real CouchDB.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const COUCH_ADMIN = { user: 'admin', password: 'admin-secret' };
export const COUCH_MEMBER = { user: 'oficina', password: 'clave-de-prueba' };

export interface CouchServer {
  url: string;
  port: number;
  /** Stops the server (its in-memory data is gone). */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function authHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${output()}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`pouchdb-server did not start: ${output()}`);
}

async function call(url: string, method: string, body?: unknown, auth?: string): Promise<void> {
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(auth ? { Authorization: auth } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok && response.status !== 412 && response.status !== 409) {
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  }
}

/** Starts an empty server; with `database`, creates it with an admin and a member user. */
export async function startCouchServer(
  options: { port?: number; database?: string } = {},
): Promise<CouchServer> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'couch-'));
  const bin = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
  const child = spawn(
    process.execPath,
    [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => log);
    // The admin a `docker run -e COUCHDB_USER=… -e COUCHDB_PASSWORD=…` would create.
    await call(`${url}/_config/admins/${COUCH_ADMIN.user}`, 'PUT', COUCH_ADMIN.password);
    if (options.database) await setUpDatabase(url, options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop };
}

/** What the README tells a gestoría to do: the firm's database and a member user. */
export async function setUpDatabase(url: string, database: string): Promise<void> {
  const admin = authHeader(COUCH_ADMIN.user, COUCH_ADMIN.password);
  await call(`${url}/${database}`, 'PUT', undefined, admin);
  await call(
    `${url}/_users/org.couchdb.user:${COUCH_MEMBER.user}`,
    'PUT',
    { name: COUCH_MEMBER.user, password: COUCH_MEMBER.password, roles: [], type: 'user' },
    admin,
  );
  await call(
    `${url}/${database}/_security`,
    'PUT',
    { admins: { names: [], roles: [] }, members: { names: [COUCH_MEMBER.user], roles: [] } },
    admin,
  );
}
