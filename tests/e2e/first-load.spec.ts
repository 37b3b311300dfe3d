// The first five minutes: the first load of web mode is clean — no console error or warning, no 404.
import { expect, test } from '@playwright/test';

test('the first load logs no console error or warning and asks for nothing that is missing', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);

  // The icon ships with the page, and the meta policy holds only what a <meta> can enforce.
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', './favicon.svg');
  const icon = await page.request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('frame-ancestors');
});
