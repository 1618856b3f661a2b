/**
 * The two scripts as the api serves them (src/http/static-asset.ts), computed once per process.
 * After `npm run build` the files sit next to this module (dist/src/widget/browser/); when
 * running from the sources (tsx, tests) they are bundled in memory at start, which takes
 * well under a second. The widget gets this service's settings written into it (see
 * client/settings.ts): the privacy policy's address and the retention periods.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Config } from '../config.js';
import { staticAsset, type StaticAsset } from '../http/static-asset.js';
import { bundleScripts, SCRIPT_NAMES, type ScriptName, type Scripts } from './bundle.js';
import { SETTINGS_PLACEHOLDER, type WidgetSettings } from './client/settings.js';

export type Assets = Record<ScriptName, StaticAsset>;

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/** Where scripts/build-widget.mjs puts the prebuilt files, relative to the compiled module. */
export const PREBUILT_DIR = fileURLToPath(new URL('./browser/', import.meta.url));

async function readPrebuilt(dir: string): Promise<Scripts | null> {
  try {
    const scripts = {} as Scripts;
    for (const name of SCRIPT_NAMES) scripts[name] = await readFile(path.join(dir, `${name}.js`), 'utf8');
    return scripts;
  } catch {
    return null;
  }
}

/** What the widget is told about the service it talks to. */
export function widgetSettingsOf(config: Pick<Config, 'privacyUrl' | 'retention'>): WidgetSettings {
  return { privacyUrl: config.privacyUrl ?? null, ipDays: config.retention.ipDays, rejectedDays: config.retention.rejectedDays };
}

/**
 * Writes the settings over the placeholder string literal (whichever quotes the minifier
 * chose) as a string literal holding their JSON, which the widget parses.
 */
export function withSettings(widget: string, settings: WidgetSettings): string {
  const literal = JSON.stringify(JSON.stringify(settings));
  return widget.replace(new RegExp(`(["'\`])${SETTINGS_PLACEHOLDER}\\1`, 'g'), () => literal);
}

export async function loadAssets(prebuiltDir = PREBUILT_DIR, settings?: WidgetSettings): Promise<Assets> {
  const scripts = (await readPrebuilt(prebuiltDir)) ?? (await bundleScripts());
  const widget = settings ? withSettings(scripts.widget, settings) : scripts.widget;
  return { widget: staticAsset(widget, JAVASCRIPT), count: staticAsset(scripts.count, JAVASCRIPT) };
}
