// The one error compileFilter raises for an expression it cannot compile:
// bad syntax, a qualifier that does not apply (`tcp host 1.2.3.4`), a value
// out of range, a name it will not resolve, a program too long for the
// kernel. Like tcpdump's "can't parse filter expression", but typed and with
// the place in the expression.

/**
 * An expression given to {@link compileFilter} is not a filter this compiler
 * can build: a syntax error, a qualifier that does not apply to its value
 * (`tcp host 1.2.3.4`), a value out of range, a host name (names are not
 * resolved), a primitive this compiler does not support, or a program longer
 * than `BPF_MAXINSNS`. The message says which, as tcpdump's would; `position`
 * says where. A `TypeError`, as other bad arguments are. pcap-filter(7).
 */
export class FilterSyntaxError extends TypeError {
  /** The expression, as given. */
  readonly expression: string;
  /** Where in `expression` the problem is: a 0-based character offset (its length at the end). */
  readonly position: number;
  /** The message without the expression and position appended. */
  readonly reason: string;

  /**
   * @param reason - What is wrong, without the position.
   * @param expression - The expression.
   * @param position - The 0-based character offset of the offending token.
   */
  constructor(reason: string, expression: string, position: number) {
    const shown = expression.length > 200 ? `${expression.slice(0, 200)}…` : expression;
    super(`${reason} at position ${position} in filter expression ${JSON.stringify(shown)}`);
    this.name = 'FilterSyntaxError';
    this.expression = expression;
    this.position = position;
    this.reason = reason;
  }
}

/** A token for a message: its text, cut short if long. */
export function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
