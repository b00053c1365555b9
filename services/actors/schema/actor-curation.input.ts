import "reflect-metadata";
import { Field, ID, InputType } from "type-graphql";
import { ActorKind, AliasScheme } from "./actor.enums.js";

@InputType({ description: "Another name or code of an actor in a naming scheme." })
export class AliasInput {
  @Field(() => AliasScheme, { description: "The naming scheme: FREE spelling, TITLE, ACLED actor name, CAMEO code, WIKIDATA item (Q…)." })
  scheme!: AliasScheme;

  @Field(() => String, { description: "The name or code as the scheme writes it." })
  value!: string;

  @Field(() => String, { nullable: true, description: "First day the alias applied (YYYY-MM-DD), if known." })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Last day the alias applied (YYYY-MM-DD), if it no longer does." })
  validTo?: string | null;
}

@InputType({ description: "A new actor. Its name is stored as a FREE alias too." })
export class CreateActorInput {
  @Field(() => String, {
    nullable: true,
    description: 'The key of its ID, "meridian:<key>": lower-case letters, digits and hyphens. The slug of the name when left out.',
  })
  key?: string | null;

  @Field(() => ActorKind, { description: "What sort of actor it is." })
  kind!: ActorKind;

  @Field(() => String, { description: "The name it is shown by." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 country code, e.g. "UKR".' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "A short description." })
  description?: string | null;

  @Field(() => [AliasInput], { nullable: true, description: "Other names and codes it is known by." })
  aliases?: AliasInput[] | null;
}

@InputType({ description: "Changes to an actor: fields left out stay as they are; null clears an optional field. A new name keeps the old one as an alias." })
export class UpdateActorInput {
  @Field(() => ActorKind, { nullable: true, description: "What sort of actor it is." })
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: "The name it is shown by." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 country code." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "A short description." })
  description?: string | null;
}

@InputType({ description: "Aliases to add to an actor; aliases it already has are left as they are." })
export class AddAliasesInput {
  @Field(() => ID, { description: "The actor." })
  actor!: string;

  @Field(() => [AliasInput], { description: "The aliases to add." })
  aliases!: AliasInput[];
}
