import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel } from './model-file.js';
import { SpanModel } from './span-model.js';

/** The model shipped with the code, trained by `npm run train:filter`. */
export const BUILTIN_MODEL_FILE = 'span-model.bin';

const cache = new Map<string, { model: SpanModel; version: string }>();

/**
 * Loads a span model file once per process (the engine is rebuilt on every lexicon change;
 * the model is not). `file` undefined: the built-in model.
 */
export function loadSpanModel(file?: string): { model: SpanModel; version: string } {
  const path = file ?? locateBuiltin();
  let loaded = cache.get(path);
  if (!loaded) {
    const data = decodeModel(readFileSync(path));
    loaded = { model: new SpanModel(data), version: data.version };
    cache.set(path, loaded);
  }
  return loaded;
}

/** Next to this module in the source tree; a compiled build falls back to the source folder. */
export function locateBuiltin(): string {
  const here = fileURLToPath(new URL(`./${BUILTIN_MODEL_FILE}`, import.meta.url));
  if (existsSync(here)) return here;
  const fromSource = fileURLToPath(new URL(`../../../../src/filters/model/${BUILTIN_MODEL_FILE}`, import.meta.url));
  if (existsSync(fromSource)) return fromSource;
  throw new Error(`span model ${BUILTIN_MODEL_FILE} not found next to ${fileURLToPath(import.meta.url)}`);
}
