// A TCP proxy between the API and PostgreSQL that counts round trips. Per backend connection it notes every
// "flight": client bytes that follow server bytes (or open the connection). A client that pipelines several
// statements before waiting sends one flight; each time it waits for an answer before sending more, that is
// another. It also reads the client's messages (PostgreSQL protocol v3) to name what each flight carried:
// simple queries ('Q') and the statements bound and executed (Parse/Bind/Execute), prepared ones included.
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';

export interface Flight {
  connection: number;
  /** performance.now() when the first byte of the flight arrived from the client. */
  at: number;
  /** The statements it carried, abbreviated (BEGIN, select set_config…, COMMIT). */
  statements: string[];
  /** The protocol messages' type bytes, e.g. "BES" (bind, execute, sync) or "PDS" (parse, describe, sync). */
  messages: string;
}

interface ClientStream {
  buffer: Buffer;
  /** The startup packet (and an SSLRequest before it) has no type byte. */
  untyped: boolean;
  prepared: Map<string, string>;
  /** The statement of the last Parse or Bind, named when its Execute arrives. */
  pending?: string;
}

export class RoundTripProxy {
  readonly flights: Flight[] = [];
  private connections = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<RoundTripProxy> {
    let proxy: RoundTripProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy did not bind a port');
    proxy = new RoundTripProxy(server, address.port);
    return proxy;
  }

  /** Connections opened so far (a new one during a measured request would add its handshake). */
  get connectionCount(): number {
    return this.connections;
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    const connection = ++this.connections;
    const upstream = netConnect(target.port, target.host);
    this.sockets.add(client).add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const stream: ClientStream = { buffer: Buffer.alloc(0), untyped: true, prepared: new Map() };
    let lastFromServer = true;
    let current: Flight | undefined;
    client.on('data', (chunk: Buffer) => {
      if (lastFromServer) {
        current = { connection, at: performance.now(), statements: [], messages: '' };
        this.flights.push(current);
        lastFromServer = false;
      }
      const parsed = parseClientMessages(stream, chunk);
      if (current) {
        current.statements.push(...parsed.statements);
        current.messages += parsed.types;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      lastFromServer = true;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  /** Flights whose first byte arrived in [from, to). */
  between(from: number, to: number): Flight[] {
    return this.flights.filter((flight) => flight.at >= from && flight.at < to);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const abbreviate = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}…` : oneLine;
};

/** Names the statements in the client's bytes; keeps an incomplete message for the next chunk. */
function parseClientMessages(stream: ClientStream, chunk: Buffer): { statements: string[]; types: string } {
  stream.buffer = stream.buffer.length === 0 ? chunk : Buffer.concat([stream.buffer, chunk]);
  const statements: string[] = [];
  let types = '';
  for (;;) {
    const { buffer } = stream;
    if (stream.untyped) {
      if (buffer.length < 8) break;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) break;
      // SSLRequest / GSSENCRequest: the real startup packet follows, also untyped.
      const code = buffer.readInt32BE(4);
      stream.untyped = code === 80877103 || code === 80877104;
      statements.push('(startup)');
      types += '0';
      stream.buffer = buffer.subarray(length);
      continue;
    }
    if (buffer.length < 5) break;
    const type = String.fromCharCode(buffer[0] ?? 0);
    const length = buffer.readInt32BE(1);
    if (buffer.length < 1 + length) break;
    const body = buffer.subarray(5, 1 + length);
    stream.buffer = buffer.subarray(1 + length);
    types += type;
    if (type === 'Q') {
      statements.push(abbreviate(cString(body, 0).value));
    } else if (type === 'P') {
      const name = cString(body, 0);
      const query = cString(body, name.next).value;
      if (name.value) stream.prepared.set(name.value, query);
      stream.pending = query;
      statements.push(`(prepare) ${abbreviate(query)}`);
    } else if (type === 'B') {
      const portal = cString(body, 0);
      const statement = cString(body, portal.next).value;
      stream.pending = statement ? (stream.prepared.get(statement) ?? `(prepared ${statement})`) : stream.pending;
    } else if (type === 'E') {
      statements.push(abbreviate(stream.pending ?? '(unnamed statement)'));
    } else if (type === 'X') {
      statements.push('(terminate)');
    } else if (type === 'p') {
      statements.push('(authentication)');
    }
  }
  return { statements, types };
}

function cString(buffer: Buffer, start: number): { value: string; next: number } {
  const end = buffer.indexOf(0, start);
  const stop = end === -1 ? buffer.length : end;
  return { value: buffer.toString('utf8', start, stop), next: stop + 1 };
}
