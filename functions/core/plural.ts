// Counts in words with the right plural: "1 Member", "2 organizations", never "organization(s)".

/** `count` and the noun in the number it takes: `counted(1, 'Member')` is "1 Member", `counted(2, 'entry', 'entries')` "2 entries". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
