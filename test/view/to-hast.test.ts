import { readFileSync } from 'node:fs';
import { toString as hastToString } from 'hast-util-to-string';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { renderPage, toHast, warningsToMessages, TEXT_CONTAINER_ID } from '../../src/view/index.js';
import { fixtureNames, readFixture } from '../helpers/fixtures.js';
import { byId, elements, hasClass, marks } from './hast-query.js';

const view = (text: string, messages: VFileMessage[] = []) => {
  const analysis = analyze(text, { segmenter: 'runs' });
  const page = toHast(analysis, { messages });
  return { analysis, page, text: byId(page, TEXT_CONTAINER_ID)! };
};

describe('toHast: the text of the page', () => {
  it.each(fixtureNames())('%s: the text container holds exactly the input, every slogan, placeholder and metric highlighted', (name) => {
    const input = readFixture(name);
    const { analysis, page, text } = view(input, warningsToMessages(analyze(input, { segmenter: 'runs' }).report.warnings));
    expect(hastToString(text)).toBe(input);
    expect(marks(text, 'slogan')).toHaveLength(analysis.slogans.length);
    expect(marks(text, 'placeholder')).toHaveLength(analysis.placeholders.length);
    expect(marks(text, 'metric')).toHaveLength(analysis.metrics.length);
    // the legend's swatches are not highlights
    expect(marks(page, 'slogan')).toHaveLength(analysis.slogans.length);
  });

  it('seed-000: the title is the h1, 一、 headings h2 and 1. headings under them h3, in reading order, as written', () => {
    const { text } = view(readFixture('seed-000'));
    const headings = elements(text, (element) => /^h[1-6]$/.test(element.tagName));
    const debris = elements(headings[2]!, (element) => hasClass(element, 'debris'));
    expect(debris.map(hastToString)).toEqual(['##paidbegin##']);
    expect(headings.slice(0, 4).map((element) => [element.tagName, hastToString(element)])).toEqual([
      ['h1', '2021年落实全面从严治党主体责任情况报告'],
      ['h2', '一、全面落实管党治党重大政治责任，将党的建设与经济社会发展同谋划、同部署、同推进 '],
      ['h3', '##paidbegin##1.强化统筹谋划。'], // the scraper's paywall marker stays, struck through
      ['h3', '2.坚持问题导向。'],
    ]);
  });

  it('seed-004: hovering a slogan tells its canonical form, its official English rendering, the number it stands for and how often the report uses it', () => {
    const { text } = view(readFixture('seed-004'));
    const slogan = marks(text, 'slogan').find((element) => hastToString(element) === '“两个维护”')!;
    expect(slogan.properties.dataTip).toBe('slogan 两个维护 · “Two Upholds” · count 2 · in dictionary · ×2 in this report');
    const placeholder = marks(text, 'placeholder')[0]!;
    expect(hastToString(placeholder)).toBe('X');
    expect(placeholder.properties.dataTip).toBe('placeholder · number blank');
  });

  it('gwr-2019: hovering a metric tells its value, unit and stance', () => {
    const { text } = view(readFixture('gwr-2019'));
    const tips = new Map(marks(text, 'metric').map((element) => [hastToString(element), String(element.properties.dataTip)]));
    expect(tips.get('90万亿元')).toMatch(/^metric 90,000,000,000,000 元 · actual/);
    expect(tips.get('6.6%')).toBe('metric 6.6 % · actual · 增长 · 国内生产总值');
    const targets = marks(text, 'metric').filter((element) => hasClass(element, 'stance-target'));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((element) => String(element.properties.dataTip).includes(' · target'))).toBe(true);
  });
});

describe('toHast: the outline', () => {
  it('seed-000: one link per heading, nested like the sections, each to its heading in the text', () => {
    const { analysis, page } = view(readFixture('seed-000'));
    const nav = elements(page, (element) => element.tagName === 'nav')[0]!;
    const links = elements(nav, (element) => element.tagName === 'a');
    expect(links).toHaveLength(analysis.headings.length);
    for (const [i, link] of links.entries()) {
      const heading = byId(page, String(link.properties.href).slice(1))!;
      const marker = elements(heading, (element) => hasClass(element, 'heading-marker'))[0]!;
      expect(hastToString(marker)).toBe(analysis.headings[i]!.marker);
    }
    expect(hastToString(links[1]!)).toBe('1. 强化统筹谋划');
    // 1. sits in the list under 一、
    const firstItem = elements(nav, (element) => element.tagName === 'li')[0]!;
    expect(elements(firstItem, (element) => element.tagName === 'a').map(hastToString).slice(0, 3)).toEqual([
      '一、 全面落实管党治党重大政治责任，将党的建设与经济社会发展同谋划、同部署、同推进',
      '1. 强化统筹谋划',
      '2. 坚持问题导向',
    ]);
  });
});

