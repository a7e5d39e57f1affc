// Shared by the browser tests: Debian's chromium with the flags this kind of
// machine needs (no sandbox as root, no GPU, and no background networking,
// which otherwise makes refused connections), and TAP-like reporting.
import { chromium } from 'playwright-core';

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

// ok(cond, what, detail): prints "ok - browser: what" or "not ok - ..." and
// counts failures in ok.failed.
export function ok(cond, what, detail) {
  console.log(`${cond ? 'ok' : 'not ok'} - browser: ${what}`);
  if (!cond) { ok.failed++; if (detail !== undefined) console.log(`#   ${String(detail).slice(0, 300)}`); }
  return cond;
}
ok.failed = 0;

// Log in through the form on page.
export async function logIn(page, url, login, password) {
  await page.goto(`${url}/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('form.stack button[type=submit]')]);
}
