import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../../src/widget/assets.js';
import { writeScripts } from '../../src/widget/bundle.js';
import { useTempDirs } from '../support/temp-dirs.js';

describe('loadAssets', () => {
  const tempDir = useTempDirs('widget-');

  it('serves the prebuilt files of `npm run build` when they exist', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'widget.js'), 'prebuilt widget');
    await writeFile(path.join(dir, 'count.js'), 'prebuilt count');
    const assets = await loadAssets(dir);
    expect(assets.widget.body).toBe('prebuilt widget');
    expect(assets.count.body).toBe('prebuilt count');
  });

  it('bundles from the sources when there is no build (npm start under tsx)', async () => {
    const assets = await loadAssets(path.join(await tempDir(), 'missing'));
    expect(assets.widget.body).toContain('Gửi bình luận');
    expect(assets.widget.etag).not.toBe(assets.count.etag);
  });

  it('writes the same bytes it would serve (scripts/build-widget.mjs uses writeScripts)', async () => {
    const dir = await tempDir();
    const written = await writeScripts(dir);
    const served = await loadAssets(dir);
    expect(served.widget.body).toBe(written.widget);
    expect(served.count.body).toBe(written.count);
  });
});
