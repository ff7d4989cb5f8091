/**
 * The role of a top-level section (SPEC §1), from its heading text. Sections
 * below the top inherit their parent's role.
 */
import type { SectionRole } from '../tree/types.js';

const PROBLEMS = /问题|不足|差距|短板|薄弱|困难和挑战/;
const PLANS =
  /下一?步|打算|思路|工作重点|重点工作|工作安排|今后|努力方向|工作计划|任务|总体要求|政策取向|目标|部署|展望|(?:\d{4}|[０-９]{4}|[一二三四五六七八九〇零]{4}|明|今)年(?:的)?(?:工作|主要)/;
const ACHIEVEMENTS = /回顾|做法|成效|成绩|情况|开展|落实|总结|进展|经验|完成/;
const OTHER = /^(?:附件|附表|附录|说明|结束语|结语)/;

export function sectionRole(headingText: string, previousTopLevelRole: SectionRole | null = null): SectionRole {
  if (OTHER.test(headingText)) return 'other';
  if (PROBLEMS.test(headingText) && !/解决|破解/.test(headingText)) return 'problems';
  // `一、2018年工作回顾` names a year but looks back: achievements win over plans.
  if (ACHIEVEMENTS.test(headingText) && !/下一?步|打算|思路|重点|安排/.test(headingText)) return 'achievements';
  if (PLANS.test(headingText)) return 'plans';
  // Thematic sections (`一、加强政治建设，强化政治担当`) report work done, unless
  // they follow the problems or plans: then they lay out what is to be done
  // (`三、2019年政府工作任务` … `四、加强政府自身建设` in a 政府工作报告).
  return previousTopLevelRole === 'plans' || previousTopLevelRole === 'problems' ? 'plans' : 'achievements';
}
