/** The four seed files import to exactly the golden fixtures (all 19 forms and the Hebei 汇总表). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DepartmentText, Evaluation, SummaryTable } from '@jixiao/core';
import { importText, ImportError } from '../src/index.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'));
const golden = (name: string) => JSON.parse(readFileSync(join(root, 'golden', name), 'utf8'));

describe('seed files import to the golden fixtures', () => {
  const counts: Record<string, number> = {};
  for (const f of seeds) {
    it(f, () => {
      const r = importText(readFileSync(join(root, 'seeds', f), 'utf8'), f);
      const base = f.replace(/\.txt$/, '');
      counts[base] = r.evaluations.length;
      r.evaluations.forEach((ev, i) => {
        expect(Evaluation.parse(ev)).toEqual(ev);
        expect(ev).toEqual(golden(`${base}.form-${String(i + 1).padStart(2, '0')}.json`));
      });
      r.texts.forEach((t, i) => {
        expect(DepartmentText.parse(t)).toEqual(t);
        expect(t).toEqual(golden(`${base}.text-${i + 1}.json`));
      });
      r.summaries.forEach((s, i) => {
        expect(SummaryTable.parse(s)).toEqual(s);
        expect(s).toEqual(golden(`${base}.summary-${i + 1}.json`));
      });
    });
  }
  it('finds 11 + 3 + 3 + 2 forms and one summary table', () => {
    const n = (f: string) => importText(readFileSync(join(root, 'seeds', f), 'utf8'), f);
    expect(seeds.map((f) => [f, n(f).evaluations.length, n(f).summaries.length])).toEqual([
      ['hebei-dachang-zhengfawei-2023.txt', 11, 1],
      ['ningxia-yanchi-xianweiban-2022.txt', 3, 0],
      ['shanxi-yunzhou-zhengfawei-2022.txt', 3, 0],
      ['xinjiang-changji-zhengfawei-2021.txt', 2, 0],
    ]);
  });
});

describe('real-world mess is handled and reported with its location', () => {
  const hebei = importText(readFileSync(join(root, 'seeds', 'hebei-dachang-zhengfawei-2023.txt'), 'utf8'), 'hebei.txt');

  it('the shifted 社会效益 row of 严重精神障碍 is realigned and reported', () => {
    const ev = hebei.evaluations[8]!;
    const row = ev.indicators[4]!;
    expect([row.name.raw, row.target.raw, row.actual.raw, row.claimedScore.raw]).toEqual(['获赔率', '＝100%', '＝100%', '30']);
    const note = hebei.notes.find((n) => n.code === 'IMPORT.TARGET_SHIFTED')!;
    expect(note.src).toEqual({ file: 'hebei.txt', line: row.src!.line });
  });

  it('every value keeps the line it came from', () => {
    const ev = hebei.evaluations[2]!;
    expect(ev.project.name).toEqual({ raw: '见义勇为基金', src: { file: 'hebei.txt', line: 1030 } });
    expect(ev.claimed.total).toMatchObject({ raw: '70', value: '70' });
    expect(ev.claimed.total!.src!.line).toBeGreaterThan(1030);
  });

  it('units written in the indicator name stay in the name', () => {
    const xj = importText(readFileSync(join(root, 'seeds', 'xinjiang-changji-zhengfawei-2021.txt'), 'utf8'), 'xj.txt');
    expect(xj.evaluations[0]!.indicators[0]).toMatchObject({
      name: { raw: '支持县市政法委数量（个，含3个园区）' },
      target: { raw: '=10' },
      actual: { raw: '10个' },
    });
  });
});

describe('bad input', () => {
  it('a text with no form is an unknown layout, with a code and a Chinese message', () => {
    expect(() => importText('这是一段普通文字。\n没有表格。\n', 'note.txt')).toThrow(ImportError);
    try {
      importText('这是一段普通文字。\n', 'note.txt');
    } catch (e) {
      expect((e as ImportError).code).toBe('IMPORT.UNKNOWN_LAYOUT');
      expect((e as Error).message).toContain('note.txt');
    }
  });

  it('a form without an indicator table is refused', () => {
    expect(() => importText('\t项目名称\n\t某项目\n\n\t主管部门\n\t某部门\n', 'x.txt')).toThrow(/未找到绩效指标表/);
  });
});
