import "reflect-metadata";
import { Field, ID, InputType } from "type-graphql";
import { LinkMethod, LinkStatus } from "./actor-link.type.js";
import { AliasScheme } from "./actor.enums.js";

@InputType({ description: "Conditions a link must meet; all given conditions apply." })
export class ActorLinkFilter {
  @Field(() => LinkStatus, { nullable: true, description: "Only links with this status (PROPOSED: those no editor has decided yet)." })
  status?: LinkStatus | null;

  @Field(() => LinkMethod, { nullable: true, description: "Only links made this way." })
  method?: LinkMethod | null;

  @Field(() => AliasScheme, { nullable: true, description: "Only identifiers of this scheme." })
  scheme?: AliasScheme | null;

  @Field(() => ID, { nullable: true, description: "Only links to this actor (its own ID, not one merged into it)." })
  actor?: string | null;
}
