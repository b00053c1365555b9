// Operations derived from the API schema, one per place a client can put a string: every
// string or ID argument and input field of every field reachable from Query or Mutation, and
// every `after` cursor. A field added later gets its cases without anyone listing it.
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/** A valid ID for a required ID argument on the way to a field: an actor of the seed story. */
const FILLER_ID = "meridian:volodymyr-zelensky";
/** A valid string for a required string argument on the way (a search query, a name). */
const FILLER_STRING = "capture";

/** One field to call, with where it is reached from the root. */
interface FieldSite {
  operation: "query" | "mutation";
  /** Fields from the root to the field's parent, e.g. ["actors", "edges", "node"]. */
  route: string[];
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

export interface StringCase {
  operation: "query" | "mutation";
  /** e.g. "Query.incidents(filter.admin1)", for test names. */
  name: string;
  /** The argument path the error must name, e.g. "filter.admin1" or "input.aliases[0].value". */
  argumentPath: string;
  /** Builds the operation's text and variables with `value` at the argument path. */
  build(value: string): { query: string; variables: Record<string, unknown> };
}

export interface CursorCase {
  name: string;
  /** The operation with `$after`; the others arguments filled with valid values. */
  build(after: string): { query: string; variables: Record<string, unknown> };
  /** The same field with `first: 1` and its end cursor selected, when it is a connection. */
  firstPage?: { query: string; variables: Record<string, unknown>; endCursorAt: string[] };
}

/** Every field with arguments reachable from Query (by lists, not by IDs where avoidable) and every Mutation field. */
function fieldSites(schema: GraphQLSchema): FieldSite[] {
  const sites: FieldSite[] = [];
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) sites.push({ operation: "mutation", route: [], parent: mutation!, field });
  // Breadth first, so each type is reached by its shortest route, first through fields that
  // need no argument (lists, whose items exist), then through fields whose required arguments
  // are not IDs, and only then through an ID, which may name nothing.
  const query = schema.getQueryType()!;
  const routes = new Map<string, string[]>([[query.name, []]]);
  const required = (field: GraphQLField<unknown, unknown>) => field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const passes = [
    (field: GraphQLField<unknown, unknown>) => required(field).length === 0,
    (field: GraphQLField<unknown, unknown>) => required(field).every((arg) => getNamedType(arg.type).name !== "ID"),
    () => true,
  ];
  for (const allowed of passes) {
    const queue: GraphQLObjectType[] = [...routes.keys()].map((name) => schema.getType(name) as GraphQLObjectType);
    while (queue.length > 0) {
      const type = queue.shift()!;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target) || routes.has(target.name) || !allowed(field)) continue;
        routes.set(target.name, [...routes.get(type.name)!, field.name]);
        queue.push(target);
      }
    }
  }
  for (const [typeName, route] of routes) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length > 0) sites.push({ operation: "query", route, parent: type, field });
    }
  }
  return sites;
}

/** Valid strings for fields whose name says what they hold; other strings get FILLER_STRING. */
const FILLER_STRINGS_BY_NAME: Record<string, string> = { date: "2025-01-11", language: "en", country: "UKR" };

/** A valid value of a type: required input fields filled, optional ones left out. */
export function filler(type: GraphQLInputType, name = ""): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [filler(nullable.ofType, name)];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = filler(field.type, field.name);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  switch (nullable.name) {
    case "ID":
      return FILLER_ID;
    case "String":
      return FILLER_STRINGS_BY_NAME[name] ?? FILLER_STRING;
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return false;
    default:
      throw new Error(`no filler for ${nullable.name}`);
  }
}

type PathStep = string | number;

/** The paths of every string and ID inside an argument's type; lists are entered at index 0. */
function stringPaths(type: GraphQLInputType, seen: ReadonlySet<string> = new Set()): PathStep[][] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return stringPaths(nullable.ofType, seen).map((path) => [0, ...path]);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return [];
    const inner = new Set([...seen, nullable.name]);
    return Object.values(nullable.getFields()).flatMap((field) => stringPaths(field.type, inner).map((path) => [field.name, ...path]));
  }
  return isScalarType(nullable) && (nullable.name === "String" || nullable.name === "ID") ? [[]] : [];
}

/** The argument's filled value with `value` put at `path`, filling whatever lies on the way. */
function withValueAt(type: GraphQLInputType, path: PathStep[], value: string): unknown {
  if (path.length === 0) return value;
  const nullable = getNullableType(type);
  const [step, ...rest] = path;
  if (isListType(nullable)) return [withValueAt(nullable.ofType, rest, value)];
  if (isInputObjectType(nullable)) {
    const filled = filler(nullable) as Record<string, unknown>;
    return { ...filled, [step!]: withValueAt(nullable.getFields()[step as string]!.type, rest, value) };
  }
  throw new Error(`cannot enter ${nullable} at ${String(step)}`);
}

