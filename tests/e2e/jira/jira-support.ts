/** Shared steps of the Jira e2e files: the shell's minimal Jira. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Moves the open work item to `target` through the transitions its workflow offers (To Do
 * reaches Done only through In Progress): at most two steps.
 */
export async function moveTo(page: Page, target: string): Promise<void> {
  for (let step = 0; step < 3; step++) {
    const status = await page.locator('.jira-status').first().textContent();
    if (status === target) return;
    const offered = await page.locator('select[name="transitionId"] option').allTextContents();
    const pick =
      offered.find((o) => o.endsWith(`→ ${target}`)) ??
      offered.find((o) => o.endsWith('→ In Progress'));
    if (!pick) throw new Error(`no transition toward ${target} from ${status}: ${offered.join()}`);
    await page.selectOption('select[name="transitionId"]', { label: pick });
    await page.click('form.jira-transition button[type="submit"]');
    await expect.poll(() => page.locator('.jira-status').first().textContent()).not.toBe(status);
  }
  throw new Error(`could not reach ${target}`);
}
