// The request scope a curation write gets when called straight from a test, as an editor's
// request would give it (services/kit/curation/request-scope.ts).
import type { RequestScope } from "../../services/kit/curation/request-scope.js";
import { ChangedIds } from "../../platform/logging/changed-ids.js";

export function editorScope(keyName = "test-editor"): RequestScope {
  return { author: { keyName, role: "editor" }, changedIds: new ChangedIds() };
}
