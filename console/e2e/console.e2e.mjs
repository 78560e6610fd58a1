// End-to-end tests of the console: a real browser (the system's Chromium, driven by playwright-core) against a real
// Siyu started by the Maven build with its embedded PostgreSQL and a small demo brand.
//
//   SIYU_E2E_URL          where Siyu runs (default http://localhost:18080)
//   SIYU_E2E_API_TOKEN    an admin API token of that Siyu, used to wait for the demo brand and to check results
//   SIYU_CHROMIUM         the Chromium binary (default /usr/bin/chromium)
//   SIYU_E2E_SCREENSHOTS  a folder for screenshots of every step (optional)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { chromium } from 'playwright-core';

const BASE = process.env.SIYU_E2E_URL ?? 'http://localhost:18080';
const TOKEN = process.env.SIYU_E2E_API_TOKEN;
const SHOTS = process.env.SIYU_E2E_SCREENSHOTS;
const PASSWORD = 'welcome-siyu';

let browser;

async function api(path, init = {}) {
  const response = await fetch(BASE + path, {
    ...init,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function waitForDemoBrand() {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const overview = await api('/api/v1/overview?days=365');
      if (overview.status === 200 && overview.body.totals.customers >= 300 && overview.body.totals.orders > 0) {
        return overview.body;
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the demo brand did not load within 3 minutes');
}

/** The shop backend's side of the consumer API, as docs/consumer-api.md shows it: a token for one signed-in user. */
async function tokenFor(userId, privateKey, kid) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
    .setSubject(userId)
    .setAudience('siyu-consumer')
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(privateKey);
}

async function shot(page, name) {
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  }
}

async function signedIn(username, language = 'en') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language === 'zh' ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(BASE + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-operator').waitFor();
  return { page, context, errors };
}

/**
 * A stand-in SMTP server on 127.0.0.1 that signs in one user (AUTH PLAIN) and takes any mail: the provider a channel
 * is pointed at in the console. It counts the sign-ins with the right password.
 */
async function smtpStandIn(user, password) {
  const state = { signedIn: 0, refused: 0 };
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let mode = 'command';
    const reply = (line) => socket.write(line + '\r\n');
    const signIn = (encoded) => {
      const [, name, secret] = Buffer.from(encoded, 'base64').toString('utf8').split('\u0000');
      if (name === user && secret === password) {
        state.signedIn += 1;
        reply('235 2.7.0 signed in');
      } else {
        state.refused += 1;
        reply('535 5.7.8 wrong user or password');
      }
    };
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (mode === 'data') {
          if (line === '.') {
            mode = 'command';
            reply('250 2.0.0 taken');
          }
          continue;
        }
        if (mode === 'auth') {
          mode = 'command';
          signIn(line);
          continue;
        }
        const [verb, mechanism, initial] = line.split(' ');
        switch (verb.toUpperCase()) {
          case 'EHLO':
            reply('250-e2e.localhost');
            reply('250 AUTH PLAIN');
            break;
          case 'AUTH':
            if ((mechanism ?? '').toUpperCase() !== 'PLAIN') reply('504 5.5.4 PLAIN only');
            else if (initial) signIn(initial);
            else {
              mode = 'auth';
              reply('334 ');
            }
            break;
          case 'DATA':
            mode = 'data';
            reply('354 go on');
            break;
          case 'QUIT':
            reply('221 2.0.0 bye');
            socket.end();
            break;
          default:
            reply('250 2.0.0 ok');
        }
      }
    });
    reply('220 e2e.localhost ESMTP stand-in');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => {
    server.close(resolve);
    sockets.forEach((socket) => socket.destroy());
  });
  return { port: server.address().port, state, close };
}

/** The text box of a field, whether the test id is on the input itself or on a wrapper around it. */
function inputOf(page, testId) {
  return page.getByTestId(testId).locator('xpath=self::input|descendant::input').first();
}

