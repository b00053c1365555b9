import "reflect-metadata";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { FuzzyDateInput } from "../../kit/curation/fuzzy-date.input.js";
import { IncidentStatus, IncidentType, ParticipantRole } from "./incident.enums.js";

@InputType({ description: "Deaths in an incident, as far as known: low ≤ best ≤ high." })
export class FatalitiesInput {
  @Field(() => Int, { nullable: true, description: "The lowest estimate." })
  low?: number | null;

  @Field(() => Int, { nullable: true, description: "The best estimate." })
  best?: number | null;

  @Field(() => Int, { nullable: true, description: "The highest estimate." })
  high?: number | null;
}

@InputType({ description: "Where an incident happened, as one source reports it; exactly one of an incident's places is primary." })
export class PlaceInput {
  @Field(() => String, {
    nullable: true,
    description: 'The key of the place within the incident (its ID is "<incident ID>.<key>"); the slug of its name when left out.',
  })
  key?: string | null;

  @Field(() => String, { description: "The place's name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "First-level administrative area." })
  admin1?: string | null;

  @Field(() => String, { nullable: true, description: "Second-level administrative area." })
  admin2?: string | null;

  @Field(() => String, { nullable: true, description: "Third-level administrative area." })
  admin3?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 country code." })
  country?: string | null;

  @Field(() => Float, { nullable: true, description: "WGS 84 latitude, -90 to 90." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "WGS 84 longitude, -180 to 180." })
  longitude?: number | null;

  @Field(() => Int, { nullable: true, description: "The source's own precision code (ACLED: 1 exact … 3 region)." })
  geoPrecision?: number | null;

  @Field(() => Boolean, { description: "Whether this is the place shown first." })
  primary!: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether sources disagree about it." })
  disputed?: boolean | null;

  @Field(() => ID, { nullable: true, description: "The source that reports this place." })
  source?: string | null;

  @Field(() => String, { nullable: true, description: "A note on the place." })
  note?: string | null;
}

@InputType({ description: "An actor's part in an incident." })
export class ParticipantInput {
  @Field(() => ID, { description: "The actor." })
  actor!: string;

  @Field(() => ParticipantRole, { description: "Its role." })
  role!: ParticipantRole;

  @Field(() => ParticipantRole, { nullable: true, description: "For an ASSOCIATE, the side it took part alongside: SIDE_A or SIDE_B." })
  associatedWith?: ParticipantRole | null;

  @Field(() => Int, { nullable: true, description: "How many took part in that role, e.g. 155 recruits." })
  count?: number | null;
}

@InputType({ description: "A new incident with its places, participants and sources." })
export class CreateIncidentInput {
  @Field(() => String, {
    nullable: true,
    description: 'The key of its ID, "meridian:<key>": lower-case letters, digits and hyphens. The slug of the title when left out.',
  })
  key?: string | null;

  @Field(() => IncidentType, { description: "What sort of incident it is." })
  type!: IncidentType;

  @Field(() => String, { description: "A one-line title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "A summary." })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { description: "When it began." })
  start!: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: "When it ended, if not the day it began." })
  end?: FuzzyDateInput | null;

  @Field(() => IncidentStatus, { description: "How well established it is." })
  status!: IncidentStatus;

  @Field(() => FatalitiesInput, { nullable: true, description: "Deaths, as far as known." })
  fatalities?: FatalitiesInput | null;

  @Field(() => [PlaceInput], { nullable: true, description: "Where it happened; exactly one primary." })
  places?: PlaceInput[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: "Who took part, in which role." })
  participants?: ParticipantInput[] | null;

  @Field(() => [ID], { nullable: true, description: "The sources that report it." })
  sources?: string[] | null;
}

@InputType({
  description:
    "Changes to an incident: fields left out stay as they are; null clears an optional field; places, participants and sources, when given, replace the lists.",
})
export class UpdateIncidentInput {
  @Field(() => IncidentType, { nullable: true, description: "What sort of incident it is." })
  type?: IncidentType | null;

  @Field(() => String, { nullable: true, description: "A one-line title." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "A summary." })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: "When it began." })
  start?: FuzzyDateInput | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: "When it ended." })
  end?: FuzzyDateInput | null;

  @Field(() => IncidentStatus, { nullable: true, description: "How well established it is." })
  status?: IncidentStatus | null;

  @Field(() => FatalitiesInput, { nullable: true, description: "Deaths, as far as known." })
  fatalities?: FatalitiesInput | null;

  @Field(() => [PlaceInput], { nullable: true, description: "Where it happened; replaces all its places." })
  places?: PlaceInput[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: "Who took part; replaces all its participants." })
  participants?: ParticipantInput[] | null;

  @Field(() => [ID], { nullable: true, description: "The sources that report it; replaces all its sources." })
  sources?: string[] | null;
}