const formatPath = (path: PathStep[]) => path.map((step) => (typeof step === "number" ? `[${step}]` : `.${step}`)).join("");

/** What to select under a field of this type so that the selection is valid. */
function selectionOf(type: GraphQLNamedType, extra = ""): string {
  return isObjectType(type) ? ` { __typename${extra} }` : "";
}

interface RouteArguments {
  /** Per step of the route, its required arguments as `name: $variable`. */
  calls: string[];
  /** The variables' definitions, e.g. "$route0_id: ID!". */
  definitions: string[];
  values: Record<string, unknown>;
}

/** The operation text: the route's fields nest down to the field, whose arguments are all variables. */
function operationText(site: FieldSite, args: readonly GraphQLArgument[], selection: string, route: RouteArguments): string {
  const definitions = [...args.map((arg) => `$${arg.name}: ${arg.type}`), ...route.definitions];
  const call = `${site.field.name}(${args.map((arg) => `${arg.name}: $${arg.name}`).join(", ")})${selection}`;
  const body = site.route.reduceRight((inner, step, index) => `${step}${route.calls[index]} { ${inner} }`, call);
  return `${site.operation}${definitions.length > 0 ? `(${definitions.join(", ")})` : ""} { ${body} }`;
}

/** The route's own required arguments (an ID where no list led there, a grouping), as variables. */
function routeArguments(schema: GraphQLSchema, site: FieldSite): RouteArguments {
  const route: RouteArguments = { calls: [], definitions: [], values: {} };
  let type: GraphQLObjectType = site.operation === "query" ? schema.getQueryType()! : schema.getMutationType()!;
  site.route.forEach((step, index) => {
    const field = type.getFields()[step]!;
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    for (const arg of required) {
      route.definitions.push(`$route${index}_${arg.name}: ${arg.type}`);
      route.values[`route${index}_${arg.name}`] = filler(arg.type, arg.name);
    }
    // One item of each list on the way is enough to reach the field, and keeps each case one request's worth of work.
    const calls = [
      ...required.map((arg) => `${arg.name}: $route${index}_${arg.name}`),
      ...(field.args.some((arg) => arg.name === "first") ? ["first: 1"] : []),
    ];
    route.calls.push(calls.length > 0 ? `(${calls.join(", ")})` : "");
    type = getNamedType(field.type) as GraphQLObjectType;
  });
  return route;
}

/** The required arguments of the field filled with valid values. */
function filledArguments(args: readonly GraphQLArgument[]): Record<string, unknown> {
  return Object.fromEntries(
    args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => [arg.name, filler(arg.type, arg.name)]),
  );
}

const siteName = (site: FieldSite) => `${site.parent.name}.${site.field.name}`;

export function stringCases(schema: GraphQLSchema): StringCase[] {
  const cases: StringCase[] = [];
  for (const site of fieldSites(schema)) {
    const route = routeArguments(schema, site);
    for (const arg of site.field.args) {
      if (arg.name === "after") continue; // cursors have cases of their own
      for (const path of stringPaths(arg.type)) {
        const argumentPath = `${arg.name}${formatPath(path)}`;
        cases.push({
          operation: site.operation,
          name: `${siteName(site)}(${argumentPath})`,
          argumentPath,
          build: (value) => {
            const args = site.field.args.filter((other) => other === arg || (isNonNullType(other.type) && other.defaultValue === undefined));
            return {
              query: operationText(site, args, selectionOf(getNamedType(site.field.type)), route),
              variables: { ...route.values, ...filledArguments(args), [arg.name]: withValueAt(arg.type, path, value) },
            };
          },
        });
      }
    }
  }
  return cases;
}

export function cursorCases(schema: GraphQLSchema): CursorCase[] {
  const cases: CursorCase[] = [];
  for (const site of fieldSites(schema)) {
    const after = site.field.args.find((arg) => arg.name === "after");
    if (!after) continue;
    const route = routeArguments(schema, site);
    const required = site.field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    const returned = getNamedType(site.field.type);
    const isConnection = isObjectType(returned) && "pageInfo" in returned.getFields();
    const first = site.field.args.find((arg) => arg.name === "first");
    const nodeRoute = [...site.route, site.field.name, "pageInfo", "endCursor"];
    cases.push({
      name: `${siteName(site)}(after)`,
      build: (cursor) => ({
        query: operationText(site, [...required, after], selectionOf(returned), route),
        variables: { ...route.values, ...filledArguments(required), after: cursor },
      }),
      firstPage:
        isConnection && first
          ? {
              query: operationText(site, [...required, first], selectionOf(returned, " pageInfo { endCursor }"), route),
              variables: { ...route.values, ...filledArguments(required), first: 1 },
              endCursorAt: nodeRoute,
            }
          : undefined,
    });
  }
  return cases;
}
