import "reflect-metadata";
import { Field, ID, InputType } from "type-graphql";
import { ClaimStatus } from "./claim.enums.js";

@InputType({ description: "Conditions a claim must meet; all given conditions apply." })
export class ClaimFilter {
  @Field(() => ClaimStatus, { nullable: true, description: "With this status (e.g. CONTESTED: asserted by some, disputed by others)." })
  status?: ClaimStatus | null;

  @Field(() => ID, { nullable: true, description: "Whose subject is this actor." })
  subject?: string | null;

  @Field(() => ID, { nullable: true, description: "Whose object is this actor." })
  object?: string | null;

  @Field(() => ID, { nullable: true, description: "About this actor: its subject or its object." })
  about?: string | null;

  @Field(() => ID, { nullable: true, description: "About this incident." })
  incident?: string | null;
}

@InputType({ description: "Which of an actor's or an incident's claims to list." })
export class RelatedClaimFilter {
  @Field(() => ClaimStatus, { nullable: true, description: "With this status (e.g. CONTESTED)." })
  status?: ClaimStatus | null;
}
