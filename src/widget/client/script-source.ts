/**
 * Where the API lives. The site may say so with `data-api` on the widget's element or on the
 * script tag; otherwise the API is wherever the script itself was served from.
 *
 * `document.currentScript` is only set while the script first runs, so capture it at load.
 */
export interface ScriptSource {
  /** Base URL of the API without a trailing slash. */
  apiBase: string;
  /** `data-lang` on the script tag, if any. */
  lang: string | null;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function captureScriptSource(fileName: string): ScriptSource {
  let script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) {
    // Loaded in a way that leaves no currentScript (e.g. injected by a tag manager).
    script = document.querySelector<HTMLScriptElement>(`script[src*="${fileName}"]`);
  }
  const explicit = script?.getAttribute('data-api');
  let origin = location.origin;
  if (script?.src) {
    try {
      origin = new URL(script.src, location.href).origin;
    } catch {
      // keep the page's origin
    }
  }
  return { apiBase: trimSlash(explicit || origin), lang: script?.getAttribute('data-lang') ?? null };
}

/** The API base for one element: its own `data-api` wins over the script's. */
export function apiBaseFor(element: Element, source: ScriptSource): string {
  const own = element.getAttribute('data-api');
  return own ? trimSlash(own) : source.apiBase;
}
