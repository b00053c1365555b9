import "reflect-metadata";
import { GdeltMeasures } from "../../kit/schema/gdelt-measures.js";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { FuzzyDate } from "../../kit/schema/dates.js";
import { Modality, StanceKind } from "./statement.enums.js";

@ObjectType({ description: "GDELT's measures of a verbal event and of its coverage, as GDELT gives them." })
export class GdeltStatementMeasures extends GdeltMeasures {}

@ObjectType({ description: "Where a statement's event took place, as its dataset gives it (GDELT's ActionGeo)." })
export class StatementPlace {
  @Field(() => String, { description: 'The place itself ("Berlin").' })
  name!: string;

  @Field(() => String, { description: 'The dataset\'s full name, from the place to its country ("Berlin, Berlin, Germany").' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: "First-level administrative area, from the full name." })
  admin1!: string | null;

  @Field(() => String, { nullable: true, description: 'GDELT\'s ADM1 code: FIPS 10-4 country and area ("GM16").' })
  adm1Code!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 country code." })
  country!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => String, { nullable: true, description: "GDELT's feature ID: a GNS or GNIS feature, or an ADM1 code for areas." })
  featureId!: string | null;

  @Field(() => Int, { nullable: true, description: "GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state." })
  geoType!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "Something an actor said or wrote, as a source reports it." })
export class Statement {
  @Field(() => ID)
  id!: string;

  @Field(() => FuzzyDate, { description: "When it was said, with how precisely that is known." })
  saidAt!: FuzzyDate;

  @Field(() => String, { nullable: true, description: "Where it was said: a briefing, a platform." })
  venue!: string | null;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => String)
  text!: string;

  @Field(() => String, { description: 'BCP 47 language tag of the text ("en", "zh").' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'CAMEO event code of a statement from GDELT, leading zeros kept ("0256").' })
  cameoCode!: string | null;

  @Field(() => GdeltStatementMeasures, { nullable: true, description: "GDELT's measures, for statements from GDELT." })
  gdelt!: GdeltStatementMeasures | null;

  @Field(() => StatementPlace, { nullable: true, description: "Where the event took place, for statements from GDELT that give it (its ActionGeo)." })
  place!: StatementPlace | null;

  /** Null when the record names no single entity (speakerAsWritten says how it wrote it). */
  speakerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A speaker that names no single entity (GDELT\'s bare CAMEO GOV, "PRESIDENT"), as the record wrote it: then speaker is null.',
  })
  speakerAsWritten!: string | null;

  @Field(() => String, { nullable: true, description: "An addressee that names no single entity, as the record wrote it: then addressee is null." })
  addresseeAsWritten!: string | null;
  onBehalfOfId!: string | null;
  sourceId!: string;
  respondsToId!: string | null;
  /** The actor addressed (GDELT's Actor2); not exposed yet. */
  addresseeId!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A proposition that statements take stances on: "155 Chinese citizens fight for Russia".' })
export class Claim {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true, description: "What the subject is claimed to do or be, e.g. FIGHTS_FOR." })
  predicate!: string | null;

  @Field(() => Int, { nullable: true, description: "A number the claim states (155)." })
  quantity!: number | null;

  subjectId!: string | null;
  objectId!: string | null;
  incidentId!: string | null;
}

@ObjectType({ description: "The position one statement takes toward one claim." })
export class Stance {
  @Field(() => StanceKind)
  stance!: StanceKind;

  statementId!: string;
  claimId!: string;
}
