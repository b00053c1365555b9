import "reflect-metadata";
import { Field, Float, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit/pages/pagination.js";
import { Statement } from "./statement.type.js";

@ObjectType({ description: "A statement whose text matches a search, with how well and where." })
export class StatementSearchHit {
  @Field(() => Float, { description: "Relevance (Postgres ts_rank); higher is better, comparable within one search only." })
  score!: number;

  @Field(() => String, { description: "An excerpt of the text with the matching words in <b>…</b>; everything else is HTML-escaped." })
  snippet!: string;

  @Field(() => Statement, { nullable: true, description: "The statement." })
  statement!: Statement | null;
}

export const StatementSearchConnection = ConnectionType(StatementSearchHit, "StatementSearch", "A page of search hits, best first.");
