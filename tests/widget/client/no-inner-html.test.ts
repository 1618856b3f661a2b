import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleScripts, DEFAULT_CLIENT_DIR } from '../../../src/widget/bundle.js';

// Reader text must only reach the page as text. These are the APIs that parse a string as HTML.
const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser)\b/;

describe('the widget client never parses strings as HTML', () => {
  // Recursive: the dictionaries live in i18n/.
  const files = readdirSync(DEFAULT_CLIENT_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  it('finds the client sources', () => {
    expect(files).toEqual(expect.arrayContaining(['widget.ts', 'count.ts', 'comment-list.ts', 'comment-form.ts']));
  });

  it.each(files)('%s uses no HTML sink', (file) => {
    const source = readFileSync(path.join(DEFAULT_CLIENT_DIR, file), 'utf8');
    expect(source).not.toMatch(HTML_SINKS);
  });

  it('nor does the bundle (no dependency brought one in)', async () => {
    const scripts = await bundleScripts();
    expect(scripts.widget).not.toMatch(HTML_SINKS);
    expect(scripts.count).not.toMatch(HTML_SINKS);
  });
});
