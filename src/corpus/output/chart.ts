/**
 * Charts without a browser: a vega-lite spec compiled by vega-lite and drawn by
 * vega's headless SVG renderer (`renderer: 'none'`, then `toSVG()`). Chosen
 * over echarts' server-side SVG by measurement (README, "Corpus analytics"):
 * a third of the install (25 MB vs 67 MB), a third of the load time (~130 ms
 * vs ~370 ms), the same render time, half the SVG size, and a declarative spec
 * that tests can read (series, axis titles) and researchers can re-use in any
 * vega-lite tool. vega and vega-lite are imported on first use, so commands
 * that draw nothing do not load them.
 *
 * Text is Chinese: the spec gets a font-family list with CJK fonts (which
 * font draws it is the viewer's concern; an SVG embeds no font).
 */
export type VegaLiteSpec = Record<string, unknown>;

export const CHART_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** The spec with the CJK font list (unless it sets its own), a white background and a schema. */
export function withChartDefaults(spec: VegaLiteSpec): VegaLiteSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    ...spec,
    config: { font: CHART_FONTS, ...config },
  };
}

/** Compile and render a vega-lite spec to an SVG document. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(withChartDefaults(spec) as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A self-contained HTML page: the chart as inline SVG (no script, no network), its title, and the spec for re-use. */
export function chartHtml(svg: string, title: string, spec: VegaLiteSpec): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>body { font-family: ${CHART_FONTS.replace(/"/g, "'")}; margin: 2rem; } details { margin-top: 1rem; } pre { font-size: 12px; white-space: pre-wrap; }</style>
</head>
<body>
<h1>${escape(title)}</h1>
<figure>
${svg.replace(/^<\?xml[^>]*>\s*/, '')}
</figure>
<details><summary>vega-lite spec</summary><pre>${escape(JSON.stringify(withChartDefaults(spec), null, 2))}</pre></details>
</body>
</html>
`;
}
