// Browser test of a survey's whole life: an analyst builds a survey in the
// builder (questions of several types), opens it and takes its public link;
// an anonymous respondent answers it on a phone (390x844, touch) and sees
// the thank-you page; the analyst then sees the answer counted on the
// overview (n up by one) and the comment on /verbatims. Also: the public
// form works from the keyboard (every field reachable with Tab, every field
// labelled). Screenshots of the builder, the form on the phone, the
// thank-you page and the verbatims page.
//   node survey.mjs URL LOGIN PASSWORD OUTDIR
import { launch, ok, logIn } from './lib.mjs';

const [url, login, password, outDir] = process.argv.slice(2);
const comment = 'Prueba desde el móvil: la atención fue rápida <b>y amable</b>';
const browser = await launch();

// The overview's counts: responses, and the n of the NPS tile.
async function counts(page) {
  await page.goto(`${url}/`);
  const text = await page.locator('.ecx-count').innerText();
  const tile = await page.locator('.ecx-tile').first().locator('.ecx-ci').innerText();
  return { responses: Number(text.replace(/\D/g, '')), nps: Number((tile.match(/n = (\d+)/) || [])[1]) };
}

try {
  const ctx = await browser.newContext({ locale: 'es-PE', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await logIn(page, url, login, password);
  const before = await counts(page);
  ok(before.responses > 0 && before.nps > 0, 'the overview counts responses before', JSON.stringify(before));

  // Build the survey.
  await page.goto(`${url}/surveys`);
  await page.fill('#code', 'movil');
  await page.fill('#title', 'Tienda en el móvil');
  await page.selectOption('#kind', 'transactional');
  await Promise.all([page.waitForNavigation(), page.click('form.stack button[type=submit]')]);
  ok(/\/surveys\/\d+$/.test(page.url()), 'creating a survey opens the builder', page.url());
  const builder = page.url();
  const add = async (q) => {
    await page.fill('#qcode', q.code);
    await page.selectOption('#qtype', q.type);
    if (q.scale) await page.selectOption('#scale', q.scale);
    if (q.dimension) await page.fill('#dimension', q.dimension);
    await page.fill('#qes', q.es);
    await page.fill('#qen', q.en);
    if (q.choices) await page.fill('#qch', q.choices);
    if (q.required) await page.check('form.stack input[name=required]');
    await Promise.all([page.waitForNavigation(), page.click('button[name=action][value=add]')]);
  };
  await add({ code: 'rec', type: 'nps', es: '¿Nos recomendaría a un amigo?', en: 'Would you recommend us?', required: true });
  await add({ code: 'sat', type: 'csat', es: '¿Qué tan satisfecho quedó?', en: 'How satisfied are you?' });
  await add({ code: 'speed', type: 'rating', scale: '1-5', dimension: 'Rapidez de atención', es: 'Rapidez de la atención', en: 'Speed' });
  await add({ code: 'why', type: 'choice', es: '¿Qué fue lo más importante?', en: 'What mattered most?',
              choices: 'precio|Precio|Price\ntrato|Trato|Service' });
  await add({ code: 'comment', type: 'text', es: '¿Algo más que contarnos?', en: 'Anything else?' });
  ok(await page.locator('form.question').count() === 5, 'the builder lists the five questions',
     await page.locator('form.question').count());
  await page.selectOption('#status', 'open');
  await Promise.all([page.waitForNavigation(), page.click('button[name=action][value=meta]')]);
  await Promise.all([page.waitForNavigation(), page.click('button[name=action][value=token]')]);
  const href = await page.locator('#public-link').getAttribute('href');
  ok(/^\/s\/[0-9a-f]{24}$/.test(href || ''), 'the survey has a public link', href);
  await page.screenshot({ path: `${outDir}/survey-builder.png`, fullPage: true });

  // An anonymous respondent on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
                                           locale: 'es-PE' });
  const p = await phone.newPage();
  await p.goto(`${url}${href}`);
  ok((await p.locator('h1').innerText()) === 'Tienda en el móvil', 'the public form opens without logging in');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  ok(overflow <= 1, 'the form fits the phone without sideways scrolling', overflow);

  // Keyboard: every field has a label, and Tab reaches every group and field.
  const unlabelled = await p.evaluate(() => [...document.querySelectorAll('main input:not([type=hidden]), main textarea, main select')]
    .filter(e => !e.labels || e.labels.length === 0).map(e => e.name));
  ok(unlabelled.length === 0, 'every field of the public form has a label', unlabelled.join(' '));
  const stops = [];
  await p.locator('h1').click();
  for (let i = 0; i < 40; i++) {
    await p.keyboard.press('Tab');
    const name = await p.evaluate(() => {
      const e = document.activeElement;
      return e && e.tagName !== 'BODY' ? (e.name || e.tagName.toLowerCase()) : '';
    });
    if (!name || stops.includes(name)) break;
    stops.push(name);
  }
  const want = ['q_rec', 'q_sat', 'q_speed', 'q_why', 'q_comment', 'button'];
  ok(want.every(n => stops.includes(n)), 'Tab reaches every question and the send button', stops.join(' '));
  // Answer the NPS from the keyboard: Tab to its group, arrows to 9.
  await p.locator('h1').click();
  await p.keyboard.press('Tab');
  for (let i = 0; i < 10; i++) await p.keyboard.press('ArrowRight');
  await p.keyboard.press('ArrowLeft');
  ok(await p.locator('input[name=q_rec][value="9"]').isChecked(), 'arrow keys choose a score in the NPS group');
  // The rest by touch.
  await p.locator('label:has(input[name=q_sat][value="5"])').tap();
  await p.locator('label:has(input[name=q_speed][value="4"])').tap();
  await p.locator('label:has(input[name=q_why][value="trato"])').tap();
  await p.fill('textarea[name=q_comment]', comment);
  await p.screenshot({ path: `${outDir}/public-form-phone.png`, fullPage: true });
  await Promise.all([p.waitForNavigation(), p.locator('button[type=submit]').tap()]);
  ok(/\/thanks$/.test(p.url()), 'sending the form shows the thank-you page', p.url());
  ok(/Gracias/.test(await p.locator('main').innerText()), 'which thanks the respondent in Spanish');
  await p.screenshot({ path: `${outDir}/thank-you-phone.png`, fullPage: true });

  // The analyst sees it counted (the cube refreshes within a second).
  let after = before;
  for (let i = 0; i < 20 && after.responses === before.responses; i++) {
    await page.waitForTimeout(300);
    after = await counts(page);
  }
  ok(after.responses === before.responses + 1, 'the overview counts one response more', `${before.responses} -> ${after.responses}`);
  ok(after.nps === before.nps + 1, 'and the NPS tile one answer more', `${before.nps} -> ${after.nps}`);
  await page.goto(`${url}/verbatims?q=${encodeURIComponent('atencion rapida movil')}`);
  const first = page.locator('.ecx-verbatims li').first();
  ok(await page.locator('.ecx-verbatims li').count() === 1, 'the comment is found on /verbatims, without accents in the search',
     await page.locator('.ecx-count').innerText());
  ok((await first.locator('blockquote').innerText()) === comment, 'shown as the respondent wrote it, markup as text',
     await first.locator('blockquote').innerText());
  ok(/NPS 9/.test(await first.locator('.ecx-meta').innerText()), 'with its score', await first.locator('.ecx-meta').innerText());
  ok(await page.locator('.ecx-verbatims mark').count() === 3, 'the three words searched are marked');
  await page.goto(`${url}/verbatims`);
  await page.screenshot({ path: `${outDir}/verbatims.png`, fullPage: true });
  await page.goto(builder);
  ok(await page.locator('form.question').count() === 5, 'the builder still opens after the answer');
} catch (e) {
  ok(false, 'the survey session ran to the end', e.stack || e);
} finally {
  await browser.close();
}
process.exit(ok.failed ? 1 : 0);
