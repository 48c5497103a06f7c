/**
 * Issue 21, item 4: text copied out of a PDF or a web page — cells separated by runs of spaces, one cell
 * per line, or a row flattened into one line — is read back into the form where that is certain, and
 * what is not certain is reported, never guessed. fixtures/regions/pasted-*.txt hold the same form
 * (fixtures/regions/budget-letters, form 1) in each shape; pasted-pdftotext-layout.txt is what
 * `pdftotext -layout` gives for the LibreOffice PDF of transfer-zhuanxiang.docx (cells wrapped over lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getScheme, scoreEvaluation } from '@jixiao/core';
import { importText, ImportError, readTextGrid } from '../src/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/regions');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const rows = [
  ['日常养护里程', '≥120公里', '126公里', '20', '20'],
  ['养护路段优良率', '≥85%', '88%', '15', '15'],
  ['养护任务完成时间', '12月31日前', '12月20日', '10', '10'],
  ['每公里养护成本', '≤0.36万元', '0.34万元', '5', '5'],
  ['群众出行条件', '明显改善', '明显改善', '15', '15'],
  ['道路使用年限延长', '≥2年', '2年', '15', '15'],
  ['沿线群众满意度', '≥90%', '93%', '10', '10'],
];
const table = (text: string, file: string) => {
  const r = importText(text, file);
  const ev = r.evaluations[0]!;
  return { r, ev, got: ev.indicators.map((i) => [i.name.raw.replace(/ /g, ''), i.target.raw, i.actual.raw, i.points.value, i.claimedScore.value]) };
};

describe('pasted text', () => {
  it('cells separated by runs of spaces: every figure, the budget block and the total', () => {
    const { r, ev, got } = table(read('pasted-spaces.txt'), 'pasted-spaces.txt');
    expect(got).toEqual(rows);
    expect(ev.indicators.map((i) => [i.level1, i.level2.raw])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['产出指标', '成本指标'],
      ['效益指标', '社会效益指标'],
      ['效益指标', '可持续影响指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    const t = ev.budget.lines[0]!;
    expect([t.adjusted?.value, t.executed?.value, t.points?.value, t.score?.value]).toEqual(['45', '43.2', '10', '9.6']);
    expect(scoreEvaluation(ev, getScheme(ev.schemeId)).total).toBe('99.60');
    expect(ev.claimed.total?.value).toBe('99.6');
    expect(ev.indicators[0]!.actual.src).toEqual({ file: 'pasted-spaces.txt', line: 9, col: 5 });
    expect(r.reports[0]!.unplaced).toEqual([]);
  });

  it('copied out of an exported document: the word joiners that kept numbers with their units read as nothing', () => {
    const text = read('pasted-spaces.txt');
    const joined = text.replace(/(\d)(万元|%|公里|年)/g, '$1\u2060$2');
    expect(joined).not.toBe(text);
    expect(table(joined, 'pasted-spaces.txt').got).toEqual(rows);
  });

  it('one cell per line: rows found by what each line is; a reason kept only where it is certain', () => {
    const { ev, got } = table(read('pasted-cell-per-line.txt'), 'pasted-cell-per-line.txt');
    expect(got).toEqual(rows.map((r) => (r[0] === '道路使用年限延长' ? [...r.slice(0, 4), '12'] : r)));
    expect(ev.indicators[5]!.deviation?.raw).toBe('养护周期内出现两处坑槽');
    expect(ev.indicators.filter((i) => i.deviation?.raw).length).toBe(1);
    const t = ev.budget.lines[0]!;
    expect([t.adjusted?.value, t.executed?.value, t.points?.value, t.rate?.raw, t.score?.value]).toEqual(['45', '43.2', '10', '96%', '9.6']);
    expect(ev.project.implementer?.name.raw).toBe('某县公路养护中心');
  });

  it('a row flattened into one line: split where the figures leave one reading (a name with a space kept)', () => {
    const { got } = table(read('pasted-flattened.txt'), 'pasted-flattened.txt');
    expect(got).toEqual(rows);
    expect(importText(read('pasted-flattened.txt'), 'f.txt').evaluations[0]!.indicators[3]!.name.raw).toBe('每公里 养护成本');
  });

  it('a line inside the table that cannot be split is reported, and the rows around it keep their figures', () => {
    const text = read('pasted-spaces.txt').replace('产出指标    数量指标    日常养护里程    ≥120公里    126公里    20    20\n', '$&（含村组道路 2 段）\n');
    const { r, got } = table(text, 'wrapped.txt');
    expect(got).toEqual(rows);
    expect(r.reports[0]!.unplaced).toEqual([{ text: '（含村组道路 2 段）', src: { file: 'wrapped.txt', line: 10 }, why: expect.stringContaining('无法拆分') }]);
  });

  it('a flattened line with two readings is not split', () => {
    // `培训 人次 ≥100 120 20 20`: points/score could be 120/20 or 20/20 — only one reading leaves no number after the score
    const one = readTextGrid('一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n数量指标 培训 人次 ≥100 120 20 20\n', 'x.txt').blocks[1]!;
    expect(one.kind === 'row' && one.cells.map((c) => c.text)).toEqual(['数量指标', '培训 人次', '≥100', '120', '20', '20']);
    // a qualitative target with a name of two words: the name's end is not certain
    const two = readTextGrid('一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n社会效益指标 群众 出行条件 明显改善 明显改善 15 15\n', 'x.txt')
      .blocks[1]!;
    expect(two.kind).toBe('paragraph');
  });

  it('pdftotext -layout of a form whose cells wrap: refused with its code, nothing half-read', () => {
    let err: unknown;
    try {
      importText(read('pasted-pdftotext-layout.txt'), 'pasted-pdftotext-layout.txt');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('IMPORT.NO_INDICATOR_TABLE');
  });

  it('text with tabs is still read as before (the seeds)', () => {
    const seed = readFileSync(join(dir, '../seeds/xinjiang-changji-zhengfawei-2021.txt'), 'utf8');
    expect(importText(seed, 'x.txt').evaluations).toHaveLength(2);
  });
});
