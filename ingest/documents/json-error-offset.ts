// Where a text stops being valid JSON. JSON.parse says so for some errors only ("at position
// N") and, depending on the Node version, not for an unexpected token at all; this scan of
// the JSON grammar finds the offset for every error, so that any can be reported at its line.

class InvalidAt {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX_DIGIT = /[0-9a-fA-F]/;

/** The offset of the first character at which `text` is not JSON; its length when the text ends too early. */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new InvalidAt(at);
  };
  const skipWhitespace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at += 1;
  };
  const expect = (char: string) => {
    if (text[at] !== char) fail();
    at += 1;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[at];
      if (char === undefined || char < " ") fail();
      at += 1;
      if (char === '"') return;
      if (char !== "\\") continue;
      const escaped = text[at];
      if (escaped === "u") {
        at += 1;
        for (let digit = 0; digit < 4; digit += 1) {
          if (!HEX_DIGIT.test(text[at] ?? "")) fail();
          at += 1;
        }
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        at += 1;
      } else {
        fail();
      }
    }
  };
  const list = (close: string, item: () => void) => {
    at += 1;
    skipWhitespace();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      skipWhitespace();
      if (text[at] !== ",") return expect(close);
      at += 1;
    }
  };
  const value = (): void => {
    skipWhitespace();
    const char = text[at];
    if (char === "{") {
      return list("}", () => {
        skipWhitespace();
        string();
        skipWhitespace();
        expect(":");
        value();
      });
    }
    if (char === "[") return list("]", value);
    if (char === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (char === word[0]) {
        for (const letter of word) expect(letter);
        return;
      }
    }
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) fail();
    at = NUMBER.lastIndex;
  };
  try {
    value();
    skipWhitespace();
    if (at < text.length) fail();
  } catch (error) {
    if (error instanceof InvalidAt) return error.offset;
    throw error;
  }
  return text.length;
}
