// Generated sources, claims and statements with their stances and the incidents they are
// about, as the document loader stores them.
import type { ClaimRow, SourceRow, StanceRow, StatementIncidentRow, StatementRow } from "../../services/statements/writes/statement-rows.js";
import { firstOfMonth, isoDay, randomDayNumber } from "./dates.js";
import { actorId, claimId, incidentId, sourceId, statementId } from "./ids.js";
import { COUNTRY_WEIGHTS } from "./places.js";
import { Random } from "./random.js";
import type { Scale } from "./scales.js";
import * as words from "./words.js";

const SOURCE_STREAM = 3;
const CLAIM_STREAM = 4;
const STATEMENT_STREAM = 5;

const SOURCE_KINDS: readonly (readonly [SourceRow["kind"], number])[] = [
  ["ARTICLE", 60],
  ["PRESS_BRIEFING", 15],
  ["OFFICIAL_STATEMENT", 10],
  ["SOCIAL_POST", 10],
  ["DATASET_RECORD", 5],
];

export function generateSource(seed: number, index: number): SourceRow {
  const random = new Random(seed, SOURCE_STREAM, index);
  const kind = random.weighted(SOURCE_KINDS);
  const publisher = random.pick(words.PUBLISHERS);
  const country = random.weighted(COUNTRY_WEIGHTS);
  const day = randomDayNumber(random);
  return {
    id: sourceId(index),
    kind,
    title: `${country.adjective} officials on ${random.pick(words.SUBJECTS)} ${random.pick(words.VERBS)} near ${random.pick(country.areas).name}`,
    url: kind === "DATASET_RECORD" ? null : `https://${publisher.toLowerCase().replace(/[^a-z]+/g, "-")}.example/${isoDay(day).slice(0, 4)}/${index}`,
    publisher,
    publishedOn: isoDay(day),
    publishedPrecision: "DAY",
    retrievedAt: new Date(Date.parse(isoDay(day)) + 86_400_000 * (1 + random.int(30))),
  };
}

export function generateClaim(seed: number, index: number, scale: Scale): ClaimRow {
  const random = new Random(seed, CLAIM_STREAM, index);
  const subject = random.pick(words.SUBJECTS);
  const quantity = random.chance(0.4) ? 1 + random.int(500) : null;
  const predicate = random.pick(words.CLAIM_PREDICATES);
  return {
    id: claimId(index),
    text: `${quantity ?? "Some"} ${subject} ${predicate.toLowerCase().replace("_", " ")} ${random.pick(words.OBJECTS)}`,
    subjectId: random.chance(0.8) ? actorId(random.skewed(scale.actors)) : null,
    predicate,
    objectId: random.chance(0.6) ? actorId(random.skewed(scale.actors)) : null,
    quantity,
    incidentId: random.chance(0.5) ? incidentId(random.int(scale.incidents)) : null,
  };
}

const STANCES: readonly (readonly [StanceRow["stance"], number])[] = [
  ["ASSERTS", 35],
  ["SUPPORTS", 15],
  ["DISPUTES", 20],
  ["DENIES", 15],
  ["QUESTIONS", 5],
  ["COMMENTS", 10],
];

export interface GeneratedStatement {
  row: StatementRow;
  stances: StanceRow[];
  incidents: StatementIncidentRow[];
}

export function generateStatement(seed: number, index: number, scale: Scale): GeneratedStatement {
  const random = new Random(seed, STATEMENT_STREAM, index);
  const id = statementId(index);
  const day = randomDayNumber(random);
  const precision = random.weighted([
    ["DAY", 90],
    ["MONTH", 8],
    ["ON_OR_BEFORE", 2],
  ] as const);
  const country = random.weighted(COUNTRY_WEIGHTS);
  const sentences = [
    `${capitalize(random.pick(words.SUBJECTS))} ${random.pick(words.VERBS)} ${random.pick(words.OBJECTS)} near ${random.pick(country.areas).name}.`,
  ];
  for (let more = random.int(3); more > 0; more--) {
    sentences.push(
      random.chance(0.5)
        ? random.pick(words.STANCE_PHRASES)
        : `The ${country.adjective} side says ${random.pick(words.SUBJECTS)} were ${random.pick(words.VERBS)} ${random.pick(["last week", "overnight", "on Monday", "in recent days", "since the spring"])}.`,
    );
  }
  const stances: StanceRow[] = [];
  const claimCount = random.weighted([
    [0, 35],
    [1, 55],
    [2, 10],
  ] as const);
  for (let taken = 0; taken < claimCount; taken++) {
    const claim = claimId(random.skewed(scale.claims));
    if (!stances.some((stance) => stance.claimId === claim)) stances.push({ statementId: id, claimId: claim, stance: random.weighted(STANCES) });
  }
  return {
    row: {
      id,
      speakerId: actorId(random.skewed(scale.actors)),
      onBehalfOfId: random.chance(0.3) ? actorId(random.skewed(scale.actors)) : null,
      saidOn: precision === "MONTH" ? firstOfMonth(isoDay(day)) : isoDay(day),
      saidPrecision: precision,
      venue: random.chance(0.6) ? random.pick(words.VENUES) : null,
      modality: random.weighted([
        ["DIRECT_QUOTE", 50],
        ["PARAPHRASE", 35],
        ["POST", 15],
      ] as const),
      text: sentences.join(" "),
      language: random.weighted([
        ["en", 70],
        ["uk", 10],
        ["ru", 8],
        ["zh", 5],
        ["ar", 5],
        ["fr", 2],
      ] as const),
      sourceId: sourceId(random.int(scale.sources)),
      // Answers earlier statements only, so threads run forward in index order.
      respondsToId: index > 0 && random.chance(0.1) ? statementId(random.int(index)) : null,
    },
    stances,
    incidents: random.chance(0.3) ? [{ statementId: id, incidentId: incidentId(random.int(scale.incidents)) }] : [],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
