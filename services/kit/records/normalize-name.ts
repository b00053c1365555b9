// The form in which names are compared (aliases.normalized_value): sources spell the same
// actor with and without accents, in any case, and with punctuation of their own.

const COMBINING_MARKS = /\p{M}+/gu;
// Transliterations of Ukrainian and Russian names keep or drop the soft-sign apostrophe at
// will ("Zelens'kyi", "Zelenskyi"), so apostrophes vanish instead of splitting the word.
const APOSTROPHES = /['’ʼʹ`´]/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** "  Volodymyr  Zelens'kyi " → "volodymyr zelenskyi"; "Military Forces of Russia (2022-)" → "military forces of russia 2022". */
export function normalizeName(name: string): string {
  return name.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(APOSTROPHES, "").replace(NOT_LETTER_OR_DIGIT, " ").trim();
}
