// The tokenizer of pcap-filter expressions: libpcap's scanner.l rules, with
// flex's choice between them (the longest match wins; on a tie, the rule
// listed first). So `host` is a keyword but `hostx` a name, `1.2.3.4` an IPv4
// address but `1.2.3.4.5` a name, `80` a number but `80-90` a name (which
// `portrange` then reads), and `aa:bb:cc:dd:ee:ff` a MAC address.
import { FilterSyntaxError, shortened } from './filter_syntax_error';

/** What a token is. `num` carries its value; the address and name kinds their text. */
export type TokenKind =
  | 'keyword' // a reserved word of the language (`host`, `tcp`, `src`, …), canonical in `word`
  | 'and' | 'or' | 'not' | '(' | ')' | '/'
  | 'num' // a number: decimal, 0x hex, 0-prefixed octal, or a named constant (icmp-echo)
  | 'hid' // a dotted IPv4 address or prefix: 1.2.3.4, 10.1
  | 'hid6' // an IPv6 address
  | 'eid' // a MAC-48 address
  | 'aid' // an ARCnet address ($1f)
  | 'id' // any other name (host, port or protocol name; `\name` escapes a keyword)
  | 'operator' // arithmetic and comparison operators, [ ] and :
  | 'eof';

/** One token of an expression, with where it starts. */
export interface Token {
  readonly kind: TokenKind;
  /** The text as written (for `\name`, without the backslash). */
  readonly text: string;
  /** 0-based offset of its first character in the expression. */
  readonly position: number;
  /** The canonical keyword (`ether` and `link` are both `link`), for `keyword`. */
  readonly word?: string;
  /** The value, for `num`. */
  readonly value?: number;
}

/** Longest accepted expression: compile time stays small on any input. */
export const MAX_EXPRESSION_LENGTH = 65536;

// Every reserved word of libpcap's scanner, to its canonical name: a word
// listed here is never a host or port name there, so it is not one here
// either (`port lat` is a syntax error, not a service).
const KEYWORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  dst: 'dst', src: 'src',
  link: 'link', ether: 'link', ppp: 'link', slip: 'link', fddi: 'link', tr: 'link', wlan: 'link',
  arp: 'arp', rarp: 'rarp', ip: 'ip', sctp: 'sctp', tcp: 'tcp', udp: 'udp', icmp: 'icmp', igmp: 'igmp',
  igrp: 'igrp', pim: 'pim', vrrp: 'vrrp', carp: 'carp', radio: 'radio', ip6: 'ip6', icmp6: 'icmp6', ah: 'ah',
  esp: 'esp', atalk: 'atalk', aarp: 'aarp', decnet: 'decnet', lat: 'lat', sca: 'sca', moprc: 'moprc',
  mopdl: 'mopdl', iso: 'iso', esis: 'esis', 'es-is': 'esis', isis: 'isis', 'is-is': 'isis', l1: 'l1', l2: 'l2',
  iih: 'iih', lsp: 'lsp', snp: 'snp', csnp: 'csnp', psnp: 'psnp', clnp: 'clnp', stp: 'stp', ipx: 'ipx',
  netbeui: 'netbeui',
  host: 'host', net: 'net', mask: 'mask', port: 'port', portrange: 'portrange', proto: 'proto',
  protochain: 'protochain', gateway: 'gateway',
  type: 'type', subtype: 'subtype', direction: 'direction', dir: 'direction', address1: 'address1',
  addr1: 'address1', address2: 'address2', addr2: 'address2', address3: 'address3', addr3: 'address3',
  address4: 'address4', addr4: 'address4', ra: 'ra', ta: 'ta',
  less: 'less', greater: 'greater', byte: 'byte', broadcast: 'broadcast', multicast: 'multicast',
  and: 'and', or: 'or', not: 'not',
  len: 'len', length: 'len', inbound: 'inbound', outbound: 'outbound', ifindex: 'ifindex',
  vlan: 'vlan', mpls: 'mpls', pppoed: 'pppoed', pppoes: 'pppoes', geneve: 'geneve', vxlan: 'vxlan',
  lane: 'lane', llc: 'llc', metac: 'metac', bcc: 'bcc', oam: 'oam', oamf4: 'oamf4', oamf4ec: 'oamf4ec',
  oamf4sc: 'oamf4sc', sc: 'sc', ilmic: 'ilmic', vpi: 'vpi', vci: 'vci', connectmsg: 'connectmsg',
  metaconnect: 'metaconnect',
  on: 'ifname', ifname: 'ifname', rset: 'ruleset', ruleset: 'ruleset', rnr: 'rulenum', rulenum: 'rulenum',
  srnr: 'subrulenum', subrulenum: 'subrulenum', reason: 'reason', action: 'action',
  fisu: 'fisu', lssu: 'lssu', lsu: 'lssu', msu: 'msu', hfisu: 'hfisu', hlssu: 'hlssu', hmsu: 'hmsu',
  sio: 'sio', opc: 'opc', dpc: 'dpc', sls: 'sls', hsio: 'hsio', hopc: 'hopc', hdpc: 'hdpc', hsls: 'hsls',
}));

