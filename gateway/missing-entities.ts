// A reference to an entity its owner no longer has (deleted: services/kit/records/tombstones.ts)
// comes back from the owner's `_entities` as null. The gateway then answers null for the
// reference, as it should, but it also lists every non-null field of the entity it could not
// fill ("Cannot return null for non-nullable field Actor.name.") under the response's
// extensions.valueCompletion, with code INVALID_GRAPHQL, although nothing is wrong: a deleted
// entity answers null. The data source notes which entity types came back null during a
// request; this plugin drops the problems those account for, and keeps any other (a subgraph
// answering against a stale schema is a real problem, and stays visible).
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

const missingTypesOf = new WeakMap<object, Set<string>>();

/** Notes the types of the entities an `_entities` fetch answered null for, against the request's context. */
export function noteMissingEntities(context: object, variables: Record<string, unknown> | undefined, data: Record<string, unknown> | null | undefined): void {
  const representations = variables?.representations;
  const entities = data?._entities;
  if (!Array.isArray(representations) || !Array.isArray(entities)) return;
  entities.forEach((entity, index) => {
    const typename = (representations[index] as { __typename?: unknown } | undefined)?.__typename;
    if (entity !== null || typeof typename !== "string") return;
    const types = missingTypesOf.get(context) ?? new Set<string>();
    missingTypesOf.set(context, types.add(typename));
  });
}

// The message Apollo Gateway's result shaping (resultShaping.js) gives a non-null field left empty.
const UNFILLED_FIELD = /^Cannot return null for non-nullable field (\w+)\.\w+\.$/;

export function missingEntitiesPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const missingTypes = missingTypesOf.get(contextValue);
          if (!missingTypes || response.body.kind !== "single") return;
          const extensions = response.body.singleResult.extensions;
          const problems = extensions?.valueCompletion;
          if (!extensions || !Array.isArray(problems)) return;
          const left = problems.filter((problem: { message?: unknown }) => {
            const type = typeof problem.message === "string" ? UNFILLED_FIELD.exec(problem.message)?.[1] : undefined;
            return type === undefined || !missingTypes.has(type);
          });
          if (left.length > 0) extensions.valueCompletion = left;
          else delete extensions.valueCompletion;
          if (Object.keys(extensions).length === 0) delete response.body.singleResult.extensions;
        },
      };
    },
  };
}
