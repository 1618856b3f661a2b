/**
 * What the widget remembers for the reader: localStorage when the browser allows it, else
 * memory for this page view. Private modes, blocked storage and sandboxed frames throw on
 * any access, and a widget that throws there would show nothing.
 */
const memory = new Map<string, string>();

export function readStored(key: string): string | null {
  try {
    const value = localStorage.getItem(key);
    if (value !== null) return value;
  } catch {
    // storage refused: memory below
  }
  const kept = memory.get(key);
  return kept === undefined ? null : kept;
}

export function writeStored(key: string, value: string): void {
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {
    // full or refused: memory keeps it for this page view
  }
}

/** A stored JSON value, or `fallback` when absent or unreadable (another script may have written the key). */
export function readStoredJson<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  const raw = readStored(key);
  if (raw === null) return fallback;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}
