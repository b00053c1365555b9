import "reflect-metadata";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { DateRange } from "../../kit/schema/date-range.js";
import { SortOrder } from "../../kit/pages/sort-order.js";
import { IncidentSortField, IncidentStatus, IncidentType, ParticipantRole } from "./incident.enums.js";

@InputType({ description: "Incidents in which an actor took part, in any role or in one." })
export class ParticipantFilter {
  @Field(() => ID, { description: "The actor's ID." })
  actor!: string;

  @Field(() => ParticipantRole, { nullable: true, description: "Only where the actor had this role." })
  role?: ParticipantRole | null;
}

@InputType({ description: "A latitude/longitude rectangle (WGS 84 degrees); edges are inclusive. It may not cross the antimeridian." })
export class BoundingBox {
  @Field(() => Float, { description: "Southern edge, -90 to 90." })
  minLatitude!: number;

  @Field(() => Float, { description: "Northern edge, -90 to 90, not below minLatitude." })
  maxLatitude!: number;

  @Field(() => Float, { description: "Western edge, -180 to 180." })
  minLongitude!: number;

  @Field(() => Float, { description: "Eastern edge, -180 to 180, not below minLongitude." })
  maxLongitude!: number;
}

@InputType({ description: "A range of the best estimate of deaths; both ends are inclusive and optional." })
export class FatalitiesRange {
  @Field(() => Int, { nullable: true, description: "At least this many deaths (0 or more)." })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: "At most this many deaths (0 or more, not below min)." })
  max?: number | null;
}

@InputType({ description: "Conditions an incident must meet; all given conditions apply." })
export class IncidentFilter {
  @Field(() => IncidentType, { nullable: true, description: "Of this type." })
  type?: IncidentType | null;

  @Field(() => [IncidentType], { nullable: true, description: "Of any of these types (at least one)." })
  types?: IncidentType[] | null;

  @Field(() => IncidentStatus, { nullable: true, description: "With this status." })
  status?: IncidentStatus | null;

  @Field(() => String, { nullable: true, description: 'Whose primary place is in this country (ISO 3166-1 alpha-3, e.g. "UKR").' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Whose primary place is in this first-level area, as the source names it (e.g. "Donetsk").' })
  admin1?: string | null;

  @Field(() => DateRange, { nullable: true, description: "Which happened or began within these days (`startDate`)." })
  occurred?: DateRange | null;

  @Field(() => ParticipantFilter, { nullable: true, description: "In which this actor took part." })
  participant?: ParticipantFilter | null;

  @Field(() => BoundingBox, { nullable: true, description: "Whose primary place lies in this rectangle; incidents without coordinates are left out." })
  bbox?: BoundingBox | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: with at least one death (best estimate); false: with none reported (best estimate 0 or unknown).",
  })
  hasFatalities?: boolean | null;

  @Field(() => FatalitiesRange, { nullable: true, description: "Whose best estimate of deaths lies in this range; incidents without one are left out." })
  fatalities?: FatalitiesRange | null;

  @Field(() => String, { nullable: true, description: 'From this dataset, as `taxonomy.dataset` names it: "MERIDIAN", "ACLED" or "GDELT".' })
  dataset?: string | null;
}

@InputType({ description: "The order of a list of incidents." })
export class IncidentSort {
  @Field(() => IncidentSortField, { defaultValue: IncidentSortField.OCCURRED_AT, description: "What to sort by." })
  by: IncidentSortField = IncidentSortField.OCCURRED_AT;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC, description: "Which way: ASC oldest first, DESC newest first." })
  order: SortOrder = SortOrder.ASC;
}

@InputType({ description: "Which of an actor's incidents to list." })
export class ActorIncidentFilter {
  @Field(() => ParticipantRole, { nullable: true, description: "Only incidents where the actor had this role." })
  role?: ParticipantRole | null;
}
