/** Writing a corpus table: CSV, JSON, an aligned terminal table; and its chart as SVG or an HTML page. */
export { tableToCsv, type CsvOptions } from './csv.js';
export { tableToJson } from './json.js';
export { tableToTerminal, displayWidth, type TerminalOptions } from './terminal.js';
export { renderSvg, chartHtml, withChartDefaults, CHART_FONTS, type VegaLiteSpec } from './chart.js';

export const TABLE_FORMATS = ['csv', 'json', 'table'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
