import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { entityReferenceType } from "../../kit/schema/entity-references.js";
import { ActorKind, AliasScheme, RelationPredicate } from "./actor.enums.js";

@ObjectType({ description: "Another name for an actor, in a naming scheme, possibly valid only for a time." })
export class Alias {
  @Field(() => AliasScheme)
  scheme!: AliasScheme;

  @Field(() => String)
  value!: string;

  @Field(() => String, { nullable: true, description: "First day the alias applied (ISO date), when known." })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: "Last day the alias applied (ISO date); null while it still applies." })
  validTo!: string | null;
}

@ObjectType({ description: "An identifier of the actor in another dataset (Wikidata, ACLED, CAMEO)." })
export class ExternalIdentifier {
  @Field(() => AliasScheme)
  scheme!: AliasScheme;

  @Field(() => String)
  value!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "Someone who acts or is acted upon: a person, a state, a force, an organisation, a group." })
export class Actor {
  @Field(() => ID, { description: 'Stable ID, "namespace:key" (e.g. "meridian:volodymyr-zelensky").' })
  id!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => String, { description: "The name Meridian shows; other names are aliases." })
  name!: string;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 code of the actor's country, when it has one." })
  country!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

/** A Source of the statements subgraph, referenced by ID so the gateway can fetch it there. */
export const SourceReference = entityReferenceType("Source", { resolvable: false });
export type SourceReference = InstanceType<typeof SourceReference>;

@ObjectType({ description: "A dated relation between two actors: Lin Jian SPOKESPERSON_FOR China's foreign ministry." })
export class ActorRelation {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationPredicate)
  predicate!: RelationPredicate;

  @Field(() => String, { nullable: true, description: "First day the relation held (ISO date), when known." })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: "Last day the relation held (ISO date); null while it holds or when unknown." })
  validTo!: string | null;

  subjectId!: string;
  objectId!: string;
  sourceId!: string | null;
}
