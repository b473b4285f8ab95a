// check.mjs: every kind of page of a built site, as a reader's browser
// shows it. For each page: zero axe-core violations (WCAG 2.x A, AA and the
// AAA contrast rule: 7:1), body text of at least 18 px, lines of at most
// about 70 characters, no sideways scrolling at 200% zoom and on a phone,
// and a focus ring that can be seen; every image with width, height and
// srcset, and never sent wider than it is shown (a phone at 3x, a desktop
// at 1x). Speaks TAP. Screenshots go to
// tests/out/browser/ to be looked at.
//
//   node check.mjs PUBLIC
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { join, extname, resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const root = resolve(process.argv[2]);
const shots = resolve(new URL(".", import.meta.url).pathname, "../out/browser");
await mkdir(shots, { recursive: true });

const pages = [
  ["home", ""],
  ["verhaal met foto", "verhalen/de-boer-op-het-bankje/"],
  ["verhalen", "verhalen/"],
  ["verhalen per thema", "verhalen/thema/rouw/"],
  ["activiteit", "activiteiten/koffieochtend-meerpaal/"],
  ["voorbije activiteit", "activiteiten/aftrap-week-tegen-eenzaamheid/"],
  ["activiteiten", "activiteiten/"],
  ["activiteiten per kern", "activiteiten/kern/swifterbant/"],
  ["week", "activiteiten/week/2026-48/"],
  ["partner", "partners/welzijn-dronten/"],
  ["partners", "partners/"],
  ["journaal", "journaal/"],
  ["editie", "journaal/2026-47/"],
  ["pagina", "over-ons/"],
  ["pagina met afbeelding", "fotos/"],
  ["404", "404.html"],
];

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css",
  ".ttf": "font/ttf", ".svg": "image/svg+xml", ".ico": "image/x-icon",
  ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp", ".xml": "application/xml",
  ".pdf": "application/pdf", ".ics": "text/calendar" };

// A plain file server on loopback: the site as any web host serves it.
const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(root, path);
  if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": types[".html"] });
    res.end(await readFile(join(root, "404.html")).catch(() => ""));
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync"],
});

let n = 0, failed = 0;
const tap = (good, what, details = []) => {
  n++;
  console.log(`${good ? "ok" : "not ok"} ${n} - ${what}`);
  if (!good) { failed++; for (const d of details) console.log(`# ${d}`); }
};
console.log(`1..${pages.length * 5}`);

// Every <img> of the page at path, as a reader's browser shows it: with
// width and height (no layout shift) and a srcset, and the file it chose
// no wider than needed: at most the narrowest candidate that covers the
// width shown times the device pixel ratio. Lazy images are made to load.
// Returns what is wrong; screenshots the pages that have images.
const viewports = [["telefoon", 390, 844, 3], ["desktop", 1280, 900, 1]];
async function imageProblems(name, path) {
  const problems = [];
  for (const [label, width, height, dpr] of viewports) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "load" });
    const images = await page.evaluate(async () => {
      const imgs = [...document.images];
      for (const img of imgs) img.loading = "eager";
      await Promise.all(imgs.map((img) => img.decode().catch(() => {})));
      const parse = (set) => (set || "").split(",").filter((c) => c.trim()).map((c) => {
        const [url, w] = c.trim().split(/\s+/);
        return { url: new URL(url, document.baseURI).href, w: parseInt(w, 10) };
      });
      const out = [];
      for (const img of imgs) {
        // The candidates the browser chose from: a <source> or the <img>.
        const sets = [...(img.closest("picture")?.querySelectorAll("source") || [])]
          .map((s) => parse(s.srcset)).concat([parse(img.srcset)]);
        const from = sets.find((set) => set.some((c) => c.url === img.currentSrc)) || [];
        // Its real pixels: the naturalWidth of the <img> itself is
        // divided by the density of the chosen candidate.
        const file = new Image();
        file.src = img.currentSrc;
        await file.decode().catch(() => {});
        out.push({ alt: img.alt, src: img.currentSrc.replace(/.*\//, ""),
          width: img.getAttribute("width"), height: img.getAttribute("height"),
          srcset: img.getAttribute("srcset"), shown: img.getBoundingClientRect().width,
          pixels: file.naturalWidth, candidates: from.map((c) => c.w),
          // With w descriptors the browser divides by the density it
          // computed from sizes: what remains is the width sizes said.
          sizes: img.naturalWidth });
      }
      return out;
    });
    for (const im of images) {
      const what = `${label}: '${im.alt}'`;
      if (!im.width || !im.height || !im.srcset) {
        problems.push(`${what} heeft geen width, height of srcset`);
        continue;
      }
      const ws = [...im.candidates].sort((a, b) => a - b);
      const enough = ws.find((w) => w >= im.shown * dpr) ?? ws[ws.length - 1];
      if (!im.pixels || !ws.length || im.pixels > enough)
        problems.push(`${what}: ${im.src} is ${im.pixels}px breed, getoond op ${Math.round(im.shown)}px bij ${dpr}x; ${enough}px was genoeg (uit ${ws.join(", ")})`);
      // A sizes that is too small gives a blurred image.
      if (im.sizes < im.shown - 1)
        problems.push(`${what}: sizes zegt ${im.sizes}px, maar het beeld is ${Math.round(im.shown)}px breed`);
    }
    if (images.length)
      await page.screenshot({ path: join(shots, `${name.replace(/ /g, "-")}-${label}.png`), fullPage: true });
    await context.close();
  }
  return problems;
}

