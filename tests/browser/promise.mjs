// Browser test: build an experience promise in Debian's chromium the way a
// CX analyst does (whom with criteria, for what, how, tagline), see the
// 3-5 rule refuse two dimensions, save the promise, set its KPIs, look at
// the touchpoint matrix and the alerts, and print the report (print media
// and a PDF). Saves screenshots. Prints "ok - ..." / "not ok - ...".
//   node promise.mjs URL LOGIN PASSWORD OUTDIR
import { chromium } from 'playwright-core';

const [url, login, password, outDir] = process.argv.slice(2);
let failed = 0;
const ok = (cond, what, detail) => {
  console.log(`${cond ? 'ok' : 'not ok'} - browser promise: ${what}`);
  if (!cond) { failed++; if (detail) console.log(`#   ${String(detail).slice(0, 300)}`); }
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ locale: 'es-PE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

  // The builder: whom (a segment and a filter), for what, how, tagline.
  const fillPromise = async (dims) => {
    await page.goto(`${url}/promise`);
    await page.fill('input[name=name]', 'Empresas sin cortes');
    await page.selectOption('select[name=segment]', 'Empresas');
    await page.fill('input[name=where]', 'region=Lima|Arequipa');
    await page.fill('textarea[name=aspirations]', 'trabajar sin cortes\nque me atiendan a la primera');
    for (const d of dims) await page.check(`input[name=dim][value="${d}"]`);
    await page.fill('input[name=tagline]', 'Tu empresa, siempre en línea');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/promise"] button[type=submit]')]);
  };
  await fillPromise(['Amabilidad', 'Transparencia']);
  const refusal = await page.locator('main').innerText();
  ok(/3 a 5 dimensiones, no 2/.test(refusal), 'two dimensions are refused with the seed\'s reason', refusal);
  await page.screenshot({ path: `${outDir}/promise-refused.png`, fullPage: true });

  await fillPromise(['Cobertura de red', 'Velocidad de internet', 'Rapidez de atención', 'Resolución al primer contacto']);
  const m = page.url().match(/\/promise\/(\d+)\?saved=1/);
  ok(m, 'four dimensions are saved as a promise', page.url());
  const id = m ? m[1] : '1';
  ok(await page.locator('.ecx-tagline').innerText() === 'Tu empresa, siempre en línea', 'the promise page shows the tagline');
  ok(await page.locator('tr.ecx-rec').count() >= 3, 'the criteria table recommends 3 to 5 dimensions');
  await page.screenshot({ path: `${outDir}/promise.png`, fullPage: true });

  // Step 3: KPIs, one per promise dimension.
  await page.click(`a[href="/promise/${id}/kpis"]`);
  await page.waitForLoadState();
  await page.selectOption('select[name=metric_0]', 'mean');
  await page.fill('input[name=target_0]', '4.6');
  await page.selectOption('select[name=area_0]', { label: 'Red' });
  await page.fill('input[name=from_0]', '2026-01');
  await page.fill('input[name=to_0]', '2026-06');
  await page.selectOption('select[name=metric_1]', 'top2');
  await page.fill('input[name=target_1]', '5');
  await page.selectOption('select[name=area_1]', { label: 'Red' });
  await page.selectOption('select[name=metric_2]', 'nps');
  await page.fill('input[name=target_2]', '20');
  await page.selectOption('select[name=area_2]', { label: 'Atención al cliente' });
  await Promise.all([page.waitForNavigation(), page.click(`form[action="/promise/${id}/kpis"] button[type=submit]`)]);
  ok(page.url().includes('saved=1'), 'the KPIs are saved', page.url());
  const cob = page.locator('tr[data-dim="Cobertura de red"]');
  ok(await cob.locator('[data-status="below_target"]').count() === 1, 'Cobertura de red is significantly below 4.6');
  ok(await page.locator('tr[data-dim="Velocidad de internet"] [data-status="on_target"]').count() === 1, 'a low target is on target');
  ok(await cob.locator('svg.ecx-spark path.ecx-line').count() === 1, 'each KPI has its trend sparkline');
  const ci = await cob.locator('.ecx-ci').first().innerText();
  ok(/^\[\d+\.\d\d, \d+\.\d\d\]$/.test(ci), 'the current value carries its 95% interval', ci);
  await page.screenshot({ path: `${outDir}/promise-kpis.png`, fullPage: true });

  // Step 4: the touchpoint matrix and the alerts.
  await page.goto(`${url}/promise/${id}/touchpoints`);
  ok(await page.locator('svg.ecx-chart rect.ecx-st-below').count() > 0, 'the matrix colours cells below target');
  ok(await page.locator('table.ecx-matrix td[data-status="no_data"]').count() > 0, 'small cells are suppressed');
  await page.screenshot({ path: `${outDir}/promise-touchpoints.png`, fullPage: true });
  await page.goto(`${url}/promise/${id}`);
  const alert = await page.locator('li.ecx-alert').first().innerText();
  ok(/Cobertura de red/.test(alert) && /n = \d+/.test(alert), 'the promise page lists the alert with its figures', alert);

  // The printable report: print media hides the navigation and forms, the charts stay.
  await page.goto(`${url}/promise/${id}/print`);
  await page.emulateMedia({ media: 'print' });
  ok(!(await page.locator('header.top nav').isVisible()), 'printing hides the navigation');
  ok(await page.locator('article.ecx-promise-print svg.ecx-spark').count() >= 3, 'the report has the KPI sparklines');
  ok(await page.locator('article.ecx-promise-print svg.ecx-chart').count() >= 3, 'the report has the charts (scores, matrix, touchpoints)');
  ok(await page.locator('article.ecx-promise-print section.ecx-area').count() >= 1, 'the report has the areas\' alignment');
  await page.screenshot({ path: `${outDir}/promise-print.png`, fullPage: true });
  await page.pdf({ path: `${outDir}/promise.pdf`, format: 'A4', printBackground: true });
  ok(true, 'the report prints to PDF');
} catch (e) {
  ok(false, 'the browser session ran to the end', e.stack || e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
