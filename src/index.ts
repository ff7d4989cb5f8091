/** gongwen: Chinese official work reports as lossless, typed, unist-compatible trees. */
export { parse, type ParseOptions, type Report } from './parse.js';
export { analyze, analyzeJson, toJson, type Analysis, type AnalyzeOptions } from './analyze.js';
export type * from './extract/types.js';
export type { Claim, Extractor, ExtractorRun, RegionFindings, RegionInput } from './extract/extractors/extractor.js';
export { INDICATOR_IDS } from './extract/indicators.js';
export { outline } from './tree/outline.js';
export { toString } from './tree/to-string.js';
export type * from './tree/types.js';
export type { InlineSpan } from './tree/spans.js';
export type { TextRegion, RegionAnnotator } from './tree/build.js';
export { GongwenError, type Warning, type WarningRule } from './diagnostics.js';
export { toHast, renderPage, warningsToMessages, type ViewOptions } from './view/index.js';
export type { Segmenter, SegmenterChoice, SegmenterName } from './segment/segmenter.js';
export { splitSentences, splitClauses, type Range } from './segment/sentences.js';
export { tokenize, type Token, type TokenKind } from './segment/tokens.js';
// English: official translations on the same tree, the bilingual glossary, alignment (src/english/).
export { detectLanguage, type LanguageChoice, type ReportLanguage } from './english/detect.js';
export { loadGlossary, englishRendering, parseGlossary, GlossaryError, type Glossary, type GlossaryEntry, type GlossaryRendering } from './english/glossary.js';
export { exportGlossary, GLOSSARY_FORMATS, type GlossaryFormat } from './english/glossary-export.js';
export { align, alignAnalyses, type Alignment, type AlignedSection, type AlignedFormula, type AlignedHeading } from './english/align.js';
