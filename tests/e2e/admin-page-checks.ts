/**
 * Measurements the moderator pages are held to, taken in the page: sideways scrolling, the
 * height of what a thumb taps, axe-core's serious and critical violations, text contrast.
 */
import type { Page } from 'playwright-core';
import { AXE_SOURCE } from './admin-harness.js';

export const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways (0 when it does not). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

/** Visible buttons, selects, text inputs and menu toggles shorter than `min` px. */
export function shortTapTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((least) => {
    const selector = 'button, select, summary, input[type=text], input[type=email], input[type=password], input[type=search]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .filter((el) => el.getBoundingClientRect().height < least - 0.5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`,
      );
  }, min);
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * The contrast ratio of an element's text as it is seen: its colour and its background (the
 * nearest one set) blended with the page's by the opacity of every ancestor.
 */
export function seenContrast(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) throw new Error(`no ${sel}`);
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    let opacity = 1;
    let background: number[] | null = null;
    for (let node: HTMLElement | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      opacity *= Number(style.opacity);
      const bg = rgb(style.backgroundColor);
      if (!background && bg.length >= 3 && (bg[3] ?? 1) > 0) background = bg.slice(0, 3);
    }
    const page = rgb(getComputedStyle(document.documentElement).backgroundColor);
    const base = page.length >= 3 && (page[3] ?? 1) > 0 ? page : [255, 255, 255];
    const blend = (c: number[]) => c.slice(0, 3).map((v, i) => v * opacity + base[i] * (1 - opacity));
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = lum(blend(rgb(getComputedStyle(el).color)));
    const bg = lum(blend(background ?? base));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  }, selector);
}
