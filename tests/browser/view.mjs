// Drives Debian's headless Chromium (playwright-core, no browser download)
// over a page written by `newsgraph view`, as a reader would: type in the
// search box, pick a suggestion, click the node on the canvas, read the
// details panel. tests/view.rs runs it and reads the JSON line it prints.
//
//   node view.mjs explore PAGE.html SCENARIO.json SHOT.png
//   node view.mjs open PAGE.html SCENARIO.json SHOT.png
//
// Exits 1 with a message on the first thing that is not as expected.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [mode, pagePath, scenarioPath, shot] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8'));
const executablePath = process.env.NEWSGRAPH_CHROMIUM || '/usr/bin/chromium';

function fail(message) {
  throw new Error(message);
}
function check(cond, message) { if (!cond) fail(message); }

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { timings: {} };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  // Offline: the page may load itself and nothing else.
  const url = pathToFileURL(resolve(pagePath)).href;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push('request outside the page: ' + u);
    return route.abort();
  });

  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => window.newsgraph && window.newsgraph.ready === true, null, { timeout: 120000 });
  result.timings.open_ms = Date.now() - t0;
  result.timings.page = await page.evaluate(() => window.newsgraph.timings);
  result.opening_nodes = await page.evaluate(() => window.newsgraph.cy.nodes().length);
  check(result.opening_nodes > 0, 'the opening view is empty');

  // Search as a reader types.
  const t1 = Date.now();
  await page.locator('#search').pressSequentially(scenario.search, { delay: 15 });
  const option = page.locator('#results li', { hasText: scenario.pick }).first();
  await option.waitFor({ timeout: 10000 }).catch(() => fail('no suggestion ' + JSON.stringify(scenario.pick)
    + ' for ' + JSON.stringify(scenario.search)));
  result.suggestions = await page.locator('#results li').allInnerTexts();
  await option.click();
  await page.waitForFunction((name) => {
    const h = document.querySelector('#details h2');
    return h && h.textContent === name;
  }, scenario.pick, { timeout: 10000 }).catch(() => fail('picking the suggestion did not show ' + scenario.pick));
  result.timings.search_ms = Date.now() - t1;

  // Click the node where it is drawn, through the canvas.
  await page.evaluate(() => { window.newsgraph.cy.nodes(':selected').unselect(); });
  await page.locator('#details').evaluate((d) => d.replaceChildren());
  const at = await page.evaluate((name) => {
    const ng = window.newsgraph;
    const n = ng.nodes.find((x) => x.name === name && x.kind !== 'statement');
    const c = ng.cy.getElementById('n' + n.i);
    if (c.empty()) return null;
    const p = c.renderedPosition();
    const box = ng.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, scenario.pick);
  check(at, scenario.pick + ' is not on the canvas after picking it');
  const t2 = Date.now();
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction((name) => {
    const h = document.querySelector('#details h2');
    return h && h.textContent === name;
  }, scenario.pick, { timeout: 10000 }).catch(() => fail('clicking the node did not show its details'));
  result.timings.click_ms = Date.now() - t2;
  const details = await page.locator('#details').innerText();
  for (const want of scenario.expect || []) {
    check(details.includes(want), 'the details panel lacks ' + JSON.stringify(want) + '\n--- panel:\n' + details);
  }
  const evidence = await page.locator('#details .ev').count();
  check(evidence >= (scenario.min_evidence || 1), 'the details panel shows ' + evidence + ' evidence sentences');
  result.evidence_shown = evidence;
  for (const alias of scenario.aliases || []) {
    const aliases = await page.locator('#details ul.aliases li').allInnerTexts();
    check(aliases.includes(alias), 'alias ' + JSON.stringify(alias) + ' missing: ' + JSON.stringify(aliases));
  }

  if (mode === 'explore') {
    // Expand: a double click adds neighbours.
    const before = await page.evaluate(() => window.newsgraph.cy.nodes().length);
    const here = await page.evaluate((name) => {
      const ng = window.newsgraph;
      const n = ng.nodes.find((x) => x.name === name && x.kind !== 'statement');
      const p = ng.cy.getElementById('n' + n.i).renderedPosition();
      const box = ng.cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, scenario.expand);
    await page.evaluate((name) => {
      const ng = window.newsgraph;
      const n = ng.nodes.find((x) => x.name === name && x.kind !== 'statement');
      if (ng.cy.getElementById('n' + n.i).empty()) throw new Error(name + ' is not on the canvas to expand');
    }, scenario.expand);
    await page.mouse.dblclick(here.x, here.y);
    const after = await page.evaluate(() => window.newsgraph.cy.nodes().length);
    check(after > before, 'double-clicking ' + scenario.expand + ' added no neighbour (' + before + ' nodes before and after)');
    result.expanded = { before, after };

    // Filters: unticking a kind removes its edges from the canvas.
    const kind = scenario.filter_kind;
    const count = () => page.evaluate((k) => window.newsgraph.cy.edges().filter((e) => e.data('label').replace(/^not /, '').startsWith(k)).length, kind);
    const shown = await count();
    check(shown > 0, 'no ' + kind + ' edge on the canvas to filter');
    await page.locator('#kinds input[data-kind="' + kind + '"]').uncheck();
    check(await count() === 0, kind + ' edges stay after unticking ' + kind);
    await page.locator('#kinds input[data-kind="' + kind + '"]').check();
    check(await count() === shown, kind + ' edges do not come back');

    // An edge: clicking it shows its evidence.
    if (scenario.edge) {
      const { from, to, kind, expect } = scenario.edge;
      const mid = await page.evaluate(([from, to, kind]) => {
        const ng = window.newsgraph;
        const id = (name) => 'n' + ng.nodes.find((x) => x.name === name && x.kind !== 'statement').i;
        const e = ng.cy.edges().filter((x) => x.source().id() === id(from) && x.target().id() === id(to)
          && x.data('label').replace(/^not /, '').startsWith(kind));
        if (e.empty()) return null;
        ng.cy.fit(e.connectedNodes(), 200);
        const p = e.first().renderedMidpoint();
        const box = ng.cy.container().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      }, [from, to, kind]);
      check(mid, 'no ' + kind + ' edge from ' + from + ' to ' + to + ' on the canvas');
      await page.mouse.click(mid.x, mid.y);
      const title = await page.locator('#details h2').innerText();
      check(title === scenario.edge.title, 'clicking the ' + kind + ' edge showed ' + JSON.stringify(title));
      const text = await page.locator('#details').innerText();
      check(text.includes(expect), 'clicking the ' + kind + ' edge did not show ' + JSON.stringify(expect) + ':\n' + text);
    }

    // Statements: hidden by default, drawn when ticked.
    const statements = () => page.evaluate(() => window.newsgraph.cy.nodes('[kind = "statement"]').length);
    check(await statements() === 0, 'statement nodes are drawn while hidden');
    await page.locator('#statements').check();
    result.statements_drawn = await statements();
    check(result.statements_drawn > 0, 'ticking statements drew none');
    await page.locator('#statements').uncheck();
    check(await statements() === 0, 'statements stay after unticking');

    // Untrusted text stays text.
    if (scenario.hostile) {
      await page.locator('#search').fill('');
      await page.locator('#search').pressSequentially(scenario.hostile.search, { delay: 10 });
      await page.locator('#results li', { hasText: scenario.hostile.pick }).first().click();
      await page.waitForFunction((name) => {
        const h = document.querySelector('#details h2');
        return h && h.textContent === name;
      }, scenario.hostile.pick, { timeout: 10000 });
      const text = await page.locator('#details').innerText();
      check(text.includes(scenario.hostile.expect), 'the markup was not shown as text:\n' + text);
      check(await page.evaluate(() => window.pwned === undefined), 'script from the article ran');
      check(await page.locator('#details img, #details b, #details script').count() === 0, 'markup from the article was parsed');
    }
  } else {
    // Expanding the busiest hub in full: the worst single step.
    if (scenario.hub) {
      const t3 = Date.now();
      result.hub = await page.evaluate((name) => {
        const ng = window.newsgraph;
        const n = ng.nodes.find((x) => x.name === name && x.kind !== 'statement');
        ng.focusOn(n.i);
        const r = ng.expand(n.i, true);
        return { added: r.added, nodes: ng.cy.nodes().length, edges: ng.cy.edges().length };
      }, scenario.hub);
      result.timings.hub_expand_ms = Date.now() - t3;
    }
  }

  // Back to the scenario's actor, and one more expansion, for the screenshot.
  await page.locator('#search').fill('');
  await page.locator('#search').pressSequentially(scenario.search, { delay: 10 });
  await page.locator('#results li', { hasText: scenario.pick }).first().click();
  if (scenario.then_expand) {
    await page.evaluate((name) => {
      const ng = window.newsgraph;
      const n = ng.nodes.find((x) => x.name === name && x.kind !== 'statement');
      ng.expand(n.i);
    }, scenario.then_expand);
  }

  await page.locator('#search').blur();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot });
  check(problems.length === 0, problems.join('\n'));
  result.ok = true;
  console.log(JSON.stringify(result));
} catch (e) {
  console.error('view.mjs: ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
