// The dataset fields an import keeps (ACLED's timestamp, time precision, tags, interaction,
// civilian targeting; GDELT's CAMEO code, Goldstein scale, tone, counts and date added) are
// answered by the incidents and statements subgraphs as the files give them (the project's
// made-up fixtures).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubgraphHandles } from "../../../ingest/documents/subgraph-handles.js";
import { subgraphNamed, forEverySubgraph } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../../scripts/harness/backends.js";
import { type SubgraphUnderTest, subgraphUnderTest } from "../../support/execute.js";
import { importFiles } from "./support/import-runs.js";
import { ACLED_EXPORT_TOOL_FIXTURE, GDELT_FIXTURE } from "./support/sample-files.js";

const oneDatabase = (handle: SubgraphHandles["actors"]): SubgraphHandles => forEverySubgraph(handle);

const GDELT_MEASURES = "gdelt { goldsteinScale avgTone numMentions numSources numArticles dateAdded }";

describe.each(BACKENDS)("dataset fields through the subgraphs on $name", (backend) => {
  let incidents: SubgraphUnderTest;
  let statements: SubgraphUnderTest;
  beforeAll(async () => {
    incidents = await subgraphUnderTest(backend, subgraphNamed("incidents"), async (handle) => {
      await importFiles(oneDatabase(handle), "acled", [ACLED_EXPORT_TOOL_FIXTURE]);
      await importFiles(oneDatabase(handle), "gdelt", [GDELT_FIXTURE]);
    });
    statements = await subgraphUnderTest(backend, subgraphNamed("statements"), async (handle) => {
      await importFiles(oneDatabase(handle), "gdelt", [GDELT_FIXTURE]);
    });
  });
  afterAll(async () => {
    await incidents?.database.dispose();
    await statements?.database.dispose();
  });

  it("answers ACLED's fields of an incident (FIX2002: a protest with a crowd size tag)", async () => {
    const { data, errors } = await incidents.execute(`{ incident(id: "acled:FIX2002") {
      taxonomy { recordVersion timePrecision tags interaction civilianTargeting ${GDELT_MEASURES} } } }`);
    expect(errors).toBeUndefined();
    expect(data.incident.taxonomy).toEqual({
      recordVersion: 1730758001,
      timePrecision: 1,
      tags: ["crowd size=large"],
      interaction: "Protesters only",
      civilianTargeting: false,
      gdelt: null,
    });
  });

  it("answers GDELT's measures of an incident (event 900000008)", async () => {
    const { data } = await incidents.execute(`{ incident(id: "gdelt:900000008") { taxonomy { cameoCode recordVersion ${GDELT_MEASURES} } } }`);
    expect(data.incident.taxonomy).toEqual({
      cameoCode: "190",
      recordVersion: null,
      gdelt: { goldsteinScale: -10, avgTone: -8.25, numMentions: 20, numSources: 3, numArticles: 20, dateAdded: "2025-06-12T10:15:00.000Z" },
    });
  });

  it("answers GDELT's CAMEO code and measures of a statement (event 900000002)", async () => {
    const { data } = await statements.execute(`{ statement(id: "gdelt:900000002") { cameoCode addressee { id } ${GDELT_MEASURES} } }`);
    expect(data.statement).toEqual({
      cameoCode: "0256",
      addressee: { id: "gdelt:ukrgov" },
      gdelt: { goldsteinScale: 3, avgTone: 1.25, numMentions: 4, numSources: 1, numArticles: 4, dateAdded: "2025-06-12T10:15:00.000Z" },
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("dataset fields through the subgraphs on postgres"));
