import "reflect-metadata";
import { Field, InputType } from "type-graphql";
import { IncidentType, ParticipantRole } from "./incident.enums.js";

@InputType({ description: "Conditions an incident must meet; all given conditions apply." })
export class IncidentFilter {
  @Field(() => IncidentType, { nullable: true })
  type?: IncidentType | null;

  @Field(() => String, { nullable: true, description: "Began on or after this day (YYYY-MM-DD)." })
  startFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Began on or before this day (YYYY-MM-DD)." })
  startTo?: string | null;
}

@InputType({ description: "Which of an actor's incidents to list." })
export class ActorIncidentFilter {
  @Field(() => ParticipantRole, { nullable: true, description: "Only incidents where the actor had this role." })
  role?: ParticipantRole | null;
}
