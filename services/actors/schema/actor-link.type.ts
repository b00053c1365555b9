import "reflect-metadata";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { type EnumValue, registerDescribedEnum } from "../../kit/schema/described-enum.js";
import { LINK_METHOD_VALUES, LINK_STATUS_VALUES } from "../data/tables.js";
import { type ActorKind, AliasScheme } from "./actor.enums.js";

export const LinkMethod = registerDescribedEnum(LINK_METHOD_VALUES, {
  name: "LinkMethod",
  description: "How a dataset's identifier came to be joined to an actor that dataset did not create.",
  valueDescriptions: {
    SAME_CODE: "The actor holds the same code or ACLED name (the story's Russia holds CAMEO RUS). Confidence 1.",
    CROSSWALK:
      "A crosswalk rule between schemes: ACLED's state forces, police or government of the period in force are CAMEO <country>MIL, COP or GOV. Confidence 0.9.",
    NAME_AND_COUNTRY: "The same name, and the same country where both have one, of the only such actor. Confidence 0.7.",
    EDITOR: "An editor merged the identifier's actor into this one (mergeActors). Confidence 1.",
  },
});
export type LinkMethod = EnumValue<typeof LinkMethod>;

export const LinkStatus = registerDescribedEnum(LINK_STATUS_VALUES, {
  name: "LinkStatus",
  description: "What editors decided of a link.",
  valueDescriptions: {
    PROPOSED: "Made by an import or a merge; no editor has decided. The identifier names the actor.",
    CONFIRMED: "An editor confirmed it (confirmActorLink). The identifier names the actor.",
    REJECTED: "An editor decided the two are not the same (rejectActorLink): the identifier names an actor of its own, and no import joins them again.",
    SPLIT: "An editor decided the two are related but distinct (splitActorLink): the identifier names an actor of its own, related to this one.",
  },
});
export type LinkStatus = EnumValue<typeof LinkStatus>;

@ObjectType({
  description:
    "A dataset's identifier (an ACLED actor name, a CAMEO code) joined to an actor that dataset did not create, with how the link was made, how sure it is and what editors decided. A link in force (PROPOSED, CONFIRMED) makes the identifier name the actor: imports of that dataset resolve it there.",
})
export class ActorLink {
  @Field(() => AliasScheme)
  scheme!: AliasScheme;

  @Field(() => String, { description: 'The identifier in its scheme: "Military Forces of Somalia (2022-)", "RUS".' })
  value!: string;

  @Field(() => LinkMethod)
  method!: LinkMethod;

  @Field(() => Float, { description: "0 to 1: how likely the identifier denotes the actor, by the method; 1 once an editor confirms." })
  confidence!: number;

  @Field(() => String, { description: "The rule or the evidence, in words." })
  rule!: string;

  @Field(() => LinkStatus)
  status!: LinkStatus;

  @Field(() => ID, {
    description:
      "The ID the identifier's actor has on its own: the dataset actor merged into this one, or the one its dataset would have created. Rejecting or splitting the link makes that actor (see separateActor); while the link stands, an ID merged into the actor resolves to the actor.",
  })
  ownActorId!: string;

  @Field(() => String, { description: "When the link was made (ISO 8601)." })
  madeAt!: string;

  @Field(() => String, { nullable: true, description: "When an editor confirmed, rejected or split it (ISO 8601); null while PROPOSED." })
  decidedAt!: string | null;

  actorId!: string;
  ownName!: string;
  ownKind!: ActorKind;
  ownCountry!: string | null;
}
