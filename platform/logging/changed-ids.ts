// The IDs a request's mutations changed, by kind of change, for the request's log line. A
// subgraph's writes note them; the subgraph logs them and returns them to the gateway in its
// answer's extensions, so that the gateway's line lists what the whole operation changed.
import type { Request } from "express";
import { addToRequestLog } from "./request-log.js";

export const CHANGE_KINDS = ["created", "updated", "deleted", "merged"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ChangedIdsByKind = Partial<Record<ChangeKind, string[]>>;

/** The extension of a subgraph's answer that tells the gateway the IDs the request changed. */
export const CHANGED_IDS_EXTENSION = "changedIds";

export class ChangedIds {
  private readonly byKind = new Map<ChangeKind, Set<string>>();

  /** Notes IDs a write changed; call it once the write has committed, so a refused write notes nothing. */
  note(kind: ChangeKind, ...ids: string[]): void {
    if (ids.length === 0) return;
    const noted = this.byKind.get(kind) ?? new Set<string>();
    for (const id of ids) noted.add(id);
    this.byKind.set(kind, noted);
  }

  /** Notes every ID another collector holds. */
  noteAll(other: ChangedIds): void {
    for (const [kind, ids] of other.byKind) this.note(kind, ...ids);
  }

  /** Notes what another process reported (a subgraph's extension); anything but lists of strings under the known kinds is passed over. */
  noteReported(reported: unknown): void {
    if (!reported || typeof reported !== "object") return;
    for (const kind of CHANGE_KINDS) {
      const ids = (reported as Record<string, unknown>)[kind];
      if (Array.isArray(ids)) this.note(kind, ...ids.filter((id): id is string => typeof id === "string"));
    }
  }

  /** Whether `id` was noted, under any kind. */
  has(id: string): boolean {
    for (const ids of this.byKind.values()) if (ids.has(id)) return true;
    return false;
  }

  /** The first ID noted, of any kind. */
  firstId(): string | undefined {
    for (const ids of this.byKind.values()) for (const id of ids) return id;
    return undefined;
  }

  /** The IDs by kind, each kind in the order of CHANGE_KINDS and its IDs in the order noted; undefined when nothing changed. */
  list(): ChangedIdsByKind | undefined {
    if (this.byKind.size === 0) return undefined;
    return Object.fromEntries(CHANGE_KINDS.filter((kind) => this.byKind.has(kind)).map((kind) => [kind, [...this.byKind.get(kind)!]]));
  }
}

/** Lists the IDs on the request's log line as `changedIds`, when there are any. */
export function logChangedIds(request: Request, changedIds: ChangedIds): void {
  addToRequestLog(request, () => {
    const list = changedIds.list();
    return list && { changedIds: list };
  });
}
