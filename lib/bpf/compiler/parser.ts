// The parser of pcap-filter expressions: libpcap's grammar.y, by recursive
// descent. What the yacc grammar decides with its parser stack is kept:
//   - `and` and `or` have one precedence and group to the left; `not` binds
//     tighter;
//   - after `and`/`or`, a bare value (`53`, `1.2.3.4`, `(80 or 53)`) takes
//     the qualifiers of the primitive before it, even across `not` and a
//     parenthesised expression (whose qualifiers are those before its "(");
//   - inside a value's parentheses only values may follow `and`/`or`
//     (`host (1.1.1.1 or 2.2.2.2)`), and a parenthesised number is a number.
import { FilterSyntaxError, shortened } from './filter_syntax_error';
import { tokenize, type Token } from './tokens';
import { NO_QUALIFIERS, type FilterNode, type FilterValue, type Qualifiers } from './syntax_tree';

/** How deeply parentheses may nest: the parser recurses once per level. */
export const MAX_NESTING = 100;

/** The protocol keywords that qualify a value or stand alone (grammar.y's `pname`). */
export const PROTOCOL_KEYWORDS: ReadonlySet<string> = new Set([
  'link', 'ip', 'arp', 'rarp', 'sctp', 'tcp', 'udp', 'icmp', 'igmp', 'igrp', 'pim', 'vrrp', 'carp', 'atalk',
  'aarp', 'decnet', 'lat', 'sca', 'moprc', 'mopdl', 'ip6', 'icmp6', 'ah', 'esp', 'iso', 'esis', 'isis', 'l1',
  'l2', 'iih', 'lsp', 'snp', 'psnp', 'csnp', 'clnp', 'stp', 'ipx', 'netbeui', 'radio',
]);

const ARITHMETIC_PRIMITIVES = 'arithmetic comparisons (ip[9] = 6, len > 100)';

// Primitives of the language this compiler does not build, by the keyword
// they start with.
const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  ...['byte', 'len'].map((k): [string, string] => [k, ARITHMETIC_PRIMITIVES]),
  ...['inbound', 'outbound', 'ifindex'].map((k): [string, string] => [k, `'${k}'`]),
  ...['vlan', 'mpls', 'pppoed', 'pppoes', 'geneve', 'vxlan', 'llc'].map((k): [string, string] => [k, `'${k}'`]),
  ...['ifname', 'ruleset', 'rulenum', 'subrulenum', 'reason', 'action'].map((k): [string, string] =>
    [k, 'pflog primitives']),
  ...['type', 'subtype', 'direction', 'address1', 'address2', 'address3', 'address4', 'ra', 'ta']
    .map((k): [string, string] => [k, '802.11 primitives']),
  ...['lane', 'metac', 'bcc', 'oamf4ec', 'oamf4sc', 'sc', 'ilmic', 'oam', 'oamf4', 'vpi', 'vci', 'connectmsg',
    'metaconnect'].map((k): [string, string] => [k, 'ATM primitives']),
  ...['fisu', 'lssu', 'msu', 'hfisu', 'hlssu', 'hmsu', 'sio', 'opc', 'dpc', 'sls', 'hsio', 'hopc', 'hdpc', 'hsls']
    .map((k): [string, string] => [k, 'SS7 primitives']),
]);

const ADDRESS_KEYWORDS = new Set(['host', 'net', 'port', 'portrange']);
const VALUE_KINDS = new Set(['num', 'hid', 'hid6', 'eid', 'aid', 'id']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '=', '==', '!=', '<', '>', '<=',
  '>=', '[']);

/** A parsed piece and the qualifiers a bare value after it inherits. */
interface Parsed {
  node: FilterNode;
  qualifiers: Qualifiers;
}

/**
 * Parses a pcap-filter expression into its syntax tree; null for an empty
 * expression (which accepts every packet).
 * @throws FilterSyntaxError where the expression breaks the grammar.
 */
export function parseFilter(expression: string): FilterNode | null {
  return new Parser(expression).program();
}

class Parser {
  readonly #expression: string;
  readonly #tokens: Token[];
  #at = 0;
  #depth = 0;

  constructor(expression: string) {
    this.#expression = expression;
    this.#tokens = tokenize(expression);
  }

