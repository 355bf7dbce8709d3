// The floor: a bare `ws` relay that forwards every binary frame to every other socket of the same
// room (room = the document name the frame starts with). No auth, no Yjs, no storage. It runs as
// its own process (`node bench/live/relay.ts`) so it never shares the load generator's event loop,
// and prints one line `{"port":<port>}` once it listens on 127.0.0.1.
import { WebSocketServer, type WebSocket } from 'ws';
import { readDocumentName } from './protocol.ts';

const LOOPBACK = '127.0.0.1';
const ANY_FREE_PORT = 0;

/** Starts the relay; a socket's first frame for a room joins it to the room and is echoed back. */
export function startRelay(port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const rooms = new Map<string, Set<WebSocket>>();
  const server = new WebSocketServer({ host: LOOPBACK, port, perMessageDeflate: false });

  server.on('connection', (socket) => {
    const joined = new Set<string>();
    socket.on('message', (data, isBinary) => {
      if (!isBinary || !Buffer.isBuffer(data)) return;
      const room = readDocumentName(data);
      if (room === null) return;
      let members = rooms.get(room);
      if (!members) {
        members = new Set();
        rooms.set(room, members);
      }
      if (!joined.has(room)) {
        joined.add(room);
        members.add(socket);
        socket.send(data);
        return;
      }
      for (const member of members) if (member !== socket) member.send(data);
    });
    socket.on('close', () => {
      for (const room of joined) rooms.get(room)?.delete(socket);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) {
        reject(new Error('the relay has no port'));
        return;
      }
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.main) {
  const relay = await startRelay(ANY_FREE_PORT);
  process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`);
  const stop = () => {
    void relay.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
