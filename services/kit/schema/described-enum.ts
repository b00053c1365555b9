import "reflect-metadata";
import { registerEnumType } from "type-graphql";

/** The object type-graphql registers as an enum: each value named by itself. */
export type EnumObject<V extends string> = { readonly [K in V]: K };

/** The values of an enum object, as a type: `ActorKind` for `typeof ActorKind`. */
export type EnumValue<E extends EnumObject<string>> = E[keyof E];

interface EnumDescription<V extends string> {
  name: string;
  description: string;
  /** One description per value; the compiler holds the keys to the list of values. */
  valueDescriptions?: { readonly [K in V]: string };
}

/**
 * Registers a GraphQL enum whose values are a list written once, most often a table's CHECK
 * list (`ACTOR_KIND_VALUES`), so that the column, the GraphQL enum and the TypeScript type
 * cannot drift apart. The GraphQL enum lists its values in the list's order.
 */
export function registerDescribedEnum<const V extends string>(
  values: readonly V[],
  { name, description, valueDescriptions }: EnumDescription<V>,
): EnumObject<V> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as EnumObject<V>;
  const valuesConfig =
    valueDescriptions &&
    (Object.fromEntries(values.map((value) => [value, { description: valueDescriptions[value] }])) as { [K in V]: { description: string } });
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
