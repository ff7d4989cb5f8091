/** The HTML view: an analysis as one self-contained, highlighted page (`gongwen view`). */
export { toHast, type ViewOptions } from './to-hast.js';
export { renderPage } from './render.js';
export { warningsToMessages, placeMessages, severityOf, type PlacedMessage, type Severity } from './messages.js';
export { TEXT_CONTAINER_ID, headingId } from './report-text.js';
