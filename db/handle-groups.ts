// Several names (the subgraphs) may share one database handle: the embedded default gives them
// all the same one. Work that must happen once per database groups the names by handle.
import type { DatabaseHandle } from "./client.js";

/** Each distinct handle with the names that use it, in the order of the names in `handles`. */
export function groupByHandle<Name extends string>(handles: Record<Name, DatabaseHandle>): { handle: DatabaseHandle; names: Name[] }[] {
  const groups = new Map<DatabaseHandle, Name[]>();
  for (const name of Object.keys(handles) as Name[]) groups.set(handles[name], [...(groups.get(handles[name]) ?? []), name]);
  return [...groups].map(([handle, names]) => ({ handle, names }));
}
