import "reflect-metadata";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { EDITOR } from "../../kit/schema/authorization.js";
import type { StatementsContext } from "../data/context.js";
import { Source } from "./source.type.js";
import { CreateClaimInput, CreateSourceInput, CreateStatementInput, UpdateClaimInput, UpdateStatementInput } from "./statement-curation.input.js";
import { Claim, Statement } from "./statement.type.js";

/** Curation of sources, statements, claims and stances; every mutation needs an editor's API key, checked here. */
@Resolver(() => Statement)
export class StatementCurationResolver {
  @Authorized(EDITOR)
  @Mutation(() => Source, { description: 'Creates a source with ID "meridian:<key>".' })
  async createSource(@Arg("input", () => CreateSourceInput) input: CreateSourceInput, @Ctx() context: StatementsContext): Promise<Source> {
    return context.curation.createSource(input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Statement, { description: 'Creates a statement, with its stances on claims, with ID "meridian:<key>".' })
  async createStatement(@Arg("input", () => CreateStatementInput) input: CreateStatementInput, @Ctx() context: StatementsContext): Promise<Statement> {
    return context.curation.createStatement(input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Statement, { description: "Changes a statement; given stances or incidents replace its lists." })
  async updateStatement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateStatementInput) input: UpdateStatementInput,
    @Ctx() context: StatementsContext,
  ): Promise<Statement> {
    return context.curation.updateStatement(id, input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Boolean, {
    description: "Deletes a statement with its stances; false when there was none. References to it answer null; its ID is never given to another statement.",
  })
  async deleteStatement(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<boolean> {
    return context.curation.deleteStatement(id);
  }

  @Authorized(EDITOR)
  @Mutation(() => Claim, { description: 'Creates a claim with ID "meridian:<key>"; statements take stances on it (createStatement, updateStatement).' })
  async createClaim(@Arg("input", () => CreateClaimInput) input: CreateClaimInput, @Ctx() context: StatementsContext): Promise<Claim> {
    return context.curation.createClaim(input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Claim, { description: "Changes a claim." })
  async updateClaim(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateClaimInput) input: UpdateClaimInput,
    @Ctx() context: StatementsContext,
  ): Promise<Claim> {
    return context.curation.updateClaim(id, input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Boolean, {
    description:
      "Deletes a claim with the stances taken on it; false when there was none. References to it answer null; its ID is never given to another claim.",
  })
  async deleteClaim(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<boolean> {
    return context.curation.deleteClaim(id);
  }

  @Authorized(EDITOR)
  @Mutation(() => Boolean, {
    description:
      "Deletes a source no statement cites (refused while one does); false when there was none. Incidents and relations citing it answer null for it; its ID is never given to another source.",
  })
  async deleteSource(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<boolean> {
    return context.curation.deleteSource(id);
  }
}
