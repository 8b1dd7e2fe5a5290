// nc's data path: stdin to the socket and the socket to stdout, at once,
// until OpenBSD netcat would stop (its readwrite()): both directions done;
// in listen mode, the peer done; or the -w idle timeout. stdin's EOF is
// passed on as shutdown(SHUT_WR) with -N.
import { once } from 'node:events';

import { SHUT_WR, SocketError, type Socket, type SocketAddress } from '..';

/** How much of stdin one UDP datagram carries (OpenBSD netcat's buffer size). */
const DATAGRAM_CHUNK = 16384;
/** The most one recv(2) asks for: the largest UDP payload fits. */
const RECV_SIZE = 65536;

/**
 * stdin, read one chunk at a time, shared by the connections of `nc -lk`: a
 * chunk read while one connection ended goes to the next, and EOF stays EOF.
 */
export class StdinSource {
  readonly #chunks: AsyncIterator<Buffer>;
  #next: Promise<Buffer | null> | null = null;
  #ended = false;

  /** @param stream - What to read: the process's stdin unless given. */
  constructor(stream: NodeJS.ReadableStream = process.stdin) {
    this.#chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** Whether stdin has ended. */
  get ended(): boolean {
    return this.#ended;
  }

  /** The next chunk (null at EOF), without taking it: {@link take} does. */
  peek(): Promise<Buffer | null> {
    if (this.#ended) return Promise.resolve(null);
    this.#next ??= this.#chunks.next().then((result) => {
      if (result.done === true) this.#ended = true;
      return result.done === true ? null : result.value;
    });
    return this.#next;
  }

  /** Takes the chunk {@link peek} gave. */
  take(): void {
    this.#next = null;
  }
}

/** Writes to stdout, waiting while its buffer is full. */
export async function writeStdout(data: Buffer): Promise<void> {
  if (!process.stdout.write(data)) await once(process.stdout, 'drain');
}

/** How a relay runs. */
export interface RelayOptions {
  /** -N: shutdown(SHUT_WR) when stdin ends. */
  halfClose: boolean;
  /** -l: the relay ends when the peer is done, whatever stdin does. */
  listening: boolean;
  /** -w: milliseconds with no data either way that end the relay; undefined for none. */
  idleMs?: number;
  /** Ends the relay early (Ctrl-C). */
  signal: AbortSignal;
}

/** Where a relay's datagrams go: its connected peer, or (`nc -luk`) the last sender. */
type DatagramTarget = { connected: true } | { connected: false; lastSender: SocketAddress | null };

/**
 * Relays between stdio and a connected stream socket, or a datagram socket
 * (`datagram`: each stdin chunk in datagrams of at most 16 KiB; for an
 * unconnected one, replies go to whoever sent last).
 * Resolves when the relay is over; never closes `sock`.
 */
export async function relay(sock: Socket, stdin: StdinSource, options: RelayOptions,
  datagram?: DatagramTarget): Promise<void> {
  let netInDone = false;
  let stdinDone = false;
  let netOutDone = false;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => { finish = resolve; });
  let over = false;
  const end = (): void => {
    over = true;
    finish();
  };
  let idle: NodeJS.Timeout | undefined;
  const touch = (): void => {
    if (options.idleMs === undefined) return;
    clearTimeout(idle);
    idle = setTimeout(end, options.idleMs);
  };
  // OpenBSD's rules: both directions done; in listen mode, the peer done.
  const check = (): void => {
    if (netInDone && (stdinDone || netOutDone || options.listening)) end();
  };
  const onAbort = (): void => end();
  options.signal.addEventListener('abort', onAbort);
  touch();

  const fromNet = async (): Promise<void> => {
    try {
      while (!over) {
        const [data, from] = datagram?.connected === false ? await sock.recvfrom(RECV_SIZE) : [await sock.recv(RECV_SIZE), null];
        if (datagram?.connected === false) datagram.lastSender = from;
        // A stream's EOF; a datagram socket goes on (an empty datagram is still a datagram).
        if (data.length === 0 && datagram === undefined) break;
        touch();
        await writeStdout(data);
      }
    } catch (error) {
      // A reset or refused peer ends this direction, as a read error does in netcat.
      if (!(error instanceof SocketError)) throw error;
    }
    netInDone = true;
    check();
  };

  const toNet = async (): Promise<void> => {
    try {
      while (!over) {
        const chunk = await Promise.race([stdin.peek(), finished.then(() => undefined)]);
        if (chunk === undefined) return;
        stdin.take();
        if (chunk === null) break;
        touch();
        if (datagram === undefined) {
          await sock.sendall(chunk);
        } else {
          for (let at = 0; at < chunk.length; at += DATAGRAM_CHUNK) {
            const piece = chunk.subarray(at, at + DATAGRAM_CHUNK);
            if (datagram.connected) await sock.send(piece);
            else if (datagram.lastSender !== null) await sock.sendto(piece, datagram.lastSender);
          }
        }
      }
      stdinDone = true;
      if (options.halfClose && datagram === undefined) sock.shutdown(SHUT_WR);
    } catch (error) {
      if (!(error instanceof SocketError)) throw error;
      netOutDone = true;
    }
    check();
  };

  try {
    // Both directions done means `check` ended the relay; a bug in one rejects at once.
    await Promise.race([finished, Promise.all([fromNet(), toNet()])]);
  } finally {
    clearTimeout(idle);
    options.signal.removeEventListener('abort', onAbort);
  }
  // What still waits (a recv, a send) ends when the caller closes the socket.
}
