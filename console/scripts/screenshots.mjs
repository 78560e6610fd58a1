#!/usr/bin/env node
// Signs in to a running console, visits every page in Chinese and in English, and saves full-page screenshots, so
// that a person can look at what operators will see. Console errors, failed requests and React or Ant Design warnings
// are listed at the end; the exit code is 1 when there were any.
//
//   node scripts/screenshots.mjs [--url http://localhost:5173] [--out /tmp/console-shots]
//                                [--user admin] [--password welcome-siyu] [--chromium /usr/bin/chromium]
//                                [--width 1440] [--height 900]

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const options = parseArguments(process.argv.slice(2), {
  url: 'http://localhost:5173',
  out: '/tmp/console-shots',
  user: 'admin',
  password: 'welcome-siyu',
  chromium: '/usr/bin/chromium',
  width: '1440',
  height: '900',
});

const problems = [];
const expectedFailures = new Set();
let expectingSignOut = false;
await mkdir(options.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: options.chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const context = await browser.newContext({
    viewport: { width: Number(options.width), height: Number(options.height) },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  watch(page);

  await page.goto(`${options.url}/customers`);
  await page.getByTestId('login-username').waitFor();
  await shot(page, 'zh-01-login');

  await page.getByTestId('login-username').fill(options.user);
  await page.getByTestId('login-password').fill('not-the-password');
  expectedFailures.add('POST /api/v1/session 401');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  await shot(page, 'zh-02-login-rejected');

  await page.getByTestId('login-password').fill(options.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/customers');

  try {
    for (const language of ['zh', 'en']) {
      if (language === 'en') {
        await page.getByTestId('language-switch').click();
        await page.getByText('Sign out').waitFor();
      }
      await tour(page, language);
    }
  } catch (error) {
    await page.screenshot({ path: join(options.out, 'failed.png') });
    problems.push(`the tour stopped on ${page.url()} (see failed.png): ${error.message.split('\n')[0]}`);
    report();
    throw error;
  }

  // A session that ends elsewhere (expired, or signed out in another tab) sends the operator back to sign in.
  await context.clearCookies();
  expectingSignOut = true;
  await page.locator('[data-testid^="nav-"]').first().click();
  await page.getByTestId('login-username').waitFor();
  await shot(page, 'en-98-session-expired');

  await page.getByTestId('login-username').fill(options.user);
  await page.getByTestId('login-password').fill(options.password);
  await page.getByTestId('login-submit').click();
  expectingSignOut = false;
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').waitFor();
  await shot(page, 'en-99-signed-out');
  await context.close();
} finally {
  await browser.close();
}

report();

function report() {
  if (problems.length > 0) {
    console.log(`\n${problems.length} problems:`);
    for (const problem of problems) {
      console.log(`- ${problem}`);
    }
    process.exitCode = 1;
  } else {
    console.log('\nno console errors, warnings or failed requests');
  }
}

async function tour(page, language) {
  const step = counter(language);
  await page.getByTestId('sign-out').waitFor();
  const sections = [
    ['nav-overview', overview],
    ['nav-customers', customers],
    ['nav-orders', orders],
    ['nav-products', products],
    ['nav-segments', segments],
    ['nav-tags', tags],
    ['nav-rfm', rfm],
    ['nav-lifecycle', lifecycle],
    ['nav-outbox', outbox],
    ['nav-messages', messages],
    ['nav-templates', templates],
    ['nav-suppressions', suppressions],
    ['nav-journeys', journeys],
    ['nav-write-keys', writeKeys],
    ['nav-api-tokens', apiTokens],
    ['nav-operators', operators],
    ['nav-audit-log', auditLog],
    ['nav-rejected-messages', rejectedMessages],
  ];
  for (const [navigation, visit] of sections) {
    // the navigation shows only what the operator's role allows
    if ((await page.getByTestId(navigation).count()) > 0) {
      await page.getByTestId(navigation).click();
      await visit(page, step, language);
    }
  }
  await page.goto(`${options.url}/no-such-page`);
  await shot(page, step('not-found'));
}

async function overview(page, step) {
  await page.getByTestId('chart-daily').waitFor();
  await page.getByTestId('stat-customers-value').waitFor();
  await shot(page, step('overview'));
}

async function customers(page, step) {
  await page.getByTestId('customer-row').first().waitFor();
  await shot(page, step('customers'));

  await page.getByTestId('customer-search').locator('input').fill('王');
  await page.getByTestId('customer-search').locator('input').press('Enter');
  await page.waitForURL('**/customers?q=*');
  await shot(page, step('customers-search'));

  await page.goto(`${options.url}/customers`);
  await page.getByTestId('customer-row').nth(2).click();
  await page.getByTestId('profile-facts').waitFor();
  await page.getByTestId('timeline-event').first().waitFor();
  await shot(page, step('profile'));
  await page.getByTestId('timeline-details-toggle').first().click();
  await page.getByTestId('timeline-details').first().waitFor();
  await settle(page);
  await page.getByTestId('profile-timeline').screenshot({ path: join(options.out, `${step('timeline-details')}.png`) });

  if ((await page.getByTestId('profile-tab-orders').count()) > 0) {
    await page.getByTestId('profile-tab-orders').click();
    await page.getByTestId('profile-orders').waitFor();
    await shot(page, step('profile-orders'));
  }
  await page.getByTestId('profile-tab-merges').click();
  await page.getByTestId('profile-merges').waitFor();
  await shot(page, step('profile-merges'));

  // A profile that absorbed another, opened by the absorbed id, says so.
  const merged = await mergedProfileId(page);
  if (merged) {
    await page.goto(`${options.url}/customers/${merged}`);
    await page.getByTestId('profile-merged-notice').waitFor();
    await shot(page, step('profile-merged'));
  }
}

async function orders(page, step) {
  await page.getByTestId('order-row').first().waitFor();
  await shot(page, step('orders'));
  await page.getByTestId('order-row').first().click();
  await page.getByTestId('order-lines').waitFor();
  await shot(page, step('order'));
}

async function products(page, step) {
  await page.getByTestId('product-row').first().waitFor();
  await shot(page, step('products'));
  await page.getByTestId('product-row').first().click();
  await page.getByTestId('product-sales').waitFor();
  await shot(page, step('product'));
  if ((await page.getByTestId('edit-product').count()) > 0) {
    await page.getByTestId('edit-product').click();
    await page.getByTestId('product-form').waitFor();
    await shot(page, step('product-edit'));
    await page.keyboard.press('Escape');
  }
}

async function segments(page, step) {
  await page.getByTestId('segment-row').first().waitFor();
  await shot(page, step('segments'));
  await page.getByTestId('segment-row').first().click();
  await page.getByTestId('member-row').first().waitFor();
  await shot(page, step('segment'));
  await page.getByTestId('nav-segments').click();
  await page.getByTestId('segment-row').first().waitFor();
  if ((await page.getByTestId('segment-new').count()) > 0) {
    await page.getByTestId('segment-new').click();
    await page.getByTestId('preview-row').first().waitFor();
    await shot(page, step('segment-builder'));
  }
}

async function tags(page, step) {
  await page.getByTestId('tags-table').waitFor();
  await shot(page, step('tags'));
}

async function rfm(page, step) {
  await page.getByTestId('rfm-grid').locator('canvas').first().waitFor();
  await shot(page, step('rfm'));
}

async function lifecycle(page, step) {
  await page.getByTestId('lifecycle-flows').locator('canvas').first().waitFor();
  await shot(page, step('lifecycle'));
}

async function outbox(page, step) {
  await page.getByTestId('sandbox-banner').waitFor();
  await page.getByTestId('outbox-row').first().or(page.locator('.ant-empty')).first().waitFor();
  await shot(page, step('outbox'));
  if ((await page.getByTestId('outbox-row').count()) > 0) {
    await page.getByTestId('outbox-row').first().click();
    await page.getByTestId('outbox-message').waitFor();
    await shot(page, step('outbox-message'));
  }
}

async function messages(page, step) {
  await page.getByTestId('message-row').first().or(page.locator('.ant-empty')).first().waitFor();
  await shot(page, step('messages'));
  if ((await page.getByTestId('message-row').count()) > 0) {
    await page.getByTestId('message-row').first().click();
    await page.getByTestId('message-detail').waitFor();
    await shot(page, step('message'));
  }
}

async function templates(page, step) {
  await page.getByTestId('template-row').first().or(page.locator('.ant-empty')).first().waitFor();
  await shot(page, step('templates'));
  if ((await page.getByTestId('template-row').count()) > 0) {
    await page.getByTestId('template-row').first().click();
    await page.getByTestId('template-variables').waitFor();
    await page.locator('[data-testid="template-preview"][data-state="ready"]').waitFor();
    await shot(page, step('template'));
  }
}

async function suppressions(page, step) {
  await page.getByTestId('suppression-row').first().or(page.locator('.ant-empty')).first().waitFor();
  await shot(page, step('suppressions'));
}

async function journeys(page, step) {
  // a fresh brand has no journey yet: the empty list is a page worth showing too
  await page.getByTestId('journey-row').first().or(page.locator('.ant-empty')).first().waitFor();
  await shot(page, step('journeys'));
  if ((await page.getByTestId('journey-row').count()) > 0) {
    await page.getByTestId('journey-row').first().click();
    await page.getByTestId('journey-trigger').waitFor();
    await shot(page, step('journey'));
  }
}

async function writeKeys(page, step, language) {
  // a fresh demo brand has no write key yet: the empty list is a page worth showing too
  await page.getByTestId('write-key-row').first().or(page.locator('.ant-empty')).first().waitFor();
  await shot(page, step('write-keys'));
  await page.getByTestId('create-write-key').click();
  await settle(page); // a click during the dialog's opening animation can miss its button
  await page.getByTestId('credential-name').fill(language === 'zh' ? '小程序正式环境' : 'Web shop production');
  await page.getByTestId('create-submit').click();
  await page.getByTestId('new-secret').waitFor();
  await shot(page, step('write-key-secret'));
  await page.getByTestId('secret-done').click();
}

async function apiTokens(page, step) {
  // a fresh installation has no API tokens yet
  await settle(page);
  await shot(page, step('api-tokens'));
  await page.getByTestId('create-api-token').click();
  await shot(page, step('api-token-create'));
  await page.keyboard.press('Escape');
}

async function operators(page, step) {
  await page.getByTestId('operator-row').first().waitFor();
  await page.getByTestId('permission-matrix').locator('.anticon-check-circle').first().waitFor();
  await shot(page, step('operators'));
  await page.getByTestId('create-operator').click();
  await shot(page, step('operator-create'));
  await page.keyboard.press('Escape');
}

async function auditLog(page, step) {
  await page.getByTestId('audit-row').first().waitFor();
  await shot(page, step('audit-log'));
}

async function rejectedMessages(page, step) {
  await settle(page);
  await shot(page, step('rejected-messages'));
}

async function mergedProfileId(page) {
  return page.evaluate(async () => {
    const answer = await fetch('/api/v1/customers?limit=50').then((response) => response.json());
    for (const customer of answer.items) {
      const profile = await fetch(`/api/v1/customers/${customer.id}`).then((response) => response.json());
      if (profile.merges.length > 0) {
        return profile.merges[0].absorbedId;
      }
    }
    return undefined;
  });
}


function watch(page) {
  page.on('console', (message) => {
    // failed requests are reported once, by the response handler below
    if (message.text().startsWith('Failed to load resource')) {
      return;
    }
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    const request = response.request();
    const path = new URL(response.url()).pathname;
    const key = `${request.method()} ${path} ${response.status()}`;
    // the console asks who is signed in before anyone is
    // and every call made after the cookies were cleared is refused
    if (response.status() === 401 && expectingSignOut) {
      return;
    }
    if (response.status() >= 400 && key !== 'GET /api/v1/session 401' && !expectedFailures.has(key)) {
      problems.push(`HTTP ${key}`);
    }
  });
}

async function settle(page) {
  // a sandboxed frame that loads nothing (a message's preview) may never report its network idle
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  // charts animate and dialogs fade in
  await page.waitForTimeout(900);
}

/** What fits the window, as an operator first sees it, and the whole page when it is longer. */
async function shot(page, name) {
  await settle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(options.out, `${name}.png`) });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > page.viewportSize().height) {
    await page.screenshot({ path: join(options.out, `${name}-full.png`), fullPage: true });
  }
  console.log(`${name}.png`);
}

function counter(prefix) {
  let n = 2;
  return (name) => `${prefix}-${String(++n).padStart(2, '0')}-${name}`;
}

function parseArguments(args, defaults) {
  const parsed = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '');
    if (!(name in defaults) || args[i + 1] === undefined) {
      console.error(`usage: screenshots.mjs ${Object.keys(defaults).map((key) => `[--${key} ${defaults[key]}]`).join(' ')}`);
      process.exit(2);
    }
    parsed[name] = args[i + 1];
  }
  return parsed;
}
