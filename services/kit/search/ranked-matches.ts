// How many matches a full-text search ranks: the most recent ones. Ranking reads the search
// document of every match it ranks, so ranking them all costs as much as there are matches
// (a common word is in 97,000 of a million generated statements: 0.6 s a page, growing with
// the data). Ranked among the newest thousand, a page costs the same at any size. A broader
// query therefore pages through at most this many hits, best first; `totalCount` still
// counts every match, and more words or a filter narrow the matches to what is wanted.
export const RANKED_MATCHES = 1000;
