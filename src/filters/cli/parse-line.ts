/** One input line of the filter command, read as a comment or as an error to report. */
export type ParsedLine = { id: string; text: string } | { error: string };

/**
 * Reads one line: a JSON object `{"id": "…", "text": "…"}` when it starts with "{", plain
 * text otherwise. Plain lines take their 1-based line number as id ("7"); so does a JSON line
 * without an id. A line starting with "{" that is not a valid object with a string `text`
 * is an error, as is an empty line, so every input line gets exactly one output line.
 */
export function parseLine(raw: string, lineNumber: number): ParsedLine {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.trim() === '') return { error: 'empty line' };
  if (!line.trimStart().startsWith('{')) return { id: String(lineNumber), text: line };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return { error: 'missing "text" string' };
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return { error: '"id" must be a string or a number' };
  }
  return { id: id === undefined || id === null ? String(lineNumber) : String(id), text };
}
