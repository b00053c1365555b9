import "reflect-metadata";
import { Field, Int, ObjectType } from "type-graphql";
import { IncidentType } from "./incident.enums.js";
import { ActorReference } from "./references.type.js";

@ObjectType({ description: "A group of incidents in `incidentStats`: how many, and how many deaths." })
export class IncidentBucket {
  @Field(() => String, {
    nullable: true,
    description:
      'What the bucket stands for, unique within one answer: the period\'s first day (TIME), the type (TYPE), the country code (COUNTRY), "<country>/<area>" (ADMIN1, e.g. "UKR/Donetsk") or the actor\'s ID (ACTOR). Null for the one bucket of the incidents that have none: no country (COUNTRY), no area (ADMIN1), no participant (ACTOR); so the buckets add up to the incidents counted (for ACTOR, an incident counts once per actor).',
  })
  key!: string | null;

  @Field(() => String, { nullable: true, description: "TIME: the first day of the period (YYYY-MM-DD)." })
  start!: string | null;

  @Field(() => IncidentType, { nullable: true, description: "TYPE: the incidents' type." })
  type!: IncidentType | null;

  @Field(() => String, { nullable: true, description: "COUNTRY and ADMIN1: the primary place's country (ISO 3166-1 alpha-3)." })
  country!: string | null;

  @Field(() => String, { nullable: true, description: "ADMIN1: the primary place's first-level area; null in the bucket of incidents without one." })
  admin1!: string | null;

  @Field(() => ActorReference, { nullable: true, description: "ACTOR: the participating actor." })
  actor!: ActorReference | null;

  @Field(() => Int, { description: "How many incidents." })
  count!: number;

  @Field(() => Int, { description: "Their deaths: the sum of best estimates, an unknown estimate counting as 0." })
  fatalities!: number;
}
