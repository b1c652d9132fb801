/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from 'playwright-core';

/** The board in Chromium as a wall screen shows it, and its layout as the page measures it. */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
export const inside = (a: Box, b: Box) => a.left >= b.left && a.top >= b.top && a.right <= b.right && a.bottom <= b.bottom;

/**
 * Opens the board at `width`×`height`, signs in through its form (kiosk mode if asked), and waits
 * until it is live and the map shows at least `labels` names over the region's land.
 */
export async function openBoard(
  browser: Browser,
  boardUrl: string,
  token: string,
  { width, height, kiosk, labels }: { width: number; height: number; kiosk: boolean; labels: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (error) => console.log(`[board] error: ${error.message}`));
  await page.goto(boardUrl);
  await page.fill('#token', token);
  if (kiosk) await page.check('#remember');
  await page.click('#login button[type="submit"]');
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 15_000 });
  await page.waitForFunction(
    (n) => document.querySelectorAll('#map .label').length >= n && !!document.querySelector('#map .land path'),
    labels,
  );
  return page;
}

/** Every name label on the map, each scene's marker, and the map's box, as the page lays them out. */
export function measureMap(page: Page) {
  return page.evaluate(() => {
    const rect = (element: Element) => {
      const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
      return { left, top, right, bottom, width, height };
    };
    return {
      map: rect(document.getElementById('map')!),
      labels: [...document.querySelectorAll<SVGTextElement>('#map .label')].map((label) => ({
        sceneId: label.dataset.sceneId!,
        status: label.dataset.status!,
        text: label.firstChild!.textContent!,
        box: rect(label),
        fontSize: parseFloat(getComputedStyle(label).fontSize),
      })),
      markers: [...document.querySelectorAll<SVGPathElement>('#map .marker')].map((marker) => ({
        sceneId: marker.dataset.sceneId!,
        box: rect(marker),
      })),
    };
  });
}

/** Pairs of map labels that overlap, as "A × B". */
export function labelClashes(labels: Array<{ text: string; box: Box }>): string[] {
  return labels.flatMap((a, i) =>
    labels
      .slice(i + 1)
      .filter((b) => intersects(a.box, b.box))
      .map((b) => `${a.text} × ${b.text}`),
  );
}

/** The list's rows as laid out: each scene row (id, status) and the "+ N more" row, if any. */
export function measureList(page: Page) {
  return page.evaluate(() => {
    const rect = (element: Element) => {
      const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
      return { left, top, right, bottom, width, height };
    };
    const more = document.querySelector<HTMLTableRowElement>('#scenes tr.more');
    return {
      rows: [...document.querySelectorAll<HTMLTableRowElement>('#scenes tbody tr[data-scene-id]')].map((row) => ({
        sceneId: row.dataset.sceneId!,
        status: row.dataset.status!,
        highlighted: row.dataset.highlight === 'true',
        box: rect(row),
      })),
      more: more ? { count: Number(more.dataset.count), text: more.textContent!, box: rect(more) } : null,
    };
  });
}
