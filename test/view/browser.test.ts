/**
 * The page in a real browser: playwright-core driving Debian's chromium (`.ci/run` installs
 * it). Skipped with a notice where /usr/bin/chromium is absent (set CHROMIUM_PATH to use
 * another build).
 */
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { renderPage, warningsToMessages } from '../../src/view/index.js';
import { fixtureNames, readFixture } from '../helpers/fixtures.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) console.warn(`NOTICE: ${executablePath} is missing: the browser tests of the HTML view are skipped (.ci/run installs chromium).`);

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 860 };

/** Whether the element's box lies within the page's viewport (playwright-core has no toBeInViewport). */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= viewport.height && box.x >= 0 && box.x < viewport.width;
}

/** What the hover tooltip reads (CSS generated content); runs in the page, where getComputedStyle exists. */
const tooltipOf = (element: unknown): string =>
  (globalThis as unknown as { getComputedStyle(element: unknown, pseudo: string): { content: string } }).getComputedStyle(element, '::after').content;

describe.skipIf(!hasChromium)('the HTML view in chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-view-browser-'));
  let browser: Browser;
  let page: Page;
  const input = readFixture('seed-004'); // slogans, placeholders, metrics and two parser warnings
  const analysis = analyze(input, { segmenter: 'runs' });
  const file = join(dir, 'seed-004.html');
  const external: string[] = [];

  beforeAll(async () => {
    writeFileSync(file, renderPage(analysis, { messages: warningsToMessages(analysis.report.warnings), fileName: 'seed-004.txt' }));
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    page = await browser.newPage({ viewport: VIEWPORT });
    // Offline: any request off the page itself is refused and counted.
    await page.route(/^(?!file:)/, (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`view browser test: page and screenshot in ${dir}`);
  });

  it('shows every slogan, placeholder and metric of the analysis highlighted, and the input as the text', async () => {
    expect(await page.locator('#text mark.slogan').count()).toBe(analysis.slogans.length);
    expect(await page.locator('#text mark.placeholder').count()).toBe(analysis.placeholders.length);
    expect(await page.locator('#text mark.metric').count()).toBe(analysis.metrics.length);
    expect(await page.locator('#text').textContent()).toBe(input);
    expect(await page.locator('#text h2').count()).toBe(analysis.headings.length);
    expect(await page.title()).toBe('区委常委会工作报告');
    expect(external).toEqual([]);
  });

  it.each(fixtureNames())('%s: after HTML parsing the text is still exactly the input, with every highlight', async (name) => {
    const text = readFixture(name);
    const fixtureAnalysis = analyze(text, { segmenter: 'runs' });
    const other = await browser.newPage();
    await other.setContent(renderPage(fixtureAnalysis, { messages: warningsToMessages(fixtureAnalysis.report.warnings) }));
    expect(await other.locator('#text').textContent()).toBe(text);
    expect(await other.locator('#text mark.slogan').count()).toBe(fixtureAnalysis.slogans.length);
    expect(await other.locator('#text mark.placeholder').count()).toBe(fixtureAnalysis.placeholders.length);
    expect(await other.locator('#text mark.metric').count()).toBe(fixtureAnalysis.metrics.length);
    expect(await other.locator('#text :is(h2, h3, h4, h5, h6)').count()).toBe(fixtureAnalysis.headings.length);
    await other.close();
  });

  it('clicking an outline entry scrolls its heading into view', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    const heading = page.locator('#heading-7');
    expect(await inViewport(page, heading)).toBe(false);
    await page.locator('nav.outline a[href="#heading-7"]').click();
    await expect.poll(() => inViewport(page, heading)).toBe(true);
    expect(await heading.textContent()).toMatch(/^八、坚持站稳立场/);
  });

  it('clicking a message in the panel scrolls its underline into view and marks it', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    const underline = page.locator('#message-0');
    expect(await underline.textContent()).toBe('"');
    expect(await inViewport(page, underline)).toBe(false);
    await page.locator('aside.messages a[href="#message-0"]').click();
    await expect.poll(() => inViewport(page, underline)).toBe(true);
    expect(await underline.getAttribute('class')).toContain('current');
    // the point-wide slogan-variant: a marker that takes room, though it adds no text
    await page.locator('aside.messages a[href="#message-1"]').click();
    const marker = page.locator('#message-1');
    await expect.poll(() => inViewport(page, marker)).toBe(true);
    expect((await marker.boundingBox())!.width).toBeGreaterThan(0);
    expect(await marker.textContent()).toBe('');
  });

  it('hovering a slogan shows its canonical form and count; a metric its value, unit and stance', async () => {
    const slogan = page.locator('#text mark.slogan', { hasText: '两个维护' }).first();
    await slogan.hover();
    expect(await slogan.evaluate(tooltipOf)).toBe('"slogan 两个维护 · “Two Upholds” · count 2 · in dictionary · ×2 in this report"');
    const metric = page.locator('#text mark.metric', { hasText: '100%' }).first();
    await metric.hover();
    expect(await metric.evaluate(tooltipOf)).toMatch(/^"metric 100 % · actual · 满意率/);
  });

  // docs/view.png is this screenshot at 1280×860, through `pngquant --quality 60-85`.
  it('saves a screenshot', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator('#text mark.slogan', { hasText: '两个维护' }).first().hover();
    const shot = join(dir, 'view.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('fits a phone-wide screen without scrolling sideways, and prints without the outline', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(pathToFileURL(file).href);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // the outline is folded so the text comes first; the text column takes the screen's width
    expect(await phone.locator('nav.outline a').first().isVisible()).toBe(false);
    expect((await phone.locator('#text').boundingBox())!.width).toBeGreaterThan(350);
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('nav.outline').isVisible()).toBe(false);
    expect(await phone.locator('#text').isVisible()).toBe(true);
    const pdf = await phone.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await phone.close();
  });

  it('shows markup in a report as text: nothing in it runs or becomes an element', async () => {
    const hostile = '关于<script>document.title="x"</script>的报告\n一、<b>加强</b>&amp;“两个维护”\n';
    const other = await browser.newPage();
    await other.setContent(renderPage(analyze(hostile, { segmenter: 'runs' })));
    expect(await other.locator('#text').textContent()).toBe(hostile);
    expect(await other.locator('#text script, #text b').count()).toBe(0);
    expect(await other.title()).toBe('关于<script>document.title="x"</script>的报告');
    await other.close();
  });

  it('keeps CRLF line ends: the text content of a CRLF report is still the input', async () => {
    const crlf = input.replace(/\n/g, '\r\n');
    const other = await browser.newPage();
    await other.setContent(renderPage(analyze(crlf, { segmenter: 'runs' })));
    expect(await other.locator('#text').textContent()).toBe(crlf);
    await other.close();
  });
});