// Names the scanner turns into numbers: header offsets and field values for
// `icmp[icmptype] = icmp-echo` and the like (protocol facts, as libpcap
// names them).
const NAMED_NUMBERS: ReadonlyMap<string, number> = new Map(Object.entries({
  icmptype: 0, icmpcode: 1, 'icmp-echoreply': 0, 'icmp-unreach': 3, 'icmp-sourcequench': 4, 'icmp-redirect': 5,
  'icmp-echo': 8, 'icmp-routeradvert': 9, 'icmp-routersolicit': 10, 'icmp-timxceed': 11, 'icmp-paramprob': 12,
  'icmp-tstamp': 13, 'icmp-tstampreply': 14, 'icmp-ireq': 15, 'icmp-ireqreply': 16, 'icmp-maskreq': 17,
  'icmp-maskreply': 18,
  icmp6type: 0, icmp6code: 1, 'icmp6-destinationunreach': 1, 'icmp6-packettoobig': 2, 'icmp6-timeexceeded': 3,
  'icmp6-parameterproblem': 4, 'icmp6-echo': 128, 'icmp6-echoreply': 129,
  'icmp6-multicastlistenerquery': 130, 'icmp6-multicastlistenerreportv1': 131,
  'icmp6-multicastlistenerdone': 132, 'icmp6-routersolicit': 133, 'icmp6-routeradvert': 134,
  'icmp6-neighborsolicit': 135, 'icmp6-neighboradvert': 136, 'icmp6-redirect': 137, 'icmp6-routerrenum': 138,
  'icmp6-nodeinformationquery': 139, 'icmp6-nodeinformationresponse': 140,
  'icmp6-ineighbordiscoverysolicit': 141, 'icmp6-ineighbordiscoveryadvert': 142,
  'icmp6-multicastlistenerreportv2': 143, 'icmp6-homeagentdiscoveryrequest': 144,
  'icmp6-homeagentdiscoveryreply': 145, 'icmp6-mobileprefixsolicit': 146, 'icmp6-mobileprefixadvert': 147,
  'icmp6-certpathsolicit': 148, 'icmp6-certpathadvert': 149, 'icmp6-multicastrouteradvert': 151,
  'icmp6-multicastroutersolicit': 152, 'icmp6-multicastrouterterm': 153,
  tcpflags: 13, 'tcp-fin': 0x01, 'tcp-syn': 0x02, 'tcp-rst': 0x04, 'tcp-push': 0x08, 'tcp-ack': 0x10,
  'tcp-urg': 0x20, 'tcp-ece': 0x40, 'tcp-cwr': 0x80,
}));

// The scanner's patterns, as sources to combine. N is a number: hex first,
// so that a pattern ending in N takes all of "0x1f" as flex would.
const N = '(?:0[xX][0-9A-Fa-f]+|[0-9]+)';
const B = '[0-9A-Fa-f]{1,2}';
const B2 = '[0-9A-Fa-f]{4}';
const W = '[0-9A-Fa-f]{1,4}';
const V4 = `${N}\\.${N}\\.${N}\\.${N}`;

const sticky = (source: string): RegExp => new RegExp(source, 'y');

const ID = sticky('[A-Za-z0-9](?:[-_.A-Za-z0-9]*[.A-Za-z0-9])?');
const ESCAPED_ID = sticky('\\\\[^ !()\\n\\t]+');
const NUMBER = sticky(N);
// Longest form first: a regex alternation takes the first that matches.
const HID = sticky(`${N}\\.${N}\\.${N}\\.${N}|${N}\\.${N}\\.${N}|${N}\\.${N}`);
const AID = sticky(`\\$${B}`);
const MAC_FORMS = [`${B}:${B}:${B}:${B}:${B}:${B}`, `${B}-${B}-${B}-${B}-${B}-${B}`,
  `${B}\\.${B}\\.${B}\\.${B}\\.${B}\\.${B}`, `${B2}\\.${B2}\\.${B2}`, `${B2}${B2}${B2}`].map(sticky);
const BAD_MAC = sticky(`${B}:+(?:${B}:+)+`);
// Every IPv6 form the scanner lists: n groups, "::" after group i, or six
// groups then a dotted IPv4 address.
const V6_FORMS: RegExp[] = (() => {
  const forms = [Array(8).fill(W).join(':')];
  for (let groups = 7; groups >= 0; groups--) {
    for (let before = 0; before <= groups; before++) {
      forms.push(`${Array(before).fill(W).join(':')}::${Array(groups - before).fill(W).join(':')}`);
    }
  }
  forms.push(`${Array(6).fill(W).join(':')}:${V4}`);
  for (let groups = 5; groups >= 0; groups--) {
    for (let before = 0; before <= groups; before++) {
      const after = Array(groups - before).fill(W).map((w) => `${w}:`).join('');
      forms.push(`${Array(before).fill(W).join(':')}::${after}${V4}`);
    }
  }
  return forms.map(sticky);
})();
// A V6 form has a ':' within its first five characters; a cheap test before
// the sixty patterns.
const MAYBE_V6 = sticky('[0-9A-Fa-f]{0,4}:');
const OPERATORS2 = ['>=', '<=', '!=', '==', '<<', '>>', '&&', '||'];
const OPERATORS1 = '+-*/%:[]!<>()&|^=';