  program(): FilterNode | null {
    if (this.#peek().kind === 'eof') return null;
    const { node } = this.#expressionFrom(NO_QUALIFIERS);
    if (this.#peek().kind !== 'eof') throw this.#syntaxError();
    return node;
  }

  // expr: term { (and|or) (term|id) }, grouped to the left.
  #expressionFrom(before: Qualifiers): Parsed {
    let { node, qualifiers } = this.#term(before);
    for (let op = this.#peek().kind; op === 'and' || op === 'or'; op = this.#peek().kind) {
      this.#next();
      const right = this.#termOrValue(qualifiers);
      node = { kind: op, left: node, right: right.node };
      qualifiers = right.qualifiers;
    }
    return { node, qualifiers };
  }

  // After `and`/`or`: a term, or a bare value that inherits `qualifiers`. A
  // "(" opens a value list if the first thing inside is a value.
  #termOrValue(qualifiers: Qualifiers): Parsed {
    const negated = this.#nots();
    const token = this.#peek();
    let parsed: Parsed;
    if (VALUE_KINDS.has(token.kind) || (token.kind === '(' && this.#parenthesisHoldsValue())) {
      parsed = { node: this.#value(qualifiers), qualifiers };
    } else {
      parsed = this.#unnegatedTerm(qualifiers);
    }
    return negated ? { node: { kind: 'not', operand: parsed.node }, qualifiers: parsed.qualifiers } : parsed;
  }

  #parenthesisHoldsValue(): boolean {
    let i = this.#at;
    while (this.#tokens[i].kind === '(' || this.#tokens[i].kind === 'not') i++;
    return VALUE_KINDS.has(this.#tokens[i].kind);
  }

  // term: { not } ( "(" expr ")" | head id | pname | other ).
  #term(before: Qualifiers): Parsed {
    const negated = this.#nots();
    const parsed = this.#unnegatedTerm(before);
    return negated ? { node: { kind: 'not', operand: parsed.node }, qualifiers: parsed.qualifiers } : parsed;
  }

  #unnegatedTerm(before: Qualifiers): Parsed {
    const token = this.#peek();
    if (token.kind === '(') {
      this.#open();
      const inner = this.#expressionFrom(before);
      this.#close();
      // A parenthesised expression passes on the qualifiers from before it.
      return { node: inner.node, qualifiers: before };
    }
    if (token.kind === 'num' && this.#arithmeticFollows()) throw this.#unsupported(ARITHMETIC_PRIMITIVES, token);
    if (token.kind !== 'keyword') throw this.#syntaxError();
    const word = token.word as string;
    const unsupported = UNSUPPORTED.get(word);
    if (unsupported !== undefined) throw this.#unsupported(unsupported, token);
    if (word === 'less' || word === 'greater') {
      this.#next();
      const length = this.#expect('num');
      return { node: { kind: word, length: length.value as number, position: token.position }, qualifiers: NO_QUALIFIERS };
    }
    let proto = 'default';
    if (PROTOCOL_KEYWORDS.has(word)) {
      this.#next();
      proto = word;
      if (this.#peek().kind === 'operator' && this.#peek().text === '[') {
        throw this.#unsupported(ARITHMETIC_PRIMITIVES, this.#peek());
      }
    }
    const next = this.#peek();
    const nextWord = next.kind === 'keyword' ? next.word as string : '';
    if (nextWord === 'broadcast' || nextWord === 'multicast') {
      this.#next();
      return { node: { kind: nextWord, protocol: proto, position: token.position }, qualifiers: NO_QUALIFIERS };
    }
    if (nextWord === 'src' || nextWord === 'dst' || ADDRESS_KEYWORDS.has(nextWord) || nextWord === 'proto'
      || nextWord === 'protochain' || nextWord === 'gateway') {
      const qualifiers = this.#head(proto);
      return { node: this.#value(qualifiers), qualifiers };
    }
    if (proto !== 'default') {
      return { node: { kind: 'protocol', protocol: proto, position: token.position }, qualifiers: NO_QUALIFIERS };
    }
    const wlan = UNSUPPORTED.get(nextWord);
    throw wlan !== undefined ? this.#unsupported(wlan, next) : this.#syntaxError();
  }

  // head: [pname] ( dqual [aqual] | aqual | proto | protochain | gateway ).
  #head(proto: string): Qualifiers {
    let dir: Qualifiers['dir'] = 'default';
    let addr: Qualifiers['addr'] = 'default';
    const first = this.#peek();
    if (first.word === 'src' || first.word === 'dst') {
      this.#next();
      dir = first.word;
      const joiner = this.#peek().kind;
      if (joiner === 'and' || joiner === 'or') {
        // "src or dst", "dst and src": the other direction must follow.
        this.#next();
        const other = this.#peek();
        if (other.kind !== 'keyword' || other.word !== (dir === 'src' ? 'dst' : 'src')) throw this.#syntaxError();
        this.#next();
        dir = joiner;
      }
      const next = this.#peek();
      if (next.kind === 'keyword' && ADDRESS_KEYWORDS.has(next.word as string)) {
        this.#next();
        addr = next.word as Qualifiers['addr'];
      }
    } else {
      this.#next();
      addr = first.word as Qualifiers['addr'];
    }
    return { proto, dir, addr };
  }

  // id: { not } ( value | "(" pid ")" ).
  #value(qualifiers: Qualifiers): FilterNode {
    const negated = this.#nots();
    const token = this.#peek();
    let node: FilterNode;
    if (token.kind === '(') {
      this.#open();
      node = this.#valueList(qualifiers);
      this.#close();
    } else {
      node = { kind: 'value', qualifiers, value: this.#plainValue(), position: token.position };
    }
    return negated ? { kind: 'not', operand: node } : node;
  }

  // pid: qid { (and|or) id }, where qid is a value or a parenthesised number.
  #valueList(qualifiers: Qualifiers): FilterNode {
    let node: FilterNode;
    const first = this.#peek();
    if (first.kind === '(') {
      node = { kind: 'value', qualifiers, value: { type: 'number', value: this.#parenthesisedNumber() },
        position: first.position };
    } else {
      node = this.#value(qualifiers);
    }
    for (let op = this.#peek().kind; op === 'and' || op === 'or'; op = this.#peek().kind) {
      this.#next();
      node = { kind: op, left: node, right: this.#value(qualifiers) };
    }
    return node;
  }

  #parenthesisedNumber(): number {
    this.#open();
    const value = this.#peek().kind === '(' ? this.#parenthesisedNumber() : this.#expect('num').value as number;
    this.#close();
    return value;
  }

  #plainValue(): FilterValue {
    const token = this.#next();
    switch (token.kind) {
      case 'num':
        return { type: 'number', value: token.value as number };
      case 'hid':
        if (this.#peek().kind === '/') {
          this.#next();
          return { type: 'ipv4-prefix', text: token.text, bits: this.#expect('num').value as number };
        }
        if (this.#peek().word === 'mask') {
          this.#next();
          return { type: 'ipv4-netmask', text: token.text, mask: this.#expect('hid').text };
        }
        return { type: 'ipv4', text: token.text };
      case 'hid6':
        if (this.#peek().kind === '/') {
          this.#next();
          return { type: 'ipv6', text: token.text, bits: this.#expect('num').value as number };
        }
        return { type: 'ipv6', text: token.text, bits: 128 };
      case 'eid':
        return { type: 'mac', text: token.text };
      case 'aid':
        return { type: 'arcnet', text: token.text };
      case 'id':
        return { type: 'name', text: token.text };
      default:
        this.#at--;
        throw this.#syntaxError();
    }
  }

  // Consumes a run of `not`/`!`; true if it was odd.
  #nots(): boolean {
    let negated = false;
    while (this.#peek().kind === 'not') {
      this.#next();
      negated = !negated;
    }
    return negated;
  }

  #open(): void {
    this.#next();
    if (++this.#depth > MAX_NESTING) {
      throw new FilterSyntaxError(`parentheses nested more than ${MAX_NESTING} deep`, this.#expression,
        this.#tokens[this.#at - 1].position);
    }
  }

  #close(): void {
    this.#expect(')');
    this.#depth--;
  }

  #arithmeticFollows(): boolean {
    const after = this.#tokens[this.#at + 1];
    return after.kind === 'operator' && ARITHMETIC.has(after.text);
  }

  #peek(): Token {
    return this.#tokens[this.#at];
  }

  #next(): Token {
    const token = this.#tokens[this.#at];
    if (token.kind !== 'eof') this.#at++;
    return token;
  }

  #expect(kind: Token['kind']): Token {
    if (this.#peek().kind !== kind) throw this.#syntaxError();
    return this.#next();
  }

  #syntaxError(): FilterSyntaxError {
    const token = this.#peek();
    const what = token.kind === 'eof' ? 'end of expression' : JSON.stringify(shortened(token.text));
    return new FilterSyntaxError(`syntax error: unexpected ${what}`, this.#expression, token.position);
  }

  #unsupported(what: string, token: Token): FilterSyntaxError {
    return new FilterSyntaxError(`${what} not supported by this filter compiler`, this.#expression, token.position);
  }
}