before(async () => {
  assert.ok(TOKEN, 'SIYU_E2E_API_TOKEN must be set');
  await waitForDemoBrand();
  browser = await chromium.launch({
    executablePath: process.env.SIYU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

describe('the console', () => {
  test('refuses a wrong password and explains why', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(BASE + '/customers');
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(await page.getByTestId('login-error').innerText(), /wrong/i);
    await shot(page, '01-login-refused');
    await context.close();
  });

  test('shows the overview with the real figures and charts', async () => {
    const { page, context, errors } = await signedIn('admin');
    const overview = (await api('/api/v1/overview?days=30')).body;
    await page.getByTestId('stat-customers-value').waitFor();
    const shown = (await page.getByTestId('stat-customers-value').innerText()).replace(/[^0-9]/g, '');
    assert.equal(Number(shown), overview.totals.customers);
    for (const chart of ['chart-daily', 'chart-channels']) {
      await page.getByTestId(chart).locator('canvas, svg').first().waitFor();
    }
    await page.getByTestId('overview-window').getByText('Last year').click();
    await page.getByTestId('top-products').waitFor();
    await shot(page, '02-overview');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('finds a customer and opens the whole profile', async () => {
    const { page, context, errors } = await signedIn('admin');
    const someone = (await api('/api/v1/customers?minOrders=2&limit=1')).body.items[0];
    const timeline = (await api(`/api/v1/customers/${someone.id}/events?limit=1`)).body;
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    await shot(page, '03-customers');
    const search = page.getByTestId('customer-search').locator('input');
    await search.fill(String(someone.id));
    await search.press('Enter');
    await page.waitForFunction(
      (id) => [...document.querySelectorAll('[data-testid="customer-row"]')].length === 1
        && document.querySelector('[data-testid="customer-row"]').innerText.includes(String(id)),
      someone.id,
    );
    await page.getByTestId('customer-row').first().click();
    await page.getByTestId('profile-identities').waitFor();
    await page.getByTestId('profile-facts').waitFor();
    assert.ok((await page.getByTestId('profile-identities').innerText()).includes('user_id')
      || (await page.getByTestId('profile-identities').innerText()).toLowerCase().includes('user id'));
    await page.getByTestId('profile-traits').waitFor();
    await shot(page, '04-profile');
    await page.getByTestId('profile-tab-timeline').click();
    await page.getByTestId('timeline-event').first().waitFor();
    assert.ok((await page.getByTestId('timeline-total').innerText()).replace(/[^0-9]/g, '').includes(String(timeline.total)));
    await page.getByTestId('timeline-details-toggle').first().click();
    await page.getByTestId('timeline-details').first().waitFor();
    await shot(page, '05-timeline');
    await page.getByTestId('profile-tab-orders').click();
    await page.getByTestId('profile-orders').waitFor();
    await page.getByTestId('profile-tab-consent').click();
    await page.getByTestId('profile-consent').waitFor();
    const profile = (await api(`/api/v1/customers/${someone.id}`)).body;
    if (profile.consents.length > 0) {
      // every category the customer decided on is listed with its state
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="profile-consent"] .ant-table-tbody')[0]
          ?.querySelectorAll('tr.ant-table-row').length === count,
        profile.consents.length,
      );
      await shot(page, '05b-consent');
    }
    await page.getByTestId('profile-tab-merges').click();
    await page.getByTestId('profile-merges').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lists orders and shows an order with its lines', async () => {
    const { page, context } = await signedIn('admin');
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('order-row').first().waitFor();
    await shot(page, '06-orders');
    await page.getByTestId('order-row').first().click();
    await page.getByTestId('order-lines').locator('tbody tr.ant-table-row').first().waitFor();
    assert.ok(await page.getByTestId('order-lines').locator('tbody tr.ant-table-row').count() >= 1);
    await shot(page, '07-order');
    await context.close();
  });

  test('lists products with their sales', async () => {
    const { page, context } = await signedIn('admin');
    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-row').first().waitFor();
    await page.getByTestId('product-row').first().click();
    await page.getByTestId('product-sales').waitFor();
    await shot(page, '08-product');
    await context.close();
  });

  test('creates a write key, shows it once, and a revoked key stops working', async () => {
    const { page, context } = await signedIn('admin');
    await page.getByTestId('nav-write-keys').click();
    await page.getByTestId('create-write-key').click();
    await page.getByTestId('credential-name').fill('e2e mini-program');
    // the key's secret is hashed on creation, which a busy machine may take a while over: wait for the answer itself,
    // so that a failure names its status instead of a missing dialog
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/write-keys') && r.request().method() === 'POST', { timeout: 90_000 }),
      page.getByTestId('create-submit').click(),
    ]);
    assert.equal(created.status(), 201, `creating the write key answered ${created.status()}`);
    const secret = (await page.getByTestId('new-secret').innerText({ timeout: 60_000 })).trim();
    assert.match(secret, /^sywk_/);
    await shot(page, '09-write-key-secret');
    await page.getByTestId('secret-done').click();
    const track = () => fetch(BASE + '/v1/track', {
      method: 'POST',
      headers: { Authorization: 'Basic ' + Buffer.from(secret + ':').toString('base64'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ anonymousId: 'e2e-visitor', event: 'Page Scrolled' }),
    });
    assert.equal((await track()).status, 200);
    const row = page.getByTestId('write-key-row').filter({ hasText: 'e2e mini-program' });
    assert.equal((await row.getByTestId('write-key-scope').innerText()).trim(), 'Browser');
    const catalogue = await fetch(BASE + '/ingest/v1/products', {
      method: 'POST',
      headers: { Authorization: 'Basic ' + Buffer.from(secret + ':').toString('base64'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ products: [{ product_id: 'e2e-scope', name: 'Not from a page' }] }),
    });
    assert.equal(catalogue.status, 403, 'a browser key may not rewrite the catalogue');
    await row.getByTestId('revoke').click();
    await page.getByTestId('confirm-revoke').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="confirm-revoke"]'));
    assert.equal((await track()).status, 401);
    await context.close();
  });

  test('adds a consumer key pasted as a JWK, whose tokens open the consumer API until it is revoked', async () => {
    const { page, context, errors } = await signedIn('admin');
    const someone = (await api('/api/v1/customers?minOrders=1&limit=1')).body.items[0];
    const userId = (await api(`/api/v1/customers/${someone.id}`)).body.identities.find((i) => i.type === 'user_id').value;
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `e2e-${randomUUID()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    await page.getByTestId('nav-consumer-keys').click();
    await page.getByTestId('create-consumer-key').click();
    await page.getByTestId('credential-name').fill('e2e shop backend');
    await page.getByTestId('consumer-key-jwk').fill(JSON.stringify(jwk));
    await page.getByTestId('create-submit').click();
    const row = page.getByTestId('consumer-key-row').filter({ hasText: kid });
    await row.waitFor();
    assert.equal((await row.getByTestId('consumer-key-status').innerText()).trim(), 'Active');
    await shot(page, '09b-consumer-key');
    const me = () =>
      tokenFor(userId, privateKey, kid).then((token) =>
        fetch(BASE + '/consumer/v1/me', { headers: { Authorization: `Bearer ${token}` } }));
    const answer = await me();
    assert.equal(answer.status, 200);
    const profile = await answer.json();
    assert.equal(profile.subject, userId);
    assert.equal(profile.customerId, someone.id);
    await row.getByTestId('revoke').click();
    await page.getByTestId('confirm-revoke').click();
    await row.getByTestId('consumer-key-status').getByText('Revoked').waitFor();
    const refused = await me();
    assert.equal(refused.status, 401);
    assert.equal((await refused.json()).reason, 'revoked-key');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lists the messages ingestion rejected, with phones and e-mails masked', async () => {
    const issued = await api('/api/v1/write-keys', { method: 'POST', body: JSON.stringify({ name: 'e2e rejected' }) });
    const messageId = `e2e-rejected-${Date.now()}`;
    const sent = await fetch(BASE + '/v1/batch', {
      method: 'POST',
      headers: { Authorization: 'Basic ' + Buffer.from(issued.body.secret + ':').toString('base64'), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        batch: [
          { type: 'track', anonymousId: 'e2e-visitor', event: 'Page Scrolled' },
          { type: 'track', anonymousId: 'e2e-visitor', messageId, properties: { contact: 'ann.lee@example.com' } },
        ],
      }),
    });
    assert.equal(sent.status, 200, 'a batch with a broken message is answered as Segment answers it');
    assert.equal((await sent.json()).rejected, 1);

    const { page, context } = await signedIn('admin');
    await page.getByTestId('nav-rejected-messages').click();
    const row = page.getByTestId('rejected-row').filter({ hasText: messageId });
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const body = await page.getByTestId('rejected-body').first().innerText();
    assert.ok(body.includes('a***@example.com') && !body.includes('ann.lee@example.com'), 'the e-mail is masked');
    await shot(page, '11b-rejected-messages');
    await context.close();
  });

  test('creates an operator and shows what every role may do', async () => {
    const { page, context } = await signedIn('admin');
    await page.getByTestId('nav-operators').click();
    await page.getByTestId('permission-matrix').waitFor();
    await page.getByTestId('create-operator').click();
    const username = `e2e${Date.now() % 1_000_000}`;
    await page.getByTestId('operator-username').fill(username);
    await page.getByTestId('operator-display-name').fill('End To End');
    await page.getByTestId('operator-password').fill('long-enough-password');
    await page.getByTestId('operator-password-confirm').fill('long-enough-password');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('operator-row').filter({ hasText: username }).waitFor();
    await shot(page, '10-operators');
    await page.getByTestId('nav-audit-log').click();
    await page.getByTestId('audit-row').first().waitFor();
    assert.ok((await page.locator('body').innerText()).includes('operator.created'));
    await shot(page, '11-audit-log');
    await context.close();
  });

  test('an analyst sees personal data masked, no keys or operators, and the rejected events', async () => {
    const { page, context } = await signedIn('analyst');
    assert.equal(await page.getByTestId('nav-write-keys').count(), 0);
    assert.equal(await page.getByTestId('nav-operators').count(), 0);
    assert.equal(await page.getByTestId('nav-rejected-messages').count(), 1);
    const withPhone = (await api('/api/v1/customers?identity=' + encodeURIComponent('user_id:U100001'))).body.items[0]
      ?? (await api('/api/v1/customers?minOrders=1&limit=1')).body.items[0];
    await page.goto(`${BASE}/customers/${withPhone.id}`);
    await page.getByTestId('profile-identities').waitFor();
    const identities = await page.getByTestId('profile-identities').innerText();
    assert.ok(identities.includes('****'), 'phones are masked for analysts');
    assert.ok(!/\+861[3-9]\d{9}/.test(identities), 'no phone in clear');
    await shot(page, '12-analyst-profile');
    await context.close();
  });

  test('builds a segment with a live count equal to the server count, saves it and shows its members', async () => {
    const definition = {
      version: 1,
      condition: {
        type: 'all',
        conditions: [
          { type: 'fact', fact: 'order_count', operator: 'at_least', value: 1 },
          { type: 'event', event: 'Product Viewed', count: { operator: 'at_least', value: 1 }, window: { lastDays: 30 } },
        ],
      },
    };
    // the demo brand may still be arriving: wait until it has buyers who viewed products
    let expected = 0;
    for (let i = 0; i < 90 && expected === 0; i++) {
      expected = (await api('/api/v1/segments/count', { method: 'POST', body: JSON.stringify({ definition }) })).body.count;
      if (expected === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.ok(expected > 0, 'the demo brand has buyers who viewed products');
    const { page, context, errors } = await signedIn('marketer');
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('segment-row').first().waitFor();
    await page.getByTestId('segment-new').click();
    const name = `e2e repeat viewers ${Date.now() % 1_000_000}`;
    await page.getByTestId('segment-name').fill(name);
    // the starter rule is "order count at least 1"
    // and add "did Product Viewed at least once in the last 30 days"
    await page.getByTestId('add-rule').first().click();
    await page.getByTestId('add-rule-event').click();
    await page.getByTestId('rule-event').last().locator('input').fill('Product Viewed');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      (count) => {
        const live = document.querySelector('[data-testid="live-count"]');
        const value = document.querySelector('[data-testid="live-count-value"]');
        return live?.getAttribute('data-state') === 'ready' && value && Number(value.textContent.replace(/[^0-9]/g, '')) === count;
      },
      expected,
      { timeout: 15_000 },
    );
    await page.getByTestId('preview-row').first().waitFor();
    await shot(page, '14-segment-builder');

    // a rule the server refuses is marked where it stands, with the server's words
    await page.getByTestId('add-rule').first().click();
    await page.getByTestId('add-rule-trait').click();
    await page.getByTestId('rule-error').first().waitFor();
    assert.match(await page.getByTestId('rule-error').first().getAttribute('data-field'), /^definition\.condition\.conditions\[2\]/);
    await shot(page, '15-segment-builder-error');
    await page.getByTestId('rule-remove').last().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="live-count"]')?.getAttribute('data-state') === 'ready');

    await page.getByTestId('segment-save').click();
    await page.waitForURL(/\/segments\/\d+$/);
    assert.equal((await page.getByTestId('segment-title').innerText()).trim(), name);
    await page.getByTestId('member-row').first().waitFor();
    const total = (await page.getByTestId('members-total').innerText()).replace(/[^0-9]/g, '');
    assert.equal(Number(total), expected);
    const id = page.url().split('/').pop();
    const saved = (await api(`/api/v1/segments/${id}`)).body;
    assert.deepEqual(saved.definition, definition);
    await shot(page, '16-segment');
    await page.getByTestId('segment-tab-versions').click();
    await page.getByTestId('segment-versions').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('shows the RFM grid and the lifecycle charts', async () => {
    const { page, context, errors } = await signedIn('analyst');
    // RFM is scored a few seconds after the demo brand's purchases arrive
    let rfm = (await api('/api/v1/rfm')).body;
    for (let i = 0; i < 90 && !(rfm.scored > 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      rfm = (await api('/api/v1/rfm')).body;
    }
    assert.ok(rfm.scored > 0, 'RFM has scored the demo brand');
    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('rfm-grid').locator('canvas').first().waitFor();
    assert.equal(Number((await page.getByTestId('rfm-scored-value').innerText()).replace(/[^0-9]/g, '')), rfm.scored);
    assert.equal(await page.getByTestId('rfm-segment-link').count(), 11);
    await shot(page, '17-rfm');
    const models = (await api('/api/v1/lifecycle/models')).body;
    await page.getByTestId('nav-lifecycle').click();
    await page.getByTestId('lifecycle-distribution').locator('canvas').first().waitFor();
    await page.getByTestId('lifecycle-flows').locator('canvas').first().waitFor();
    const shown = await page.getByTestId('stage-card').count();
    assert.ok(models.some((model) => model.stages.length === shown));
    await shot(page, '18-lifecycle');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('creates a manual tag and assigns it one by one and from a CSV file', async () => {
    const { page, context, errors } = await signedIn('marketer');
    const [first, second, third] = (await api('/api/v1/customers?minOrders=1&limit=3')).body.items;
    await page.getByTestId('nav-tags').click();
    await page.getByTestId('tag-new').click();
    const name = `e2e vip ${Date.now() % 1_000_000}`;
    await page.getByTestId('tag-name').fill(name);
    await page.getByTestId('tag-save').click();
    await page.waitForURL(/\/tags\/\d+$/);
    assert.equal((await page.getByTestId('tag-title').innerText()).trim(), name);
    const id = page.url().split('/').pop();

    await page.getByTestId('assign-customer').fill(String(first.id));
    await page.getByTestId('assign-submit').click();
    await page.getByTestId('assignment-result').waitFor();
    await page.getByTestId('tag-member-row').first().waitFor();
    assert.equal(await page.getByTestId('tag-member-row').count(), 1);

    await page.getByTestId('assign-tab-csv').click();
    await page.getByTestId('assign-csv').fill(`customer\n${second.id}\n${third.id}\n987654321\n`);
    await page.getByTestId('assign-csv-submit').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tag-member-row"]').length === 3);
    assert.match(await page.getByTestId('assignment-result').innerText(), /1/);
    assert.equal((await api(`/api/v1/tags/${id}`)).body.customers, 3);
    await shot(page, '19-tag');

    await page.goto(`${BASE}/customers/${first.id}`);
    await page.getByTestId('profile-tags').waitFor();
    assert.ok((await page.getByTestId('profile-tags').innerText()).includes(name));
    await page.getByTestId('profile-tab-tags').click();
    await page.waitForFunction(
      (tag) => document.querySelector('[data-testid="profile-tag-history"]')?.innerText.includes(tag),
      name,
    );
    await shot(page, '20-profile-audience');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('writes a template with a live preview on a customer, and its message arrives in the sandbox outbox', async () => {
    const members = async (conditions) => {
      const definition = { version: 1, condition: { type: 'all', conditions } };
      return (await api('/api/v1/segments/preview', { method: 'POST', body: JSON.stringify({ definition, limit: 1 }) })).body.customers;
    };
    const [consenting] = await members([{ type: 'consent', category: 'email', state: 'granted' }]);
    const [declining] = await members([{ type: 'consent', category: 'email', state: 'denied' }]);
    assert.ok(consenting && declining, 'the demo brand has customers who granted and who denied e-mail');
    const profile = (await api(`/api/v1/customers/${consenting.id}`)).body;
    const run = Date.now() % 1_000_000;
    const key = `e2e-welcome-${run}`;

    const { page, context, errors } = await signedIn('marketer');
    await page.getByTestId('nav-templates').click();
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-preview-after-save').waitFor();
    await page.getByTestId('template-key').fill(key);
    await page.getByTestId('template-name').fill('E2E welcome');
    await page.getByTestId('template-subject').fill(`E2E ${run}: welcome, {{customer.name}}`);
    await page.getByTestId('template-html').fill(
      '<h1>Welcome, {{customer.name}}</h1><p>Orders so far: {{facts.order_count}}</p>'
        + '<p><a href="https://shop.example/new">See what is new</a></p>');
    await page.getByTestId('template-text').fill('Welcome, {{customer.name}}. Orders so far: {{facts.order_count}}.');
    await shot(page, '21-template-new');
    await page.getByTestId('template-save').click();
    await page.waitForURL(/\/messaging\/templates\/\d+$/);
    const templateId = page.url().split('/').pop();
    // the saved template opens in the editor, now with its versions and preview
    await page.getByTestId('template-version-row').first().waitFor();

    // a draft the server cannot compile is marked on its field with the rule and where the mistake is
    await page.getByTestId('template-html').fill('<p>{{#if customer.name}}Hello</p>');
    const fieldError = page.locator('[data-testid="template-field-error"][data-field="html"]');
    await fieldError.waitFor();
    assert.match(await fieldError.innerText(), /template-syntax/);
    await shot(page, '22-template-syntax-error');
    await page.getByTestId('template-html').fill(
      '<h1>Welcome, {{customer.name}}</h1><p>Orders so far: {{facts.order_count}}</p>'
        + '<p><a href="https://shop.example/new">See what is new</a></p>');

    // the preview renders the draft for a chosen customer, in a frame that runs nothing
    await page.getByTestId('preview-customer').click();
    await page.keyboard.type(String(consenting.id));
    await page.locator('.ant-select-item-option').filter({ hasText: `#${consenting.id}` }).first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="template-preview"]')?.getAttribute('data-state') === 'ready'
      && !document.querySelector('[data-testid="template-field-error"]'));
    const frame = page.getByTestId('template-preview-message-html');
    assert.equal(await frame.getAttribute('sandbox'), '');
    const preview = page.frameLocator('[data-testid="template-preview-message-html"]');
    await preview.locator('h1').waitFor();
    assert.equal((await preview.locator('p').first().innerText()).trim(), `Orders so far: ${profile.facts.orderCount}`);
    assert.ok(!(await preview.locator('h1').innerText()).includes('{{'));
    await shot(page, '23-template-preview');

    // a test send of the draft goes to the sandbox, which says so
    await page.getByTestId('template-test-send').click();
    await page.getByTestId('test-send-to').fill('marketing@brand.example');
    await page.getByTestId('test-send-submit').click();
    await page.getByTestId('test-send-result').waitFor();
    assert.equal(await page.getByTestId('test-send-result').getAttribute('data-status'), 'SENT');
    await shot(page, '24-template-test-send');
    await page.keyboard.press('Escape');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-version-row').nth(1).waitFor();
    assert.equal((await api(`/api/v1/message-templates/${templateId}`)).body.template.version, 2);

    // the shop's backend queues it to a customer who granted e-mail, and to one who declined it
    const queue = async (customerId) =>
      (await api('/api/v1/messages', { method: 'POST', body: JSON.stringify({ customerId, template: key, reason: `${key}:${customerId}` }) })).body;
    const sent = await queue(consenting.id);
    const skipped = await queue(declining.id);
    const settled = async (sendId) => {
      for (let i = 0; i < 60; i++) {
        const answer = (await api(`/api/v1/messages/${sendId}`)).body;
        if (answer.state !== 'queued' && answer.state !== 'sending') return answer;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return (await api(`/api/v1/messages/${sendId}`)).body;
    };
    const row = await settled(sent.sendId);
    assert.equal(row.state, 'sent');
    const held = await settled(skipped.sendId);
    assert.equal(held.state, 'skipped');
    assert.equal(held.outcome, 'consent-denied');
    assert.equal(row.provider, 'sandbox');

    await page.getByTestId('nav-outbox').click();
    assert.equal(await page.getByTestId('sandbox-banner').getAttribute('data-sandbox'), 'true');
    assert.match(await page.getByTestId('sandbox-banner').innerText(), /NOT sent/);
    const outboxRow = page.getByTestId('outbox-row').filter({ hasText: `E2E ${run}` }).filter({ has: page.getByTestId('outbox-ledger-link') });
    await outboxRow.waitFor();
    assert.ok(!(await outboxRow.innerText()).includes(profile.traits.find((trait) => trait.name === 'email')?.value ?? '@@'), 'the address is masked');
    await shot(page, '25-outbox');
    await outboxRow.click();
    const message = page.frameLocator('[data-testid="outbox-message-html"]');
    await message.locator('h1').waitFor();
    assert.equal((await message.locator('p').first().innerText()).trim(), `Orders so far: ${profile.facts.orderCount}`);
    await shot(page, '26-outbox-message');
    await page.getByTestId('outbox-message-tab-headers').click();
    await page.getByTestId('outbox-headers').getByText('List-Unsubscribe-Post').waitFor();
    await page.getByTestId('outbox-message-tab-text').click();
    assert.match(await page.getByTestId('outbox-message-text').innerText(), /Orders so far/);
    // reading it in the console loads neither its open pixel nor its links
    assert.equal((await api(`/api/v1/messages/${sent.sendId}`)).body.openedAt ?? null, null);

    await page.getByTestId('outbox-ledger-link').click();
    await page.getByTestId('message-detail').waitFor();
    assert.equal(await page.getByTestId('send-state').getAttribute('data-state'), 'sent');
    await shot(page, '27-message');

    // the declining customer's profile says what was held back, and why
    await page.goto(`${BASE}/customers/${declining.id}`);
    await page.getByTestId('profile-tab-messages').click();
    const heldRow = page.getByTestId('profile-messages').getByTestId('message-row').filter({ hasText: key });
    await heldRow.waitFor();
    assert.equal(await heldRow.getByTestId('send-state').getAttribute('data-state'), 'skipped');
    assert.match(await heldRow.innerText(), /declined messages of this kind/);
    await shot(page, '28-profile-messages');

    await page.getByTestId('nav-messages').click();
    await page.waitForURL(/\/messaging\/messages$/);
    await page.getByTestId('message-row').filter({ hasText: key }).first().waitFor();
    await shot(page, '29-messages');

    // suppressing the customer who got it, by hand, and lifting it again
    await page.getByTestId('nav-suppressions').click();
    await page.getByTestId('suppression-add').click();
    await page.getByTestId('suppression-customer').click();
    await page.keyboard.type(String(consenting.id));
    await page.locator('.ant-select-item-option').filter({ hasText: `#${consenting.id}` }).first().click();
    await page.getByTestId('suppression-note').fill('e2e: asked by phone not to get e-mail');
    await page.getByTestId('suppression-submit').click();
    const suppressed = page.getByTestId('suppression-row').filter({ hasText: 'e2e: asked by phone' });
    await suppressed.waitFor();
    await page.getByTestId('suppression-submit').waitFor({ state: 'detached' });
    await shot(page, '30-suppressions');
    await suppressed.getByTestId('suppression-lift').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await suppressed.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('draws a journey on the canvas, publishes it, and a tracked event moves a customer through it to the outbox', async () => {
    const stamp = Date.now() % 1_000_000_000;
    const writeKey = 'Basic ' + Buffer.from('sywk_e2e_write_key_0123456789abcdef:').toString('base64');
    const ingest = (type, body) => fetch(`${BASE}/v1/${type}`, {
      method: 'POST',
      headers: { Authorization: writeKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    // a message template, and a customer who gave an e-mail address and agreed to marketing e-mail
    const key = `e2e-journey-${stamp}`;
    const template = await api('/api/v1/message-templates', {
      method: 'POST',
      body: JSON.stringify({ key, name: `E2E journey mail ${stamp}`, channel: 'email', purpose: 'marketing',
        subject: `Thanks for the poke ${stamp}`, text: 'Hello {{customer.first_name}}, thanks for dropping by.' }),
    });
    assert.equal(template.status, 201, JSON.stringify(template.body));
    const userId = `e2e-journey-${stamp}`;
    assert.equal((await ingest('identify', {
      userId, messageId: `${userId}-identify`,
      traits: { email: `poke.${stamp}@example.com`, first_name: 'Poke' },
      context: { consent: { categoryPreferences: { email: true } } },
    })).status, 200);
    const consented = (profile) => profile?.consents?.some((consent) => consent.category === 'email' && consent.granted);
    let customer;
    for (let i = 0; i < 60 && !consented(customer); i++) {
      const found = (await api('/api/v1/customers?identity=' + encodeURIComponent(`user_id:${userId}`))).body.items[0];
      customer = found && (await api(`/api/v1/customers/${found.id}`)).body;
      if (!consented(customer)) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(consented(customer), 'the customer arrived, with consent to marketing e-mail');
    const event = `E2E Journey Poke ${stamp}`;

    const { page, context, errors } = await signedIn('marketer');
    await page.getByTestId('nav-journeys').click();
    await page.getByTestId('journey-new').click();
    const name = `e2e poke journey ${stamp}`;
    await page.getByTestId('journey-name').fill(name);
    await page.getByTestId('starter-empty').click();
    await page.getByTestId('journey-create-submit').click();
    await page.waitForURL(/\/journeys\/\d+$/);
    const id = page.url().split('/').pop();
    await page.getByTestId('journey-trigger').waitFor();

    // the trigger: the customer's event of that name
    await page.getByTestId('journey-trigger').click();
    await page.getByTestId('trigger-panel').waitFor();
    await page.getByTestId('trigger-type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'When they do an event' }).click();
    await page.getByTestId('trigger-event').locator('input').fill(event);
    await page.keyboard.press('Escape');

    // an action dragged from the palette onto the canvas, beside the exit, sending the template
    const exit = page.locator('[data-testid="journey-node"][data-node-id="exit_1"]');
    // zoomed out, the canvas has room beside the two cards
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.react-flow__controls-zoomout').click();
    const pane = page.locator('.jc-flow .react-flow__pane');
    const paneBox = await pane.boundingBox();
    await page.getByTestId('palette-action').dragTo(pane, { targetPosition: { x: paneBox.width * 0.78, y: paneBox.height * 0.2 } });
    const action = page.locator('[data-testid="journey-node"][data-node-type="action"]');
    await action.waitFor();
    const actionId = await action.getAttribute('data-node-id');
    await page.getByTestId('node-panel').waitFor();
    await page.getByTestId('action-template').click();
    await page.locator('.ant-select-item-option').filter({ hasText: key }).click();
    await action.getByTestId('node-summary').getByText(`E2E journey mail ${stamp}`).waitFor();

    // connect by dragging from a card's way out onto the next card: trigger → action → exit
    const drag = async (from, to) => {
      const a = await from.boundingBox();
      const b = await to.boundingBox();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
      await page.mouse.up();
    };
    await drag(page.getByTestId('handle-trigger-first'), action.locator('.jc-handle-in'));
    await drag(page.getByTestId(`handle-${actionId}-next`), exit.locator('.jc-handle-in'));
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge').length === 2);
    await page.getByTestId('journey-tidy').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="journey-checks"]')?.getAttribute('data-state') === 'valid');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await shot(page, '21-journey-canvas');

    // an arrow that leads nowhere is a problem shown on its card
    await page.getByTestId('palette-wait').dragTo(pane, { targetPosition: { x: paneBox.width * 0.2, y: paneBox.height * 0.45 } });
    await page.waitForFunction(() => document.querySelector('[data-testid="journey-checks"]')?.getAttribute('data-state') === 'invalid');
    const orphan = page.locator('[data-testid="journey-node"][data-node-type="wait"]');
    await orphan.getByTestId('node-problem').waitFor();
    assert.match(await orphan.getByTestId('node-problem').innerText(), /no path leads/);
    await shot(page, '22-journey-problem');
    // the card dropped is the one selected
    assert.equal(await page.getByTestId('node-panel').getAttribute('data-node-id'), await orphan.getAttribute('data-node-id'));
    await page.getByTestId('node-remove').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="journey-checks"]')?.getAttribute('data-state') === 'valid');

    await page.getByTestId('journey-save').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="journey-unsaved"]'));
    const saved = (await api(`/api/v1/journeys/${id}`)).body;
    assert.deepEqual(saved.draft.trigger, { type: 'event', event, where: [] });
    assert.equal(saved.draft.first, actionId);
    const sent = saved.draft.nodes.find((node) => node.id === actionId);
    assert.deepEqual({ action: sent.action, config: sent.config, next: sent.next }, { action: 'send_message', config: { template: key }, next: 'exit_1' });
    assert.ok(sent.position && typeof sent.position.x === 'number', 'the canvas keeps where the card stands');

    // a dry run of the draft walks the chosen customer through it and shows the message they would get, rendered
    await page.getByTestId('journey-tab-dry-run').click();
    await page.getByTestId('dry-run-customer').click();
    await page.keyboard.type(String(customer.id));
    await page.locator('.ant-select-item-option').filter({ hasText: `#${customer.id}` }).first().click();
    await page.getByTestId('dry-run-start').click();
    await page.getByTestId('dry-run-path').waitFor();
    assert.equal(await page.getByTestId('dry-run-subject').innerText(), `Thanks for the poke ${stamp}`);
    const walked = await page.getByTestId('dry-run-step').allInnerTexts();
    assert.ok(walked.some((step) => step.includes(actionId)), `the path passes the action: ${walked.join(' | ')}`);
    await page.getByTestId('dry-run-message-tab-text').click();
    assert.match(await page.getByTestId('dry-run-message-text').innerText(), /Hello Poke, thanks for dropping by\./);
    await shot(page, '22-journey-dry-run');
    assert.equal((await api('/api/v1/outbox?limit=50')).body.items.filter((item) => item.subject === `Thanks for the poke ${stamp}`).length, 0,
      'a dry run sends nothing');
    await page.getByTestId('journey-tab-canvas').click();

    await page.getByTestId('journey-publish').click();
    await page.getByTestId('confirm-publish').click();
    await page.getByTestId('journey-live-banner').waitFor();
    assert.equal(await page.getByTestId('journey-status').getAttribute('data-status'), 'published');

    // the customer does the event: the canvas counts them through, and the message is in the outbox
    assert.equal((await ingest('track', { userId, event, messageId: `${userId}-poke` })).status, 200);
    await page.waitForFunction(
      (nodeId) => document.querySelector(`[data-testid="journey-node"][data-node-id="${nodeId}"] [data-testid="node-counts"]`)?.getAttribute('data-passed') === '1',
      actionId,
      { timeout: 30_000 },
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="trigger-entered"]')?.getAttribute('data-entered') === '1');
    await shot(page, '23-journey-live');
    let mail;
    for (let i = 0; i < 60 && !mail; i++) {
      mail = (await api('/api/v1/outbox?limit=50')).body.items.find((item) => item.subject === `Thanks for the poke ${stamp}`);
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(mail, 'the message reached the outbox');
    const ledger = (await api(`/api/v1/messages/${mail.sendId}`)).body;
    assert.equal(ledger.customerId, customer.id);
    assert.equal(ledger.templateKey, key);
    assert.match(mail.recipient, /^p.*@example\.com$/);
    assert.ok(!mail.recipient.includes(`poke.${stamp}`), 'the address is masked');

    await page.getByTestId('journey-tab-report').click();
    await page.getByTestId('journey-report').waitFor();
    await page.getByTestId('journey-arms').locator('tr.ant-table-row').first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("shows a journey's report: both groups and the uplift with its 95 % interval", async () => {
    const stamp = Date.now() % 1_000_000_000;
    const goal = `E2E Bought ${stamp}`;
    const created = await api('/api/v1/journeys', {
      method: 'POST',
      body: JSON.stringify({
        name: `e2e measured journey ${stamp}`,
        draft: { trigger: { type: 'api' }, controlPercent: 50, goal: { event: goal, withinDays: 7 }, first: 'hold',
          nodes: [{ id: 'hold', type: 'wait', duration: 'P7D', next: null }] },
      }),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal((await api(`/api/v1/journeys/${id}/publish`, { method: 'POST' })).status, 200);
    const writeKey = 'Basic ' + Buffer.from('sywk_e2e_write_key_0123456789abcdef:').toString('base64');
    const buyers = (await api('/api/v1/customers?minOrders=1&limit=60')).body.items;
    let bought = 0;
    for (const [index, buyer] of buyers.entries()) {
      const entry = await api(`/api/v1/journeys/${id}/entries`, {
        method: 'POST', body: JSON.stringify({ customerId: buyer.id, occurrence: `e2e-${stamp}` }),
      });
      assert.equal(entry.status, 202, JSON.stringify(entry.body));
      // the treated group buys more often than the control group
      const buys = entry.body.outcome === 'entered' ? index % 3 !== 0 : index % 4 === 0;
      const userId = (await api(`/api/v1/customers/${buyer.id}`)).body.identities.find((i) => i.type === 'user_id')?.value;
      if (buys && userId) {
        const tracked = await fetch(`${BASE}/v1/track`, {
          method: 'POST',
          headers: { Authorization: writeKey, 'Content-Type': 'application/json' },
          body: JSON.stringify({ userId, event: goal, messageId: `e2e-${stamp}-${buyer.id}`, properties: { revenue: 50 + (index % 7) * 20 } }),
        });
        assert.equal(tracked.status, 200);
        bought++;
      }
    }
    let report;
    for (let i = 0; i < 60; i++) {
      report = (await api(`/api/v1/journeys/${id}/report`)).body;
      if (report.effect && report.arms.reduce((sum, arm) => sum + arm.converted, 0) === bought) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(report.effect, 'both groups have customers');

    const { page, context, errors } = await signedIn('analyst');
    await page.goto(`${BASE}/journeys/${id}`);
    await page.getByTestId('journey-live-banner').waitFor();
    assert.equal(await page.getByTestId('journey-edit-draft').count(), 0, 'analysts do not edit journeys');
    await page.getByTestId('journey-tab-report').click();
    await page.getByTestId('uplift-conversion-chart').locator('canvas').first().waitFor();
    await page.getByTestId('journey-arms').locator('tr.ant-table-row').nth(1).waitFor();
    const verdict = await page.getByTestId('uplift-evidence').first().getAttribute('data-verdict');
    assert.equal(verdict, report.effect.conversion.p < 0.05 ? 'likely' : 'chance');
    assert.equal(await page.getByTestId('sample-ratio-warning').count(), report.effect.sampleRatio.mismatch ? 1 : 0);
    await page.waitForTimeout(300);
    await shot(page, '24-journey-report');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('speaks Chinese and English', async () => {
    const { page, context } = await signedIn('admin', 'en');
    assert.equal((await page.getByTestId('nav-overview').innerText()).trim(), 'Overview');
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-overview"]').innerText.trim() === '概览');
    await shot(page, '13-chinese');
    await context.close();
  });

  test("sets a channel's SMTP server in the console, checks it, keeps its password unseen, and returns to the environment", async () => {
    const user = 'e2e-sender';
    const password = `e2e-smtp-${randomUUID()}`;
    const smtp = await smtpStandIn(user, password);
    await api('/api/v1/messaging/providers/email', { method: 'DELETE' });
    const { page, context, errors } = await signedIn('admin');
    try {
      const before = (await api('/api/v1/messaging/providers')).body.find((view) => view.channel === 'email');
      assert.ok(['sandbox', 'environment'].includes(before.source), `e-mail starts from ${before.source}`);
      await page.getByTestId('nav-channels').click();
      const source = page.getByTestId('provider-email-source');
      await page.locator(`[data-testid="provider-email-source"][data-source="${before.source}"]`).waitFor();
      await shot(page, '40-channels');

      // a timeout that is no duration is refused before anything is sent
      const form = page.getByTestId('provider-form-email');
      await inputOf(page, 'provider-email-timeout').fill('5 seconds');
      await page.getByTestId('provider-email-save').click();
      await form.locator('.ant-form-item-explain-error').filter({ hasText: 'such as 10s' }).waitFor();

      // first a host where no SMTP server answers
      await inputOf(page, 'provider-email-host').fill('127.0.0.2');
      await inputOf(page, 'provider-email-port').fill(String(smtp.port));
      await inputOf(page, 'provider-email-username').fill(user);
      await inputOf(page, 'provider-email-password').fill(password);
      for (const flag of ['provider-email-startTls', 'provider-email-ssl']) {
        if ((await page.getByTestId(flag).getAttribute('aria-checked')) === 'true') {
          await page.getByTestId(flag).click();
        }
      }
      await inputOf(page, 'provider-email-from').fill('E2E Sender <e2e-sender@example.com>');
      await inputOf(page, 'provider-email-timeout').fill('5s');
      const save = () => Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/v1/messaging/providers/email')
          && response.request().method() === 'PUT' && response.status() === 200),
        page.getByTestId('provider-email-save').click(),
      ]);
      await save();
      await page.locator('[data-testid="provider-email-source"][data-source="console"]').waitFor();
      await page.getByTestId('provider-email-check').click();
      await page.getByTestId('provider-email-outcome').filter({ hasText: 'Refused' }).waitFor();
      assert.equal(smtp.state.signedIn, 0);
      await shot(page, '41-channels-refused');

      // then the stand-in's host: the password given once is kept, and signs in
      await inputOf(page, 'provider-email-host').fill('127.0.0.1');
      assert.equal(await inputOf(page, 'provider-email-password').inputValue(), '', 'the password is not shown again');
      await save();
      await page.getByTestId('provider-email-check').click();
      await page.getByTestId('provider-email-outcome').filter({ hasText: 'Connected' }).waitFor();
      assert.ok(smtp.state.signedIn >= 1, 'the check signed in with the password saved in the console');
      assert.equal(smtp.state.refused, 0);
      assert.equal(await source.getAttribute('data-source'), 'console');
      const passwordItem = form.locator('.ant-form-item').filter({ has: page.getByTestId('provider-email-password') });
      assert.match(await passwordItem.innerText(), /Set on/);
      assert.equal(await inputOf(page, 'provider-email-password').inputValue(), '');
      assert.ok(!(await page.content()).includes(password), 'the password is nowhere on the page');
      const listed = await api('/api/v1/messaging/providers');
      assert.ok(!JSON.stringify(listed.body).includes(password), 'the API never shows the password');
      const email = listed.body.find((view) => view.channel === 'email');
      assert.equal(email.fields.timeout, '5s');
      assert.equal(email.secrets.find((secret) => secret.name === 'password').set, true);
      await shot(page, '42-channels-console');

      // and back to the environment's settings
      await page.getByTestId('provider-email-return').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.locator(`[data-testid="provider-email-source"][data-source="${before.source}"]`).waitFor();
      await page.getByTestId('provider-email-return').waitFor({ state: 'detached' });
      assert.equal(
        (await api('/api/v1/messaging/providers')).body.find((view) => view.channel === 'email').source,
        before.source,
      );
      assert.deepEqual(errors, []);
    } finally {
      await api('/api/v1/messaging/providers/email', { method: 'DELETE' });
      await context.close();
      await smtp.close();
    }
  });
});
