import { describe, expect, it } from 'vitest';
import { parse, toString } from '../src/index.js';
import { readFixture } from './helpers/fixtures.js';
import { listItems } from './helpers/tree.js';

/** Leads by line, as read in fixtures/README.md; `[x]` there means the lead starts with x. */
const expected: Record<string, Record<number, string[]>> = {
  'seed-001': {
    3: ['一是以实际行动拥护两个确立、做到两个维护', '二是切实加强政治能力、政治生态建设', '三是充分发挥总揽全局、协调各方作用'],
    5: ['一是不断强化党的理论武装', '二是推动党的创新理论深入人心', '三是落实意识形态工作责任制'],
    7: ['一是加强党的基层组织和队伍建设', '二是建设忠诚干净担当的高素质专业化干部队伍', '三是深化党建引领基层治理', '四是大力发展村级集体经济', '五是抓紧抓实两新党建工作'],
    9: ['一是坚持优化营商环境提升服务效能', '二是对标对表推动“高效办成一件事”', '三是统筹推进作风建设“服务年”活动'],
    11: ['一是高度重视党风廉政建设工作', '二是严格落实一岗双责', '三是切实加强同级监督'],
    13: ['一是严格落实制度治党、依规治党要求', '二是不断增强制度执行的系统性', '三是围绕工作大局，推进政治监督规范化、法治化水平'],
    15: ['一是严字当头开展作风建设常态化监督检查', '二是督促开展专项治理', '三是切实做好安全生产领域监督工作'],
  },
  'seed-003': {
    5: ['一是压实主体责任', '二是强化理论武装', '三是深化集中治理', '四是抓好政治监督', '五是加强制度建设'],
    6: ['一是聚焦学习宣传教育', '二是聚焦意识形态管控', '三是聚焦舆论宣传引导'],
    7: ['一是聚焦固本强基，构筑坚强堡垒', '二是聚焦选贤任能，打造过硬队伍', '三是聚焦招才引智，汇聚发展力量'],
    8: ['一是抓实日常监督', '二是抓实重点监督', '三是推进廉洁文化建设', '四是保持惩戒震慑常在'],
    // Missing from the first reading in fixtures/README.md; read again: four items in （五）.
    9: ['一是强化思想引领', '二是深化民族工作', '三是服务地区发展', '四是构建统战格局'],
    11: ['一是基层宣讲队伍薄弱', '二是基层党建亮点不多', '三是干部教育存在短板', '四是人才引育还需加强', '五是基层统战力量欠缺'],
  },
};

describe('inline enumerations (SPEC §3)', () => {
  for (const [name, byLine] of Object.entries(expected)) {
    it(`${name}: items per paragraph with ordinal and lead`, () => {
      const items = listItems(parse(readFixture(name)).tree);
      const found: Record<number, string[]> = {};
      for (const item of items) (found[item.position.start.line] ??= []).push(item.lead);
      expect(found).toEqual(byLine);
      for (const item of items) expect(item.style).toBe('yishi');
    });
  }

  it('seed-002: items whose first sentence runs on start with the lead clause', () => {
    const items = listItems(parse(readFixture('seed-002')).tree);
    expect(items).toHaveLength(18);
    const line6 = items.filter((item) => item.position.start.line === 6);
    expect(line6.map((item) => item.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(line6[3]!.lead).toBe('四是按照干部管理权限对全区符合条件的X余名公务员进行了职级套转');
    expect(line6[0]!.lead.startsWith('一是坚持“好干部”标准和德才兼备、以德为先')).toBe(true);
  });

  it('seed-000 and seed-004 have none; 第一种形态 and 第一、二、三、四种形态 are not items', () => {
    expect(listItems(parse(readFixture('seed-000')).tree)).toHaveLength(0);
    expect(listItems(parse(readFixture('seed-004')).tree)).toHaveLength(0);
  });

  it('an item owns the sentences up to the next marker, and 统一是 is not a marker', () => {
    const report = parse('工作中：一是压实责任。按清单推进。二是强化武装，思想统一是关键。');
    const items = listItems(report.tree);
    expect(items.map((item) => [item.marker, item.ordinal, item.lead])).toEqual([
      ['一是', 1, '一是压实责任'],
      ['二是', 2, '二是强化武装，思想统一是关键'],
    ]);
    expect(toString(items[0]!)).toBe('一是压实责任。按清单推进。');
  });

  it('第一，…第二，… and inline （1）…（2）… are items', () => {
    const items = listItems(parse('主要措施：第一，加强领导；第二，完善制度。具体措施：（1）建章立制；（2）强化考核。').tree);
    expect(items.map((item) => [item.style, item.ordinal])).toEqual([
      ['diyi', 1],
      ['diyi', 2],
      ['paren-arabic', 1],
      ['paren-arabic', 2],
    ]);
  });

  it('cpc-01-guangzhou line 10: 第一，经费困难；第二，…', () => {
    const items = listItems(parse(readFixture('cpc-01-guangzhou')).tree).filter((item) => item.position.start.line === 10);
    expect(items[0]).toMatchObject({ marker: '第一', style: 'diyi', ordinal: 1, lead: '第一，经费困难' });
    expect(items.length).toBeGreaterThanOrEqual(2);
  });
});