describe('toHast: messages', () => {
  it('seed-004: the parser\'s warnings underlined where they are and listed with line and column', () => {
    const input = readFixture('seed-004');
    const { page, text } = view(input, warningsToMessages(analyze(input, { segmenter: 'runs' }).report.warnings));
    // mismatched-quote: the ASCII " closing “三项建设
    const quote = byId(text, 'message-0')!;
    expect(hastToString(quote)).toBe('"');
    expect(hasClass(quote, 'severity-warning')).toBe(true);
    // slogan-variant is point-wide: an empty marker, and the character after it (六 of “六项纪律”) underlined
    const point = byId(text, 'message-1')!;
    expect(hasClass(point, 'message-point')).toBe(true);
    expect(point.children).toEqual([]);
    const underlined = elements(text, (element) => element.properties.dataMessage === 1 && hasClass(element, 'message'));
    expect(underlined.map(hastToString)).toEqual(['六']);
    const panel = elements(page, (element) => element.tagName === 'aside')[0]!;
    const entries = elements(panel, (element) => element.tagName === 'a');
    expect(entries.map((entry) => entry.properties.href)).toEqual(['#message-0', '#message-1']);
    expect(hastToString(entries[0]!)).toMatch(/^9:398 warning .*mismatched-quote$/);
    expect(hastToString(text)).toBe(input);
  });

  it('a message across a heading and its paragraph: one fragment per element, the first one the anchor, the text unchanged', () => {
    const input = '一、加强党的建设。全年召开会议12次。\n二、下步打算\n';
    const start = input.indexOf('党的');
    const end = input.indexOf('会议') + 2;
    const message = new VFileMessage('范围测试', { ruleId: 'test-range', source: 'gongwen-lint', place: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } } });
    message.fatal = true;
    const { text } = view(input, [message]);
    const fragments = elements(text, (element) => element.properties.dataMessage === 0);
    expect(fragments.map(hastToString).join('')).toBe(input.slice(start, end));
    expect(fragments.length).toBeGreaterThan(1);
    expect(fragments.filter((element) => element.properties.id === 'message-0')).toEqual([fragments[0]]);
    expect(fragments.every((element) => hasClass(element, 'severity-error'))).toBe(true);
    expect(hastToString(text)).toBe(input);
  });

  it('places a message given by line and column only, and lists a message without a place in the panel alone', () => {
    const input = '一、甲\n二、乙丙\n';
    const byLine = new VFileMessage('第二行第三列', { ruleId: 'test-line', place: { line: 2, column: 3 } });
    const fileLevel = new VFileMessage('整个文件', { ruleId: 'test-file' });
    const { page, text } = view(input, [byLine, fileLevel]);
    expect(byId(text, 'message-0')).toMatchObject({ properties: { className: ['message-point', 'severity-info'] } });
    expect(elements(text, (element) => element.properties.dataMessage === 0 && hasClass(element, 'message')).map(hastToString)).toEqual(['乙']);
    expect(byId(page, 'message-1')).toBeUndefined();
    const panel = elements(page, (element) => element.tagName === 'aside')[0]!;
    expect(hastToString(panel)).toContain('file info 整个文件 test-file');
  });

  it('a point message at the very end of the text still gets its marker', () => {
    const input = '一、甲';
    const message = new VFileMessage('结尾', { place: { line: 1, column: 4, offset: 3 } });
    const { text } = view(input, [message]);
    expect(text.children.at(-1)).toMatchObject({ tagName: 'span', properties: { id: 'message-0' } });
    expect(hastToString(text)).toBe(input);
  });
});

describe('renderPage', () => {
  it('is one self-contained file: inline style and script, no external resource, links only within the page', () => {
    const { page } = view(readFixture('seed-004'));
    expect(elements(page, (element) => element.tagName === 'link' || element.tagName === 'img' || element.tagName === 'iframe')).toEqual([]);
    expect(elements(page, (element) => element.properties.src !== undefined)).toEqual([]);
    const hrefs = elements(page, (element) => element.properties.href !== undefined).map((element) => String(element.properties.href));
    expect(hrefs.every((href) => href.startsWith('#'))).toBe(true);
    const html = renderPage(analyze(readFixture('seed-004'), { segmenter: 'runs' }));
    expect(html.startsWith('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('keeps carriage returns: the hast holds them, the HTML writes them as &#13; (a raw CR would be read as LF)', () => {
    const input = '区委工作报告\r\n\r\n一、加强党的建设\r\n召开会议12次。\r\n';
    const { text } = view(input);
    expect(hastToString(text)).toBe(input);
    const html = renderPage(analyze(input, { segmenter: 'runs' }));
    const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(body).not.toContain('\r');
    expect(body.match(/&#13;/g)).toHaveLength(4);
  });

  it('renders empty input as a page with an empty text and no headings', () => {
    const { page, text } = view('');
    expect(hastToString(text)).toBe('');
    expect(hastToString(page)).toContain('No headings.');
  });
});

// Page size and time, to read in the test output (not asserted: the machine is shared).
describe('measurements', () => {
  it('reports page size and render time for the seeds', () => {
    for (const name of fixtureNames().filter((fixture) => fixture.startsWith('seed-'))) {
      const input = readFileSync(new URL(`../../fixtures/${name}.txt`, import.meta.url), 'utf8');
      const started = performance.now();
      const html = renderPage(analyze(input, { segmenter: 'runs' }));
      const ms = performance.now() - started;
      console.log(`view ${name}: ${input.length} chars → ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB HTML in ${ms.toFixed(0)} ms`);
      expect(html.length).toBeGreaterThan(input.length);
    }
  });
});



describe('the package entry points', () => {
  it('exports toHast, renderPage and warningsToMessages from gongwen and gongwen/view', async () => {
    const root = await import('gongwen');
    const view = await import('gongwen/view');
    for (const entry of [root, view]) {
      expect(typeof entry.toHast).toBe('function');
      expect(typeof entry.renderPage).toBe('function');
      expect(typeof entry.warningsToMessages).toBe('function');
    }
    const html = view.renderPage(root.analyze('一、加强“两个维护”\n', { segmenter: 'runs' }));
    expect(html).toContain('<mark class="slogan known"');
  });
});
