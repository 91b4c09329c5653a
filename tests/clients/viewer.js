// Drives the viewer in Debian's headless Chromium with playwright-core:
// search for the Qusur strike, open it, find the conflicting death tolls;
// then open a document whose text and title carry markup and check that it
// shows as text and runs nothing. Screenshots go to OUT.
// usage: node viewer.js BASE_URL OUT_DIR XSS_DOCUMENT_ID
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const [base, out, xssDoc] = process.argv.slice(2);
let passed = 0;
const failed = [];
const check = (ok, what) => { if (ok) passed++; else failed.push(what); };

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "claimgraph-chromium-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const dialogs = [];
  const problems = [];
  const offsite = [];
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on("pageerror", (e) => problems.push("page error: " + e.message));
    // Failed loads are judged by their responses below; anything else the
    // console reports as an error (a CSP refusal, an exception) fails.
    page.on("console", (m) => {
      if (m.type() === "error" && !/^Failed to load resource/.test(m.text())) problems.push("console: " + m.text());
    });
    page.on("response", (r) => {
      // The conflicts endpoint may be missing: the viewer falls back.
      if (r.status() >= 400 && !(r.status() === 404 && /\/v1\/events\/[^/]+\/conflicts$/.test(r.url()))) {
        problems.push(`HTTP ${r.status()} for ${r.url()}`);
      }
    });
    page.on("request", (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });

    await page.goto(base + "/", { waitUntil: "load" });
    await page.waitForFunction(() => /nodes/.test(document.getElementById("status").textContent), null, { timeout: 20000 });
    check(await page.evaluate(() => typeof window.cytoscape === "function"), "Cytoscape.js did not load from the server");

    // Search for the strike and open it.
    await page.fill("#q", "Qusur");
    await page.press("#q", "Enter");
    // The strike, not the siege the same search finds.
    const first = page.locator('#results button[data-kind="event"]', { hasText: "airstrike" }).first();
    await first.waitFor({ timeout: 20000 });
    const title = await first.textContent();
    check(/qus/i.test(title), `the first event found is "${title}"`);
    await first.click();
    await page.waitForSelector("#conflicts table", { timeout: 20000 });
    await page.waitForSelector("#sources .claim", { timeout: 20000 });
    const nodes = await page.evaluate(() => window.claimgraphViewer.cy.nodes().length);
    check(nodes > 5, `the event's neighbourhood has ${nodes} nodes`);
    const killed = page.locator('#conflicts table[data-attribute="killed"]');
    check((await killed.count()) === 1, "no table of the killed figures");
    const tolls = (await killed.count()) ? await killed.innerText() : "";
    check(/\b14\b/.test(tolls), "the toll of 14 is not on the page: " + tolls);
    check(/\b2[2-5]\b/.test(tolls), "no other toll (22, 24, 25) beside it: " + tolls);
    const panel = await page.locator("#panel").innerText();
    check(/conflict|different values/i.test(panel), "the panel does not flag the conflict");
    check((await page.locator("#sources mark.figure").count()) > 0, "no figure marked in the quoted claims");
    const stanceEdges = await page.evaluate(() => window.claimgraphViewer.cy.edges("[stance]").length);
    check(stanceEdges >= 0, "stance edges");
    await page.screenshot({ path: path.join(out, "viewer.png") });

    // Open a node by clicking it on the canvas: the event itself.
    const pos = await page.evaluate(() => {
      const v = window.claimgraphViewer, n = v.cy.getElementById(v.state.focus);
      const p = n.renderedPosition(), box = document.getElementById("cy").getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.locator("#panel").evaluate((p) => { while (p.firstChild) p.removeChild(p.firstChild); });
    await page.mouse.click(pos.x, pos.y);
    await page.waitForSelector("#panel h2", { timeout: 10000 });
    check(/qus/i.test(await page.locator("#panel h2").innerText()), "clicking the event node did not open it");

    // A document with markup in its text and title.
    await page.goto(base + "/#focus=" + xssDoc, { waitUntil: "load" });
    await page.waitForSelector("#panel .doc-text", { timeout: 20000 });
    const lit = page.getByText("<script>alert(1)</script>", { exact: false });
    check((await lit.count()) > 0 && (await lit.first().isVisible()), "the literal <script> text is not shown");
    check((await page.locator("#panel script, #panel img").count()) === 0, "markup from the document became elements");
    await page.fill("#q", "Injected");
    await page.press("#q", "Enter");
    const doc = page.locator('#results button[data-kind="document"]').first();
    await doc.waitFor({ timeout: 20000 });
    check((await doc.textContent()).includes("<img src=x onerror=alert(2)>"), "the title with markup is not shown as text");
    check((await page.locator("#results img").count()) === 0, "the title's <img> became an element");
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, "viewer-markup.png") });
    check(dialogs.length === 0, "a dialog opened: " + dialogs.join(", "));
    check(problems.length === 0, "errors in the page: " + problems.join(" | "));
    check(offsite.length === 0, "requests left the server: " + offsite.join(", "));
  } catch (e) {
    failed.push("viewer run: " + e.message);
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const f of failed) console.log("FAIL:", f);
  console.log(`viewer: ${passed} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
})();
