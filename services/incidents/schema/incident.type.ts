import "reflect-metadata";
import { GdeltMeasures } from "../../kit/schema/gdelt-measures.js";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { FuzzyDate } from "../../kit/schema/dates.js";
import { IncidentStatus, IncidentType, ParticipantRole } from "./incident.enums.js";

@ObjectType({ description: "Deaths reported for an incident: a range where sources differ, a best estimate where one is given." })
export class Fatalities {
  @Field(() => Int, { nullable: true })
  low!: number | null;

  @Field(() => Int, { nullable: true, description: "The best estimate (ACLED's fatalities)." })
  best!: number | null;

  @Field(() => Int, { nullable: true })
  high!: number | null;
}

@ObjectType({ description: "GDELT's measures of an event and of its coverage, as GDELT gives them." })
export class GdeltEventMeasures extends GdeltMeasures {}

@ObjectType({ description: "The incident's classification in the dataset it came from, kept verbatim." })
export class SourceTaxonomy {
  @Field(() => String, { description: "MERIDIAN, ACLED or GDELT." })
  dataset!: string;

  @Field(() => String, { nullable: true, description: 'ACLED disorder type ("Political violence").' })
  disorderType!: string | null;

  @Field(() => String, { nullable: true, description: 'ACLED event type ("Battles").' })
  eventType!: string | null;

  @Field(() => String, { nullable: true, description: 'ACLED sub-event type ("Armed clash").' })
  subEventType!: string | null;

  @Field(() => String, { nullable: true, description: 'CAMEO event code, leading zeros kept ("0841").' })
  cameoCode!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "The record's version in its dataset (ACLED's timestamp, Unix seconds): an import of an older version leaves the incident as it is.",
  })
  recordVersion!: number | null;

  @Field(() => Int, { nullable: true, description: "ACLED's time precision: 1 the day is known, 2 the week, 3 the month." })
  timePrecision!: number | null;

  @Field(() => [String], { nullable: true, description: 'ACLED\'s tags ("crowd size=no report").' })
  tags!: string[] | null;

  @Field(() => String, { nullable: true, description: 'ACLED\'s interaction: the kinds of the two sides ("State forces-Rebel group").' })
  interaction!: string | null;

  @Field(() => Boolean, { nullable: true, description: "ACLED's civilian targeting: true when civilians were the target; null when the export does not say." })
  civilianTargeting!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ACLED\'s source scale: the reach of the sources that reported the event ("National", "Subnational-Regional"); null when the export does not say.',
  })
  sourceScale!: string | null;

  @Field(() => GdeltEventMeasures, { nullable: true, description: "GDELT's measures, for incidents from GDELT." })
  gdelt!: GdeltEventMeasures | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "Where an incident happened, as one source reports it. Where sources disagree, an incident has several, flagged as disputed." })
export class Place {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "First-level administrative area (region, oblast, province)." })
  admin1!: string | null;

  @Field(() => String, { nullable: true })
  admin2!: string | null;

  @Field(() => String, { nullable: true })
  admin3!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 country code." })
  country!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => Int, { nullable: true, description: "The source's precision code (ACLED: 1 the place itself, 2 nearby, 3 the region)." })
  geoPrecision!: number | null;

  @Field(() => Boolean, { description: "The place Meridian shows first; others are alternatives." })
  isPrimary!: boolean;

  @Field(() => Boolean, { description: "True when sources disagree about where the incident happened." })
  isDisputed!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  incidentId!: string;
  sourceId!: string | null;
}

@ObjectType({ description: "An actor's part in an incident." })
export class Participant {
  @Field(() => ParticipantRole)
  role!: ParticipantRole;

  @Field(() => ParticipantRole, {
    nullable: true,
    description: "For an ASSOCIATE, the side it took part alongside (SIDE_A: ACLED's assoc_actor_1, SIDE_B: assoc_actor_2); null when not said.",
  })
  associatedWith!: ParticipantRole | null;

  @Field(() => Int, { nullable: true, description: "How many people, when the actor is a group (155, 6)." })
  count!: number | null;

  actorId!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "Something that happened: a capture, a clash, a recruitment, a protest." })
export class Incident {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentType)
  type!: IncidentType;

  @Field(() => SourceTaxonomy)
  taxonomy!: SourceTaxonomy;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => FuzzyDate, { description: "When it happened or began." })
  startDate!: FuzzyDate;

  @Field(() => FuzzyDate, { nullable: true, description: "When it ended, for incidents that lasted." })
  endDate!: FuzzyDate | null;

  @Field(() => IncidentStatus)
  status!: IncidentStatus;

  @Field(() => Fatalities)
  fatalities!: Fatalities;
}
