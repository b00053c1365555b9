// Highlighted excerpts of search hits. ts_headline marks matches with characters no text
// holds, so that the excerpt can be HTML-escaped before the marks become <b> tags: the
// searched texts (titles, summaries, statements) are plain text.
const MATCH_START = "\uE000";
const MATCH_END = "\uE001";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** ts_headline's options: the marks, and how many words an excerpt may have. */
export function headlineOptions(words: { max: number; min: number }): string {
  return `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=${words.max}, MinWords=${words.min}`;
}

/** The excerpt as HTML; whitespace is collapsed, as ts_headline leaves runs of it where it drops markup. */
export function snippetHtml(headline: string): string {
  return headline
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[&<>]/g, (character) => HTML_ESCAPES[character]!)
    .replaceAll(MATCH_START, "<b>")
    .replaceAll(MATCH_END, "</b>");
}
