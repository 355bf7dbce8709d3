// DNA tags are typed as one line separated by commas; the API takes them as a list.

/** Splits "staal, vis , haven" into ["staal", "vis", "haven"], dropping empty pieces. */
export function parseTagList(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** Joins tags back into the line the form shows. */
export function formatTagList(tags: readonly string[]): string {
  return tags.join(', ');
}
