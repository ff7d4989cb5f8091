// Stand-in for the real analyze() in the archive pipeline test: finds the
// `一、` headings of a text after a random delay (so results complete out of
// order) and returns an AnalysisJson-shaped object.
export default async function fakeAnalyze({ text }) {
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 30)));
  const headings = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = /^([一二三四五六七八九十]+、)(.*)$/.exec(line);
    if (match !== null) {
      headings.push({ depth: 1, marker: match[1], style: 'cjk', ordinal: headings.length + 1, text: match[2], role: 'other', offset });
    }
    offset += line.length + 1;
  }
  return {
    title: null,
    year: null,
    docType: null,
    headings,
    enumerations: [],
    slogans: [],
    placeholders: [],
    placeholderCounts: { total: 0, number: 0, year: 0, name: 0 },
    metrics: [],
    warnings: [],
  };
}
