/** Text searched with ILIKE: its own `%`, `_` and `\\` match themselves. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
