import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { FuzzyDate } from "../../kit/schema/dates.js";
import { SourceKind } from "./statement.enums.js";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A document that reports statements, claims or incidents." })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: "When the document was published, when known." })
  publishedAt!: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: "When Meridian read the document (ISO 8601 timestamp)." })
  retrievedAt!: string | null;
}
