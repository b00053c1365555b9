// Prints the SQL of a subgraph's history triggers (services/kit/history/history-migration.ts),
// for its custom migration: `npx tsx scripts/history-migration.ts actors`.
import { historyTriggersSql } from "../services/kit/history/history-migration.js";
import { SUBGRAPH_HISTORIES } from "../services/histories.js";

const name = process.argv[2] as keyof typeof SUBGRAPH_HISTORIES | undefined;
const history = name && SUBGRAPH_HISTORIES[name];
if (!history) {
  console.error(`usage: npx tsx scripts/history-migration.ts <${Object.keys(SUBGRAPH_HISTORIES).join("|")}>`);
  process.exit(2);
}
process.stdout.write(historyTriggersSql(history));
