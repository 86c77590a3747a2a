// End-to-end test of the dashboard in headless Chromium (playwright-core,
// Debian's /usr/bin/chromium): open a thread, expand an event, follow its
// evidence to the article, search, and check that a hostile article's
// tags are shown as text and run nothing. Saves screenshots.
//
// Usage: node dashboard.test.mjs BASE_URL SCREENSHOT_DIR HOSTILE_ARTICLE_ID
// Run by scripts/browser-test.sh, which installs and starts everything.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.PLAYWRIGHT_PREFIX, "package.json"));
const { chromium } = require("playwright-core");

const [base, shots, hostileId] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") pageErrors.push("console: " + m.text()); });
page.on("response", (r) => { if (r.status() >= 400) pageErrors.push(r.status() + " " + r.url()); });
let dialogs = 0;
page.on("dialog", async (d) => { dialogs += 1; await d.dismiss(); });
const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: false });

try {
  // 1. Threads.
  await page.goto(base + "/");
  await page.waitForSelector("main a[href^='#/thread/']");
  check(await page.locator("main li").count() >= 1, "the thread list shows a thread");
  await shot("01-threads.png");

  // 2. Open the thread: timeline, map, actors, quotes.
  await page.click("main a[href^='#/thread/']");
  await page.waitForSelector(".timeline .event-toggle");
  await page.waitForSelector("#thread-quotes li:not(.muted)", { timeout: 10000 }).catch(() => {});
  const events = await page.locator(".event-toggle").count();
  check(events >= 3, `the timeline shows events (${events})`);
  check(await page.locator("svg.map path").count() > 100, "the map draws country outlines");
  check(await page.locator("svg.map circle.pt").count() >= 1, "the map marks event places");
  await shot("02-thread-timeline-map.png");

  // 3. Expand an event with the keyboard: focus, arrow down, Enter.
  await page.locator(".event-toggle").first().focus();
  await page.keyboard.press("ArrowDown");
  const focusedId = await page.evaluate(() => document.activeElement.dataset.id);
  check(focusedId === (await page.locator(".event-toggle").nth(1).getAttribute("data-id")), "ArrowDown moves to the next event");
  await page.keyboard.press("Enter");
  const panel = page.locator(".event-toggle[aria-expanded='true'] + .evidence");
  await panel.waitFor();
  check(await panel.locator("mark.ev").count() >= 1, "the expanded event shows its evidence sentence");
  await shot("03-event-expanded.png");

  // 4. Follow the evidence to its article: the sentence is highlighted.
  const evidenceText = (await panel.locator("mark.ev").first().textContent()).trim();
  await panel.locator("a.evidence-link").first().click();
  await page.waitForSelector("#article-text .hl-evidence");
  const highlighted = (await page.locator("#article-text .hl-evidence").allTextContents()).join("").trim();
  check(highlighted === evidenceText, "the article highlights exactly the evidence sentence");
  await shot("04-article-evidence.png");

  // 5. An article sharing a passage: copied text is highlighted.
  await page.goto(base + "/#/search?q=" + encodeURIComponent("\"road to Sake\""));
  await page.waitForSelector("#results a");
  await page.click("#results a");
  await page.waitForSelector("#article-text");
  check(await page.locator("#article-text .hl-copied").count() >= 1, "a passage shared with another article is highlighted");
  await shot("05-article-copied-passage.png");

  // 6. Search from the box, with the keyboard shortcut.
  await page.goto(base + "/#/");
  await page.waitForSelector("main h1");
  await page.keyboard.press("/");
  check(await page.evaluate(() => document.activeElement.id) === "q", "the / key focuses the search box");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("ceasefire monitors");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#results li");
  check(await page.locator("#results li").count() >= 1, "search finds articles");
  check(await page.locator("#results mark").count() >= 1, "search marks the matched words");
  await shot("06-search.png");

  // 7. The hostile article: tags shown as text, nothing runs.
  await page.goto(base + "/#/article/" + encodeURIComponent(hostileId));
  await page.waitForSelector("#article-text");
  const text = await page.locator("#article-text").textContent();
  check(text.includes("<script>alert('xss')</script>"), "script tags in the text are shown as text");
  check(text.includes("onerror="), "event-handler attributes are shown as text");
  const injected = await page.evaluate(() => document.querySelectorAll(
    "main script, main img, main iframe, main svg:not(.map), main [onerror], main [onload], main [onmouseover], main a[href^='javascript']").length);
  check(injected === 0, "no element from the article's text made it into the DOM");
  await page.locator("#article-text").hover();
  await page.goto(base + "/#/search?q=hostile");
  await page.waitForSelector("#results li");
  await page.goto(base + "/#/quotes");
  await page.waitForSelector("main h1");
  await page.goto(base + "/#/articles");
  await page.waitForSelector("main li");
  await page.goto(base + "/#/article/" + encodeURIComponent(hostileId));
  await page.waitForSelector("#article-text");
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined, "no injected script ran (window.__pwned unset: " + pwned + ")");
  check(dialogs === 0, "no alert dialog opened");
  await shot("07-hostile-article.png");

  // 8. Entities.
  await page.goto(base + "/#/entities");
  await page.waitForSelector("main table");
  await shot("08-entities.png");
  check(pageErrors.length === 0, "no script errors on any page" + (pageErrors.length ? ": " + pageErrors.join(" | ") : ""));
} catch (e) {
  failures.push(String(e));
  console.log("FAIL " + e);
  await shot("failure.png").catch(() => {});
} finally {
  await browser.close();
}
console.log(`${failures.length === 0 ? "dashboard: all checks passed" : "dashboard: " + failures.length + " failed"}`);
process.exit(failures.length === 0 ? 0 : 1);
