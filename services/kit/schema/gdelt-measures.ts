import "reflect-metadata";
import { Field, Float, Int, ObjectType } from "type-graphql";

// GDELT's measures of an event and its coverage, which both incidents (material events) and
// statements (verbal events) keep. Each subgraph exposes them under a type name of its own,
// so the fields are declared once here and inherited.

// type-graphql inherits fields only from an object type; this one is never returned, so no
// subgraph's schema shows it.
@ObjectType("GdeltMeasures")
export abstract class GdeltMeasures {
  @Field(() => Float, { description: "Goldstein scale: the event's likely effect on a country's stability, -10 to +10." })
  goldsteinScale!: number;

  @Field(() => Float, { description: "Average tone of the articles that mention the event, -100 (negative) to +100 (positive)." })
  avgTone!: number;

  @Field(() => Int, { description: "Mentions of the event in the first 15 minutes after it was found." })
  numMentions!: number;

  @Field(() => Int, { description: "Sources that mention it in that time." })
  numSources!: number;

  @Field(() => Int, { description: "Articles that mention it in that time." })
  numArticles!: number;

  @Field(() => String, { description: "When GDELT added the event (DATEADDED), an ISO 8601 time in UTC." })
  dateAdded!: string;
}

/** The measure columns as a row holds them; all null for rows that did not come from GDELT. */
export interface GdeltMeasureColumns {
  goldsteinScale: number | null;
  avgTone: number | null;
  numMentions: number | null;
  numSources: number | null;
  numArticles: number | null;
  dateAdded: Date | null;
}

/** The measures of a row from GDELT; null for any other row. */
export function gdeltMeasuresOf<T extends GdeltMeasures>(type: new () => T, row: GdeltMeasureColumns): T | null {
  const { goldsteinScale, avgTone, numMentions, numSources, numArticles, dateAdded } = row;
  if (goldsteinScale === null || avgTone === null || numMentions === null || numSources === null || numArticles === null || dateAdded === null) return null;
  return Object.assign(new type(), { goldsteinScale, avgTone, numMentions, numSources, numArticles, dateAdded: dateAdded.toISOString() });
}
