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
  if (message.length <= QUOTED_MAX || !mayNeedBounds(message)) return message;
  const quoted = message.replace(/"([^"]{61,})"/g, (_match, value: string) => `"${clipText(value, QUOTED_MAX)}"`);
  const runs = quoted.replace(/[^\s"]{61,}/g, (run) => clipText(run, QUOTED_MAX));
  return clipText(runs, CELL_MAX);
}

const QUOTE = 0x22;

/** Whether a UTF-16 code unit is one of the ASCII spaces `\s` matches (other spaces count as part of a run: safe). */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * False only when `boundedMessage` would leave `message` as it is: within CELL_MAX, no two quotes more than
 * QUOTED_MAX characters apart, no run of more than QUOTED_MAX characters without a space or quote. One pass, no
 * regular expression: most messages need nothing, and a sync bounds thousands of them.
 */
function mayNeedBounds(message: string): boolean {
  if (message.length > CELL_MAX) return true;
  let run = 0;
  let lastQuote = -1;
  for (let index = 0; index < message.length; index++) {
    const code = message.charCodeAt(index);
    if (code === QUOTE) {
      if (lastQuote >= 0 && index - lastQuote - 1 > QUOTED_MAX) return true;
      lastQuote = index;
      run = 0;
    } else if (isAsciiSpace(code)) {
      run = 0;
    } else if (++run > QUOTED_MAX) {
      return true;
    }
  }
  return false;
}
