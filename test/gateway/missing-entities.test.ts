// The gateway drops the valueCompletion problems that an entity answered null by its owner (a
// deleted one) accounts for, and only those: a field left empty for another reason stays reported.
import type { GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { describe, expect, it } from "vitest";
import { missingEntitiesPlugin, noteMissingEntities } from "../../gateway/missing-entities.js";

const ACTOR_NAME = { message: "Cannot return null for non-nullable field Actor.name.", path: ["statement", "speaker", "name"] };
const STATEMENT_TEXT = { message: "Cannot return null for non-nullable field Statement.text.", path: ["statement", "text"] };

/** The extensions of a response carrying `problems`, as the plugin leaves them for a request whose context is `context`. */
async function extensionsAfter(context: object, problems: object[]): Promise<Record<string, unknown> | undefined> {
  const singleResult = { data: { statement: null }, extensions: { valueCompletion: problems } as Record<string, unknown> | undefined };
  const listeners = await missingEntitiesPlugin().requestDidStart!({} as never);
  await listeners!.willSendResponse!({
    response: { body: { kind: "single", singleResult } },
    contextValue: context,
  } as unknown as GraphQLRequestContextWillSendResponse<object>);
  return singleResult.extensions;
}

describe("deleted entities in the gateway's answer", () => {
  it("drops the problems of an entity type whose _entities came back null in the request", async () => {
    const context = {};
    noteMissingEntities(
      context,
      {
        representations: [
          { __typename: "Actor", id: "meridian:x" },
          { __typename: "Actor", id: "meridian:y" },
        ],
      },
      { _entities: [null, { name: "Y" }] },
    );
    expect(await extensionsAfter(context, [ACTOR_NAME])).toBeUndefined();
  });

  it("keeps the problems no null entity accounts for", async () => {
    const context = {};
    noteMissingEntities(context, { representations: [{ __typename: "Actor", id: "meridian:x" }] }, { _entities: [null] });
    expect(await extensionsAfter(context, [ACTOR_NAME, STATEMENT_TEXT])).toEqual({ valueCompletion: [STATEMENT_TEXT] });
  });

  it("keeps every problem of a request in which every entity was found", async () => {
    const context = {};
    noteMissingEntities(context, { representations: [{ __typename: "Actor", id: "meridian:x" }] }, { _entities: [{ name: "X" }] });
    noteMissingEntities(context, undefined, { statement: null });
    expect(await extensionsAfter(context, [ACTOR_NAME])).toEqual({ valueCompletion: [ACTOR_NAME] });
  });
});
