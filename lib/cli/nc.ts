// bsd-socket nc: OpenBSD netcat's options over the library's sockets:
// connect or listen (nc_session.ts), TCP, UDP or Unix stream, stdin to the
// socket and the socket to stdout (nc_relay.ts); -z scans (nc_scan.ts).
import { AF_INET, AF_INET6, AF_UNSPEC, AbortError, SocketError, getservbyname } from '..';
import { UsageError, parseInteger, type ParsedArgs } from './args';
import type { Command, CommandContext } from './command';
import { scan } from './nc_scan';
import { NcSession, STATUS_INTERRUPTED, type NcOptions } from './nc_session';

/** `low-high`, a range of ports for -z. */
const PORT_RANGE = /^(\d+)-(\d+)$/;

/** The longest -w, in seconds (what setTimeout can hold). */
const MAX_TIMEOUT_SECONDS = 2147483;

function readOptions(args: ParsedArgs): NcOptions {
  const flag = (letter: string): boolean => args.flag(letter);
  if (flag('4') && flag('6')) throw new UsageError('only one of -4 and -6 may be given');
  if (flag('k') && !flag('l')) throw new UsageError('must use -l with -k');
  if (flag('z') && flag('l')) throw new UsageError('cannot use -z and -l');
  if (flag('u') && flag('U')) throw new UsageError('-u and -U cannot be used together');
  if (flag('z') && flag('U')) throw new UsageError('cannot use -z and -U');
  const options: NcOptions = {
    listen: flag('l'),
    udp: flag('u'),
    unix: flag('U'),
    keep: flag('k'),
    verbose: flag('v'),
    numeric: flag('n'),
    halfClose: flag('N'),
    scan: flag('z'),
    family: flag('4') ? AF_INET : flag('6') ? AF_INET6 : AF_UNSPEC,
    ports: [],
  };
  if (args.value('w') !== undefined) options.timeoutMs = args.seconds('w', 'timeout', 0.001, MAX_TIMEOUT_SECONDS, 0);
  const operands = args.operands;
  if (options.unix) {
    if (operands.length === 0) throw new UsageError('missing path', true);
    if (operands.length > 1) throw new UsageError(`extra operand '${operands[1]}'`, true);
    if (operands[0] === '') throw new UsageError("invalid path: ''");
    options.path = operands[0];
    return options;
  }
  const protocol = options.udp ? 'udp' : 'tcp';
  if (options.listen) {
    // nc -l port, or nc -l host port.
    if (operands.length === 0) throw new UsageError('missing port', true);
    if (operands.length > 2) throw new UsageError(`extra operand '${operands[2]}'`, true);
    if (operands.length === 2) options.host = operands[0];
    options.ports = [parsePort(operands[operands.length - 1], protocol, 0)];
    return options;
  }
  if (operands.length === 0) throw new UsageError('missing host', true);
  if (operands.length === 1) throw new UsageError('missing port', true);
  options.host = operands[0];
  const portArgs = operands.slice(1);
  if (!options.scan && (portArgs.length > 1 || PORT_RANGE.test(portArgs[0]))) {
    throw new UsageError('several ports need -z', true);
  }
  for (const text of portArgs) options.ports.push(...parsePorts(text, protocol));
  return options;
}

/** A port: a number from `min` to 65535, or a service name of /etc/services. */
function parsePort(text: string, protocol: string, min = 1): number {
  if (/^\d+$/.test(text)) return parseInteger(text, 'port', min, 65535);
  try {
    return getservbyname(text, protocol);
  } catch (error) {
    if (error instanceof SocketError) throw new UsageError(`invalid port: '${text}'`);
    throw error;
  }
}

/** A port, or a range `low-high` of them (either order), as -z takes. */
function parsePorts(text: string, protocol: string): number[] {
  const range = PORT_RANGE.exec(text);
  if (range === null) return [parsePort(text, protocol)];
  const [a, b] = [parseInteger(range[1], 'port', 1, 65535), parseInteger(range[2], 'port', 1, 65535)];
  const ports: number[] = [];
  for (let port = Math.min(a, b); port <= Math.max(a, b); port++) ports.push(port);
  return ports;
}

/** The `nc` subcommand. */
export const nc: Command = {
  name: 'nc',
  summary: 'read and write data over TCP, UDP or Unix sockets, as OpenBSD netcat',
  synopsis: [
    '[-46Nnuv] [-w timeout] host port',
    '-l [-46kNnuv] [-w timeout] [host] port',
    '-z [-46nuv] [-w timeout] host port[-port] ...',
    '-U [-Nv] [-w timeout] path',
    '-lU [-kNv] [-w timeout] path',
  ],
  options: [
    { letter: '4', help: 'use IPv4 only' },
    { letter: '6', help: 'use IPv6 only' },
    { letter: 'k', help: 'with -l: keep listening after a connection ends' },
    { letter: 'l', help: 'listen for a connection instead of making one' },
    { letter: 'N', help: 'shutdown(2) the socket for writing when stdin ends' },
    { letter: 'n', help: 'numeric: no name lookups for -v messages' },
    { letter: 'U', help: 'use a Unix stream socket at path' },
    { letter: 'u', help: 'use UDP instead of TCP' },
    { letter: 'v', help: 'verbose: say on stderr what happens' },
    { letter: 'w', value: 'timeout', help: 'seconds before a connect, or a connection idle both ways, gives up' },
    { letter: 'z', help: 'scan: report which ports accept a connection, send no data' },
  ],
  failureStatus: 1,
  interruptible: true,
  run: (args, context) => runNc(readOptions(args), context),
};

async function runNc(options: NcOptions, context: CommandContext): Promise<number> {
  try {
    if (options.scan) return await scan(options, context);
    const session = new NcSession(options, context);
    const status = options.unix ? await (options.listen ? session.listenUnix() : session.connectUnix())
      : await (options.listen ? session.listenInet() : session.connectInet());
    return context.interrupted.aborted ? STATUS_INTERRUPTED : status;
  } catch (error) {
    // Ctrl-C during a wait (a connect, an accept, a scan's probe) ends it with
    // an AbortError; the sockets are closed and a Unix path removed by then.
    if (error instanceof AbortError) return STATUS_INTERRUPTED;
    throw error;
  }
}

