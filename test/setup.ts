// jest runs each test file in a vm context, which lacks the Symbol.dispose
// that Node defines (as a registered symbol); give it the same one, so that
// `using` in tests behaves as in a plain Node program.
const symbols = Symbol as unknown as Record<string, symbol>;
symbols.dispose ??= Symbol.for('nodejs.dispose');
symbols.asyncDispose ??= Symbol.for('nodejs.asyncDispose');
