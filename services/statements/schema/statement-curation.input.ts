import "reflect-metadata";
import { Field, ID, InputType, Int } from "type-graphql";
import { FuzzyDateInput } from "../../kit/curation/fuzzy-date.input.js";
import { Modality, SourceKind, StanceKind } from "./statement.enums.js";

const KEY_DESCRIPTION = 'The key of its ID, "meridian:<key>": lower-case letters, digits and hyphens.';

@InputType({ description: "A new source: the document that reports statements or incidents." })
export class CreateSourceInput {
  @Field(() => String, { nullable: true, description: `${KEY_DESCRIPTION} The slug of the title when left out.` })
  key?: string | null;

  @Field(() => SourceKind, { description: "What sort of document it is." })
  kind!: SourceKind;

  @Field(() => String, { description: "Its title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Where it is published, an http(s) URL." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "Who published it." })
  publisher?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: "When it was published." })
  published?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true, description: "When it was read, an ISO 8601 date-time with a time zone." })
  retrievedAt?: string | null;
}

@InputType({ description: "The stance a statement takes on a claim." })
export class StanceInput {
  @Field(() => ID, { description: "The claim." })
  claim!: string;

  @Field(() => StanceKind, { description: "Whether the statement asserts, supports, disputes, denies, questions or comments on the claim." })
  stance!: StanceKind;
}

@InputType({ description: "A new statement, with the stances it takes on claims and the incidents it is about." })
export class CreateStatementInput {
  @Field(() => String, { nullable: true, description: `${KEY_DESCRIPTION} The slug of the text when left out.` })
  key?: string | null;

  @Field(() => ID, { description: "The actor who said it." })
  speaker!: string;

  @Field(() => ID, { nullable: true, description: "The actor the speaker spoke for (a ministry for its spokesperson)." })
  onBehalfOf?: string | null;

  @Field(() => FuzzyDateInput, { description: "When it was said." })
  said!: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: "Where it was said: a briefing, a channel." })
  venue?: string | null;

  @Field(() => Modality, { description: "How the text relates to what was said." })
  modality!: Modality;

  @Field(() => String, { description: "What was said." })
  text!: string;

  @Field(() => String, { description: "BCP 47 language tag of the text as quoted, e.g. en or zh-Hans." })
  language!: string;

  @Field(() => ID, { description: "The source that reports it." })
  source!: string;

  @Field(() => ID, { nullable: true, description: "The statement it responds to." })
  respondsTo?: string | null;

  @Field(() => [StanceInput], { nullable: true, description: "Its stances on claims, one per claim." })
  stances?: StanceInput[] | null;

  @Field(() => [ID], { nullable: true, description: "The incidents it is about." })
  incidents?: string[] | null;
}

@InputType({
  description: "Changes to a statement: fields left out stay as they are; null clears an optional field; stances and incidents, when given, replace the lists.",
})
export class UpdateStatementInput {
  @Field(() => ID, { nullable: true, description: "The actor who said it." })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor the speaker spoke for." })
  onBehalfOf?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: "When it was said." })
  said?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true, description: "Where it was said." })
  venue?: string | null;

  @Field(() => Modality, { nullable: true, description: "How the text relates to what was said." })
  modality?: Modality | null;

  @Field(() => String, { nullable: true, description: "What was said." })
  text?: string | null;

  @Field(() => String, { nullable: true, description: "BCP 47 language tag of the text." })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: "The source that reports it." })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: "The statement it responds to." })
  respondsTo?: string | null;

  @Field(() => [StanceInput], { nullable: true, description: "Its stances on claims; replaces all it had." })
  stances?: StanceInput[] | null;

  @Field(() => [ID], { nullable: true, description: "The incidents it is about; replaces all it had." })
  incidents?: string[] | null;
}

@InputType({ description: "A new claim: a proposition statements take stances on." })
export class CreateClaimInput {
  @Field(() => String, { nullable: true, description: `${KEY_DESCRIPTION} The slug of the text when left out.` })
  key?: string | null;

  @Field(() => String, { description: 'The proposition, e.g. "155 Chinese citizens fight for Russia in Ukraine".' })
  text!: string;

  @Field(() => ID, { nullable: true, description: "The actor the claim is about." })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "What is said of the subject, e.g. FIGHTS_FOR." })
  predicate?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor the predicate relates the subject to." })
  object?: string | null;

  @Field(() => Int, { nullable: true, description: "A number the claim states, e.g. 155." })
  quantity?: number | null;

  @Field(() => ID, { nullable: true, description: "The incident the claim is about." })
  incident?: string | null;
}

@InputType({ description: "Changes to a claim: fields left out stay as they are; null clears an optional field." })
export class UpdateClaimInput {
  @Field(() => String, { nullable: true, description: "The proposition." })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor the claim is about." })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "What is said of the subject." })
  predicate?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor the predicate relates the subject to." })
  object?: string | null;

  @Field(() => Int, { nullable: true, description: "A number the claim states." })
  quantity?: number | null;

  @Field(() => ID, { nullable: true, description: "The incident the claim is about." })
  incident?: string | null;
}
