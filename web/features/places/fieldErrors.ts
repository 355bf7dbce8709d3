// Errors on list items ("dnaTags.2", "placeIds.0") belong to the one form field that edits the list.

/** Folds field errors onto their first path segment, keeping the first message of each field. */
export function topLevelFieldErrors(fields: Record<string, string>): Record<string, string> {
  const folded: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const top = field.split('.')[0] ?? field;
    folded[top] ??= message;
  }
  return folded;
}
