// Browser test: log in through the form, visit every dashboard page in
// Debian's chromium, check what a person sees, save screenshots, and check
// the same pages on a phone-sized screen. Prints "ok - ..." / "not ok - ...".
//   node dashboard.mjs URL LOGIN PASSWORD OUTDIR
import { launch, ok } from './lib.mjs';

const [url, login, password, outDir] = process.argv.slice(2);

const browser = await launch();
try {
  const context = await browser.newContext({ locale: 'es-PE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  ok(page.url().includes('/login'), 'an anonymous visit lands on the login page', page.url());
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  ok(!page.url().includes('/login'), 'the login form logs in', page.url());
  ok((await page.locator('.ecx-tile').count()) >= 3, 'the overview shows the headline tiles');
  const nps = await page.locator('.ecx-tile').first().locator('.ecx-big').innerText();
  ok(/^-?\d+\.\d$/.test(nps.trim()), 'the NPS tile shows a number', nps);
  ok(await page.locator('svg.ecx-chart path.ecx-band').count() > 0, 'the trend chart has its confidence band');
  await page.screenshot({ path: `${outDir}/overview.png`, fullPage: true });

  await page.selectOption('select[name=segment]', { index: 1 });
  await Promise.all([page.waitForNavigation(), page.click('.ecx-filters button[type=submit]')]);
  ok(page.url().includes('segment='), 'the segment filter travels in the URL', page.url());

  await page.click('nav a[href="/breakdown"]');
  await page.waitForLoadState();
  await page.selectOption('select[name=by]', 'region');
  await Promise.all([page.waitForNavigation(), page.click('.ecx-filters button[type=submit]')]);
  const rows = await page.locator('table.ecx-table tbody tr').count();
  ok(rows >= 3, 'the breakdown by region lists the regions', rows);
  await page.screenshot({ path: `${outDir}/breakdown.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ecx-export a')]);
  ok(/\.csv$/.test(download.suggestedFilename()), 'the table downloads as CSV', download.suggestedFilename());

  await page.goto(`${url}/heatmap`);
  ok(await page.locator('svg.ecx-chart rect').count() > 10, 'the heatmap draws its cells');
  await page.screenshot({ path: `${outDir}/heatmap.png`, fullPage: true });

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'es-PE',
    storageState: await context.storageState() });
  const p2 = await phone.newPage();
  await p2.goto(`${url}/`);
  const overflow = await p2.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  ok(overflow <= 1, 'the overview fits a phone screen without sideways scrolling', overflow);
  await p2.screenshot({ path: `${outDir}/overview-phone.png`, fullPage: true });
} catch (e) {
  ok(false, 'the browser session ran to the end', e.stack || e);
} finally {
  await browser.close();
}
process.exit(ok.failed ? 1 : 0);
