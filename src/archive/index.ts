/** gongwen/archive: reading archives of reports and extracting from them at scale. */
export { analyzeFiles, type AnalyzeFilesOptions, type FileResult } from './analyze-files.js';
export { expandInputs, loadTask, type DocumentSource, type InputOptions, type LoadedDocument, type SkippedFile, type SourceTask } from './inputs.js';
export { extractText, htmlToText, type DocumentFormat, type Extracted, type ExtractOptions } from './formats.js';
export { decode, normalizeEncoding, type Decoded, type DecodeOptions, type EncodingName } from './decode.js';
export { DEFAULT_MAX_BYTES, DOCX_XML_SHARE, formatSize, parseSize } from './limits.js';
export { contentHash } from './hash.js';
export { ExtractWriter, OUTPUT_FILES, type DocumentRecord, type ErrorRecord, type SkippedRecord, type WriterOptions, type WriterSummary } from './output.js';
export { MANIFEST_FILE, sourceBaseOf, type ExtractManifest, type SourceBase } from './manifest.js';
export { lockFolder, isStale, LOCK_FILE, type FolderLock, type LockOwner } from './lock.js';
export { runOrdered, type Outcome, type RunOrderedOptions, type WorkerModule } from './pool.js';
export { ask, type QuestionedTask } from './questions.js';
