// A TCP relay in front of a test server that can be switched off and on at the same port: to the
// app it is the server going away and coming back (pouchdb-server in memory would lose its data
// if it were really restarted; a real CouchDB keeps it).
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';

export interface TcpSwitch {
  port: number;
  url: string;
  off(): Promise<void>;
  on(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpSwitch(targetPort: number, port: number): Promise<TcpSwitch> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const on = () =>
    new Promise<void>((done, fail) => {
      const next = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once('error', fail);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        done();
      });
    });

  const off = () =>
    new Promise<void>((done) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return done();
      server.close(() => done());
      server = null;
    });

  await on();
  return { port, url: `http://127.0.0.1:${port}`, on, off, close: off };
}
