/**
 * The fields of an update input the client sent, null included: type-graphql leaves the
 * others undefined, and an update leaves those fields as they are.
 */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
