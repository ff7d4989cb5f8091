/**
 * Back matter: what a published report appends after its body and that is no part of its last
 * section: a glossary (`名词解释`, `注释`, `《政府工作报告》有关内容名词注释`, items numbered `1.`
 * `2.`), an annex (`附件1` + `2025年省十件民生实事`, items numbered `一、`…`十、`), attachments.
 * Seen in 6 of the 22 provincial reports of 2025. An opener is a short line of its own; the back
 * matter runs from it to the next opener or the end of the report.
 */
import type { BackMatterKind } from '../tree/types.js';

/** `附件`, `附件1`, `附件2 名词解释`, `附件：`, `附表3`. */
const ANNEX = /^附(?:件|表|录)\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[：:]?\s*(.{0,24})$/;
/** `名词解释`, `注释`, `名词注释`, `《政府工作报告》有关内容名词注释`, `有关用语解释`. */
const GLOSSARY = /^(?:《[^》]{1,30}》)?[\p{Script=Han}]{0,12}(?:名词解释|名词注释|用语解释|词语解释|注释|注解)$/u;
/** An opener is a short line: a longer one is body text, judged without reading it. */
export const LONGEST_OPENER = 40;

/** The kind of back matter a line opens, judged on its visible text; null when it opens none. */
export function backMatterOpener(text: string, nextLineText = ''): BackMatterKind | null {
  if (text.length === 0 || text.length > LONGEST_OPENER) return null;
  if (GLOSSARY.test(text)) return 'glossary';
  const annex = ANNEX.exec(text);
  if (!annex) return null;
  // `附件` alone names its content on the next line: `《政府工作报告》有关内容名词注释` is a glossary.
  const named = annex[1] || nextLineText;
  return GLOSSARY.test(named.trim()) || /名词|注释/.test(named) ? 'glossary' : 'annex';
}
