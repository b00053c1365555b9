// What no string a client sends may be, whatever the field: shared by the check of every
// argument (input-strings.ts) and the document fields (services/kit/records/document-fields.ts),
// which is why it imports nothing.

/** The longest string any argument takes: long enough for a statement's text, far below the 1 MB body limit. */
export const MAX_INPUT_STRING_LENGTH = 100_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why no stored text may hold these characters, or undefined when it may. */
export function characterProblem(value: string): string | undefined {
  if (value.includes("\u0000")) return "must not contain a NUL character (\\u0000), which Postgres cannot store in text";
  if (LONE_SURROGATE.test(value)) return "must not contain a lone UTF-16 surrogate (\\uD800–\\uDFFF without its pair), which is not a character";
  return undefined;
}

/** What is wrong with a string a client sent, or undefined. */
export function inputStringProblem(value: string): string | undefined {
  if (value.length > MAX_INPUT_STRING_LENGTH) {
    return `must be at most ${MAX_INPUT_STRING_LENGTH.toLocaleString("en")} characters, got ${value.length.toLocaleString("en")}`;
  }
  return characterProblem(value);
}
