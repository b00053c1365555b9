import "reflect-metadata";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { EDITOR } from "../../kit/schema/authorization.js";
import type { IncidentsContext } from "../data/context.js";
import { CreateIncidentInput, UpdateIncidentInput } from "./incident-curation.input.js";
import { Incident } from "./incident.type.js";

/** Curation of incidents; every mutation needs an editor's API key, checked here. */
@Resolver(() => Incident)
export class IncidentCurationResolver {
  @Authorized(EDITOR)
  @Mutation(() => Incident, { description: 'Creates an incident, with its places, participants and sources, with ID "meridian:<key>" and dataset MERIDIAN.' })
  async createIncident(@Arg("input", () => CreateIncidentInput) input: CreateIncidentInput, @Ctx() context: IncidentsContext): Promise<Incident> {
    return context.curation.create(input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Incident, {
    description: "Changes an incident; given places, participants or sources replace its lists. A dataset's own fields (ACLED types, CAMEO code) stay.",
  })
  async updateIncident(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateIncidentInput) input: UpdateIncidentInput,
    @Ctx() context: IncidentsContext,
  ): Promise<Incident> {
    return context.curation.update(id, input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Boolean, {
    description:
      "Deletes an incident with its places and participants; false when there was none. References to it answer null; its ID is never given to another incident.",
  })
  async deleteIncident(@Arg("id", () => ID) id: string, @Ctx() context: IncidentsContext): Promise<boolean> {
    return context.curation.delete(id);
  }
}
