import "reflect-metadata";
import { Field, Float, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit/pages/pagination.js";
import { Incident } from "./incident.type.js";

@ObjectType({ description: "An incident whose title or summary matches a search, with how well and where." })
export class IncidentSearchHit {
  @Field(() => Float, {
    description: "Relevance (Postgres ts_rank; title words weigh more than summary words); higher is better, comparable within one search only.",
  })
  score!: number;

  @Field(() => String, {
    description:
      "An excerpt of the summary (or, when only the title matches, of the title) with the matching words in <b>…</b>; everything else is HTML-escaped.",
  })
  snippet!: string;

  @Field(() => Incident, { nullable: true, description: "The incident." })
  incident!: Incident | null;
}

export const IncidentSearchConnection = ConnectionType(IncidentSearchHit, "IncidentSearch", "A page of search hits, best first.");
