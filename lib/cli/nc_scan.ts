// nc -z: which of the ports accept a connection, sending no data. TCP: a
// connect(2) that completes. UDP, as OpenBSD netcat's udptest: a datagram
// sent to a closed port draws an ICMP port unreachable, which the connected
// socket reports as ECONNREFUSED; silence counts as open.
import { SocketError, SocketTimeoutError, socket } from '..';
import type { CommandContext } from './command';
import { failure, resolve, serviceOf, type NcOptions } from './nc_session';

/** How long a UDP probe waits for a refusal when -w does not say. */
const UDP_SCAN_WAIT_MS = 1000;

/** Scans `options.ports` on `options.host`; resolves with 0 if any port is open, else 1. */
export async function scan(options: NcOptions, context: CommandContext): Promise<number> {
  const host = options.host ?? '';
  const protocol = options.udp ? 'udp' : 'tcp';
  const answers = await resolve(host, options.ports[0], options);
  let open = 0;
  for (const port of options.ports) {
    if (context.interrupted.aborted) break;
    for (const answer of answers) {
      const sock = socket(answer.family, answer.type);
      try {
        sock.setblocking(false);
        const limits = { signal: context.interrupted, ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }) };
        await sock.connect({ ...answer.address, port } as typeof answer.address, limits);
        if (options.udp) {
          await sock.send('X');
          try {
            await sock.recv(1, 0, { signal: context.interrupted, timeout: options.timeoutMs ?? UDP_SCAN_WAIT_MS });
          } catch (error) {
            if (!(error instanceof SocketTimeoutError)) throw error;
          }
        }
        open++;
        if (options.verbose) context.warn(`Connection to ${host} ${port} port ${serviceOf(port, protocol)} succeeded!`);
        break;
      } catch (error) {
        if (!(error instanceof SocketError)) throw error;
        if (options.verbose) {
          context.warn(`bsd-socket nc: ${failure(`connect to ${host} port ${port} (${protocol}) failed`, error).message}`);
        }
      } finally {
        sock.close();
      }
    }
  }
  return open > 0 ? 0 : 1;
}
