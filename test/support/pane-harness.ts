import type { Browser, Page } from 'playwright-core';
import { buildPane } from '../../addin/build.ts';
import { launchChromium } from './browser.ts';
import { startChildService, type ChildService } from './child-service.ts';

export interface PaneHarness {
  service: ChildService;
  /** The task pane loaded from the service and ready; `errors` collects the page's uncaught errors. */
  openPane(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** The built task pane served by the real service, in Debian's headless Chromium. */
export async function startPaneHarness(): Promise<PaneHarness> {
  await buildPane({ quiet: true });
  const service = await startChildService();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
  } catch (error) {
    await service.stop();
    throw error;
  }
  const chromium = browser;
  return {
    service,
    openPane: async (viewport) => {
      const page = await chromium.newPage({ acceptDownloads: true, viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${service.url}/addin/taskpane.html`);
      await page.waitForSelector('body[data-ready=true]');
      return { page, errors };
    },
    close: async () => {
      await chromium.close();
      await service.stop();
    },
  };
}
