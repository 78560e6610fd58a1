#!/usr/bin/env node
// Takes the screenshots of the README's tour from a running Siyu with the demo brand, in English.
//
//   node scripts/readme-screenshots.mjs [--url http://localhost:8080] [--out ../docs/images] [--chromium /usr/bin/chromium]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) => (index % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[index + 1]]] : pairs), []),
);
const url = args.url ?? 'http://localhost:8080';
const out = args.out ?? new URL('../../docs/images', import.meta.url).pathname;
await mkdir(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: args.chromium ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', deviceScaleFactor: 1 });
const page = await context.newPage();

await page.goto(`${url}/login`);
await page.getByTestId('login-username').fill('admin');
await page.getByTestId('login-password').fill('welcome-siyu');
await page.getByTestId('login-submit').click();
await page.getByTestId('stat-customers-value').waitFor();
await page.getByTestId('overview-window').getByText('Last year').click();
await page.waitForTimeout(1500);
await page.screenshot({ path: join(out, 'overview.png') });

await page.getByTestId('nav-customers').click();
await page.getByTestId('customer-row').first().waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: join(out, 'customers.png') });

// a repeat buyer who was merged from a second device shows every part of a profile
const merged = await page.evaluate(async () => {
  const response = await fetch('/api/v1/customers?minOrders=3&limit=200');
  const { items } = await response.json();
  for (const item of items) {
    const profile = await (await fetch(`/api/v1/customers/${item.id}`)).json();
    if (profile.merges.length > 0) {
      return item.id;
    }
  }
  return items[0].id;
});
await page.goto(`${url}/customers/${merged}`);
await page.getByTestId('profile-identities').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: join(out, 'profile.png') });
await page.getByTestId('profile-tab-timeline').click();
await page.getByTestId('timeline-event').first().waitFor();
await page.getByTestId('profile-timeline').scrollIntoViewIfNeeded();
await page.screenshot({ path: join(out, 'timeline.png') });

await page.getByTestId('nav-orders').click();
await page.getByTestId('order-row').first().waitFor();
await page.screenshot({ path: join(out, 'orders.png') });

await page.getByTestId('nav-operators').click();
await page.getByTestId('permission-matrix').waitFor();
await page.screenshot({ path: join(out, 'operators.png') });

await browser.close();
console.log(`screenshots written to ${out}`);
