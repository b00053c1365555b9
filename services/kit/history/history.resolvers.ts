import "reflect-metadata";
import { Arg, Args, ArgsType, Authorized, type ClassType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { EDITOR } from "../schema/authorization.js";
import { type Connection, PageArgs } from "../pages/pagination.js";
import { Change, ChangeConnection, ChangeFilter, ImportRunConnection, RowChange, type ImportRun } from "./change.type.js";
import type { ChangeReverts } from "./change-reverts.js";
import type { HistoryReader } from "./history-reader.js";

/** What a subgraph's context gives the history resolvers. */
export interface HistoryContext {
  changeHistory: HistoryReader;
  changeReverts: ChangeReverts;
}

@ArgsType()
class ChangesArgs extends PageArgs {
  @Field(() => ChangeFilter, { nullable: true, description: "Only changes that meet these conditions." })
  filter?: ChangeFilter | null;
}

export interface HistoryResolverOptions {
  /** The subgraph's entity types with their kind as the history records it: [Actor, "actor"]. */
  entities: readonly [ClassType<{ id: string }>, string][];
  /** The root list of the subgraph's changes: "actorChanges". */
  changesField: string;
  /** The mutation that reverts one of its changes: "revertActorChange". */
  revertField: string;
  /** Words for the descriptions: "actors, their aliases, relations and links". */
  covers: string;
  /** What its revert brings back, in words: "a deleted actor under its ID; a merged actor with its aliases". */
  undoes: string;
  /** Whether this subgraph answers the `imports` list (one subgraph does: every run is recorded in each). */
  listsImports?: boolean;
}

/** The resolvers of a subgraph's history: `history` on each of its entity types, its changes list, its revert mutation, and `Change.rows`. */
export function historyResolvers(options: HistoryResolverOptions): ClassType[] {
  const entityResolvers = options.entities.map(([type, kind]) => {
    @Resolver(() => type)
    class EntityHistoryResolver {
      @FieldResolver(() => ChangeConnection, {
        description: `Every change that wrote this ${kind}, newest first: edits, imports and reverts, each with who made it and the rows before and after.`,
      })
      async history(
        @Root() entity: { id: string },
        @Args(() => PageArgs) { first, after }: PageArgs,
        @Ctx() context: HistoryContext,
      ): Promise<Connection<Change>> {
        return context.changeHistory.historyOf(kind, entity.id, first, after);
      }
    }
    return EntityHistoryResolver;
  });

  @Resolver(() => Change)
  class ChangeResolver {
    @Query(() => ChangeConnection, {
      name: options.changesField,
      nullable: true,
      description: `Changes to ${options.covers}, newest first, by entity, key name, kind, time or import run. Editors only.`,
    })
    @Authorized(EDITOR)
    async changes(@Args(() => ChangesArgs) { filter, first, after }: ChangesArgs, @Ctx() context: HistoryContext): Promise<Connection<Change>> {
      return context.changeHistory.list(filter, first, after);
    }

    @FieldResolver(() => [RowChange], {
      description: "The rows the change wrote, oldest first (of the entity, when the change was listed by an entity's history); at most `first`.",
    })
    async rows(
      @Root() change: Change,
      @Arg("first", () => Int, { defaultValue: 100, description: "How many rows, 0 to 500." }) first: number,
      @Ctx() context: HistoryContext,
    ): Promise<RowChange[]> {
      return context.changeHistory.rowsOf(change, first);
    }

    @Authorized(EDITOR)
    @Mutation(() => Change, {
      name: options.revertField,
      description: `Undoes a change to ${options.covers}, in a change of its own, recorded: an update's values come back; ${options.undoes}. Refused when the change was reverted already, is a revert, is part of an import (npm run revert-import --), or when later changes touched the same entities (they are listed). Editors only.`,
    })
    async revert(@Arg("id", () => ID, { description: 'The change\'s ID, "actors:42".' }) id: string, @Ctx() context: HistoryContext): Promise<Change> {
      return context.changeReverts.revert(id);
    }
  }

  const resolvers: ClassType[] = [...entityResolvers, ChangeResolver];
  if (options.listsImports) {
    @Resolver()
    class ImportRunResolver {
      @Query(() => ImportRunConnection, {
        nullable: true,
        description:
          "Runs of `npm run import` and of the seed, newest first: format, files with their SHA-256, who, when, and the summary. Editors only: the files are named as given on the importer's command line.",
      })
      @Authorized(EDITOR)
      async imports(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: HistoryContext): Promise<Connection<ImportRun>> {
        return context.changeHistory.imports(first, after);
      }
    }
    resolvers.push(ImportRunResolver);
  }
  return resolvers;
}
