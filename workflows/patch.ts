/**
 * A change to workflow code that runs started before it must not see: its marker for `patched(id)`, and the day
 * it landed. It may become `deprecatePatch(id)` (its old path deleted) once no run started before that day is
 * left (open, or closed within the namespace's retention, whose queries replay it), and go once no run from
 * before the deprecation is left: docs/versions.md gives the procedure, `npm run versions` the runs left.
 */
export interface Patch {
  id: string;
  /** The day the change landed (YYYY-MM-DD, UTC). */
  came: string;
  /** The day its old path was deleted and `patched(id)` became `deprecatePatch(id)`. */
  deprecated?: string;
}
