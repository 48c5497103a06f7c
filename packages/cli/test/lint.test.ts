/** `jixiao lint`: the goal linter G1–G11 on goal forms from .docx/.xlsx/.json, run as a user runs it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/jixiao');
const run = (...args: string[]) => spawnSync(bin, args, { cwd: root, encoding: 'utf8' });
const goals = (n: string) => join(root, 'fixtures/goals', n);

describe('jixiao lint', () => {
  it('a well-set goal form: no finding, exit 0', () => {
    const r = run('lint', goals('well-set.goal.docx'), goals('well-set.goal.xlsx'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('2 张绩效目标申报表：0 个错误，0 个警告，0 个提示');
  });

  it('prints findings by form and rule, with the cell; exit 1 on an error (G3.EMPTY)', () => {
    const r = run('lint', goals('ningxia-yanchi-xianweiban-2022.form-01.goal.json'), goals('fanghuiju-2021.goal.xlsx'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('【1】业务运行费');
    expect(r.stdout).toContain('G3 错误 “指标1: 为各级领导掌握实情、科学决策提供了及时准确的信息服务”没有填写指标值');
    expect(r.stdout).toContain('【2】访惠聚工作经费');
    expect(r.stdout).toMatch(/G2 警告 成本指标“保障访惠聚工作队经费运行成本”的指标值“<=13万元”就是年度资金总额.*（表1 第24行 第5列）/);
    expect(r.stdout).toContain('2 张绩效目标申报表：1 个错误，7 个警告，5 个提示');
  });

  it('--json gives the findings with rule, code, severity, the indicator id and the cell', () => {
    const out = JSON.parse(execFileSync(bin, ['lint', '--json', goals('fanghuiju-2021.goal.docx')], { cwd: root, encoding: 'utf8' }));
    expect(out.map((f: { code: string }) => f.code)).toEqual(['G2.WHOLE_BUDGET', 'G4.VAGUE_QUALITATIVE', 'G4.VAGUE_QUALITATIVE']);
    expect(out[0]).toMatchObject({
      rule: 'G2',
      severity: 'warning',
      location: { section: 'indicators', indicatorId: expect.stringMatching(/^g-[0-9a-f]{8}$/), src: { table: 1, row: 21, col: 5 } },
    });
  });

  it('--previous: last year’s 自评表 brings G10 (targets below, or beaten by 30%, last year’s actuals)', () => {
    const r = run('lint', '--previous', join(root, 'fixtures/golden/xinjiang-changji-zhengfawei-2021.form-02.json'), goals('fanghuiju-2021.goal.docx'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('G10 警告 “购置多功能分类垃圾桶（个）”的指标值“>=100个”，上年实际已达 130，超出目标 30% 以上');
    expect(r.stdout).toContain('G10 警告 “购买办公用品时间，完成为民办实事好事”的指标值“<=20日”，上年实际已达 5日，优于目标 30% 以上：目标偏宽');
    expect(r.stdout).toContain('G10 警告 “帮助困难家庭学生，让每一个品学兼优的学生，实现人生梦想（人）”的指标值“>=5”低于上年实际完成值 6');
  });

  it('a 自评表 given as goals, or a broken file: exit 2 with the code and a Chinese message', () => {
    for (const [file, code, msg] of [
      [join(root, 'fixtures/office/xinjiang-changji-zhengfawei-2021.docx'), 'IMPORT.NOT_A_GOAL_FORM', /这是项目支出绩效自评表/],
      [join(root, 'fixtures/golden/hebei-dachang-zhengfawei-2023.form-01.json'), 'IMPORT.NOT_A_GOAL_FORM', /自评表（JSON）/],
      [join(root, 'fixtures/goals/no-such-file.docx'), 'IMPORT.NOT_FOUND', /找不到文件/],
      [join(root, 'package.json'), 'IMPORT.BAD_GOAL_FORM', /不符合目标申报表格式/],
    ] as const) {
      const r = run('lint', file);
      expect(r.status, file).toBe(2);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).toMatch(msg);
    }
  });
});