function matchLength(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m === null ? 0 : m[0].length;
}

/** The value of a scanner number: decimal, `0x` hex, or `0`-prefixed octal (libpcap's stou). */
function numberValue(text: string, expression: string, position: number): number {
  let value: bigint;
  if (/^0[xX]/.test(text)) value = BigInt(text);
  else if (text.length > 1 && text.startsWith('0')) {
    if (/[89]/.test(text)) throw new FilterSyntaxError(`number ${shortened(text)} contains non-octal digit`, expression, position);
    value = BigInt(`0o${text.slice(1)}`);
  } else value = BigInt(text);
  if (value > 0xffffffffn) throw new FilterSyntaxError(`number ${shortened(text)} overflows 32 bits`, expression, position);
  return Number(value);
}

function punctuation(text: string): TokenKind {
  switch (text) {
    case '&&': return 'and';
    case '||': return 'or';
    case '!': return 'not';
    case '(': case ')': case '/': return text;
    default: return 'operator';
  }
}

/**
 * Splits a pcap-filter expression into tokens, as libpcap's scanner does.
 * @throws FilterSyntaxError for a character no token starts with, a number
 * over 32 bits, or an expression longer than {@link MAX_EXPRESSION_LENGTH}.
 */
export function tokenize(expression: string): Token[] {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new FilterSyntaxError(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, expression,
      MAX_EXPRESSION_LENGTH);
  }
  const tokens: Token[] = [];
  let at = 0;
  while (at < expression.length) {
    const c = expression[at];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      at++;
      continue;
    }
    const token = nextToken(expression, at);
    tokens.push(token);
    at += token.kind === 'id' && expression[at] === '\\' ? token.text.length + 1 : token.text.length;
  }
  tokens.push({ kind: 'eof', text: '', position: expression.length });
  return tokens;
}

type Rule = 'keyword' | 'operator' | 'aid' | 'eid' | 'num' | 'hid' | 'hid6' | 'bad-mac' | 'named' | 'id' | 'error';

// The longest match among the scanner's rules at `at`; on a tie the earlier
// rule, in scanner.l's order: keywords, operators, ARCnet, MAC, number, IPv4,
// IPv6, malformed MAC, named numbers, names.
function nextToken(expression: string, at: number): Token {
  const c = expression[at];
  if (c === '\\') {
    const length = matchLength(ESCAPED_ID, expression, at);
    if (length > 0) return { kind: 'id', text: expression.slice(at + 1, at + length), position: at };
  }
  const idLength = matchLength(ID, expression, at);
  const word = expression.slice(at, at + idLength);

  const best: { length: number; rule: Rule } = { length: 0, rule: 'error' };
  const consider = (length: number, rule: Rule): void => {
    if (length > best.length) {
      best.length = length;
      best.rule = rule;
    }
  };
  if (KEYWORDS.has(word)) consider(idLength, 'keyword');
  if (OPERATORS2.includes(expression.slice(at, at + 2))) consider(2, 'operator');
  if (OPERATORS1.includes(c)) consider(1, 'operator');
  consider(matchLength(AID, expression, at), 'aid');
  for (const form of MAC_FORMS) consider(matchLength(form, expression, at), 'eid');
  consider(matchLength(NUMBER, expression, at), 'num');
  consider(matchLength(HID, expression, at), 'hid');
  if (matchLength(MAYBE_V6, expression, at) > 0) {
    for (const form of V6_FORMS) consider(matchLength(form, expression, at), 'hid6');
    consider(matchLength(BAD_MAC, expression, at), 'bad-mac');
  }
  if (NAMED_NUMBERS.has(word)) consider(idLength, 'named');
  consider(idLength, 'id');

  const text = expression.slice(at, at + best.length);
  const { rule } = best;
  switch (rule) {
    case 'error': {
      const shown = JSON.stringify(String.fromCodePoint(expression.codePointAt(at) ?? 0));
      throw new FilterSyntaxError(`unexpected character ${shown}`, expression, at);
    }
    case 'bad-mac':
      throw new FilterSyntaxError(`bogus ethernet address ${shortened(text)}`, expression, at);
    case 'keyword': {
      const keyword = KEYWORDS.get(text) as string;
      if (keyword === 'and' || keyword === 'or' || keyword === 'not') return { kind: keyword, text, position: at };
      return { kind: 'keyword', text, word: keyword, position: at };
    }
    case 'operator':
      return { kind: punctuation(text), text, position: at };
    case 'num':
      return { kind: 'num', text, value: numberValue(text, expression, at), position: at };
    case 'named':
      return { kind: 'num', text, value: NAMED_NUMBERS.get(text), position: at };
    default:
      return { kind: rule, text, position: at };
  }
}
