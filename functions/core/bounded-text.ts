// Keeps what the system writes within what a spreadsheet cell holds: quoted values and whole messages clipped with "…".

/** The longest value a message quotes (a name, an unknown reference, a typed value). */
export const QUOTED_MAX = 60;
/** The longest finding message or Status cell (Excel holds 32,767 characters in a cell, Google Sheets 50,000). */
export const CELL_MAX = 1000;

/** `text` cut to at most `max` characters, the last being "…"; never between the two halves of a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * A message with every quoted value (`"…"`) and every unbroken run of characters (a name typed without spaces) of more
 * than QUOTED_MAX characters clipped, and the whole within CELL_MAX.
 */
export function boundedMessage(message: string): string {
  if (message.length <= QUOTED_MAX) return message;
  const quoted = message.replace(/"([^"]{61,})"/g, (_match, value: string) => `"${clipText(value, QUOTED_MAX)}"`);
  const runs = quoted.replace(/[^\s"]{61,}/g, (run) => clipText(run, QUOTED_MAX));
  return clipText(runs, CELL_MAX);
}