const requestsElsewhere = [];
for (const [name, path] of pages) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("request", (r) => { if (!r.url().startsWith(base)) requestsElsewhere.push(r.url()); });
  await page.goto(base + path, { waitUntil: "load" });
  await page.screenshot({ path: join(shots, `${name.replace(/ /g, "-")}.png`), fullPage: true });

  // 1. axe-core, with the AAA contrast rule switched on.
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    rules: { "color-contrast-enhanced": { enabled: true } },
  }));
  tap(result.violations.length === 0, `${name}: geen axe-overtredingen`,
    result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(" ")).slice(0, 3).join(", ")})`));

  // 2. Type: body text at least 18 px, a measure of at most ~70 characters.
  const type = await page.evaluate(() => {
    const probe = document.querySelector("main p") || document.querySelector("main");
    const cs = getComputedStyle(probe);
    const em = parseFloat(cs.fontSize);
    const width = probe.getBoundingClientRect().width;
    // The average width of a character of this font, measured.
    const span = document.createElement("span");
    span.textContent = "eenzaamheid samen koffie wandelen ontmoeting";
    span.style.font = cs.font;
    document.body.appendChild(span);
    const perChar = span.getBoundingClientRect().width / span.textContent.length;
    span.remove();
    return { px: em, chars: Math.round(width / perChar) };
  });
  tap(type.px >= 18 && type.chars <= 75, `${name}: tekst ${type.px}px, regels van ~${type.chars} tekens`,
    [`lettergrootte ${type.px}px (min 18), regellengte ${type.chars} tekens (max ~70)`]);

  // 3. 200% zoom and a phone: nothing scrolls sideways.
  const overflow = [];
  for (const [label, width] of [["200% zoom", 640], ["telefoon", 360]]) {
    await page.setViewportSize({ width, height: 800 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 1) overflow.push(`${label}: ${wide}px te breed`);
  }
  if (name === "home") await page.screenshot({ path: join(shots, "home-telefoon.png"), fullPage: true });
  tap(overflow.length === 0, `${name}: bruikbaar op 200% en op een telefoon`, overflow);

  // 4. The first Tab lands on a visible focus ring (the skip link).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press("Tab");
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { tag: el.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
      shadow: cs.boxShadow, visible: r.top >= 0 && r.width > 0 && r.height >= 24 };
  });
  tap(focus.tag === "A" && focus.outline !== "none" && focus.width >= 2 && focus.visible,
    `${name}: zichtbare focus op de eerste link`, [JSON.stringify(focus)]);
  await context.close();

  // 5. Images: sized, responsive, never wider than needed.
  const problems = await imageProblems(name, path);
  tap(problems.length === 0, `${name}: afbeeldingen met width, height en srcset, niet breder dan nodig`, problems);
}
await browser.close();
server.close();
if (requestsElsewhere.length) {
  console.log(`# verzoeken naar elders: ${requestsElsewhere.join(", ")}`);
  failed++;
}
console.log(`# ${n - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
