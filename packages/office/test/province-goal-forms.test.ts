/**
 * Issue 21: goal forms (项目支出绩效目标申报表 and its regional variants — no actuals, no scores) published
 * by units in other provinces (fixtures/provinces, `*.goal.*`, sources in its README), rebuilt as .docx,
 * .xlsx and .pdf (and printed by a browser: .browser.pdf). Each is imported as goals and as an upload
 * recognised by its title (it must come out as goals, not as a 自评表), and checked against the values
 * written by hand from the source (*.goal.expected.json): identity, year, money lines, goal texts, every
 * indicator (level1, level2, name, target, points), and the cells the form states that no field holds
 * (the preview's unplaced cells: reported, never put in a wrong field). The PDFs must read as the same
 * form as the .docx and the .xlsx.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanCell, trim, type GoalForm, type NumberField } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { importGoalBytes, readGrid, recognizeUpload } from '../src/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/provinces');
const FORMS = readdirSync(dir)
  .filter((n) => n.endsWith('.goal.expected.json'))
  .map((n) => n.slice(0, -'.expected.json'.length))
  .sort();
const EXTS = ['docx', 'xlsx', 'pdf', 'browser.pdf'] as const;
const MONEY = ['total', 'annual', 'fiscal', 'carryover', 'other'] as const;

interface Expected {
  project: string;
  department?: string;
  implementer?: string;
  category?: string;
  period?: string;
  year: number;
  moneyUnit: '万元' | '元';
  /** the money lines the form fills (an empty line is left out) */
  money: Partial<Record<(typeof MONEY)[number], string>>;
  goals: { longTerm?: string; annual?: string };
  indicators: Array<{ level1: string; level2: string; name: string; target: string; points?: string }>;
  /** the cells the form states that no GoalForm field holds: reported in the preview as unplaced */
  unplaced: string[];
}

const norm = (s: string | undefined | null) => (s ?? '').replace(/\s+/g, '');
const value = (f: NumberField | undefined) => (f?.value !== null && f?.value !== undefined ? trim(f.value) : norm(f?.raw) || undefined);

/** The form as the test compares it: texts squashed, numbers by value, what the form leaves empty absent. */
function asExpected(g: GoalForm): Omit<Expected, 'unplaced'> {
  const opt = (x: { raw: string } | undefined) => (x && norm(x.raw) !== '' ? norm(x.raw) : undefined);
  const money: Expected['money'] = {};
  for (const k of MONEY) if (value(g.money[k]) !== undefined) money[k] = value(g.money[k]);
  const goals: Expected['goals'] = {};
  if (opt(g.goals.longTerm)) goals.longTerm = opt(g.goals.longTerm);
  if (opt(g.goals.annual)) goals.annual = opt(g.goals.annual);
  return JSON.parse(
    JSON.stringify({
      project: norm(g.project.name.raw),
      department: opt(g.project.department?.name),
      implementer: opt(g.project.implementer?.name),
      category: opt(g.project.category),
      period: opt(g.project.period),
      year: g.year,
      moneyUnit: g.money.unit,
      money,
      goals,
      indicators: g.indicators.map((i) => ({
        level1: i.level1,
        level2: norm(i.level2.raw),
        name: norm(i.name.raw),
        target: norm(i.target.raw),
        ...(value(i.points) !== undefined && { points: value(i.points) }),
      })),
    }),
  ) as Omit<Expected, 'unplaced'>;
}

function squashed(exp: Expected): Omit<Expected, 'unplaced'> {
  const { unplaced: _u, ...rest } = exp;
  return JSON.parse(JSON.stringify(rest), (k, v: unknown) => (typeof v === 'string' && k !== 'moneyUnit' ? norm(v) : v)) as Omit<Expected, 'unplaced'>;
}

const bytes = (form: string, ext: string) => new Uint8Array(readFileSync(join(dir, `${form}.${ext}`)));

describe.each(FORMS)('%s', (form) => {
  const exp: Expected = JSON.parse(readFileSync(join(dir, `${form}.expected.json`), 'utf8'));

  it.each(EXTS)('.%s imported as goals: exact', async (ext) => {
    const forms = await importGoalBytes(bytes(form, ext), `${form}.${ext}`);
    expect(forms).toHaveLength(1);
    expect(asExpected(forms[0]!)).toEqual(squashed(exp));
  });

  it.each(EXTS)('.%s uploaded: read as goals by its title, not as a 自评表; what no field holds is reported', async (ext) => {
    const r = recognizeUpload(await readGrid(bytes(form, ext), `${form}.${ext}`));
    expect(r.evaluations).toEqual([]);
    expect(r.goals).toHaveLength(1);
    expect(asExpected(r.goals[0]!)).toEqual(squashed(exp));
    expect(r.reports[0]!.unplaced.map((u) => norm(cleanCell(u.text))).sort()).toEqual(exp.unplaced.map(norm).sort());
  });

  it('both PDFs read as the same form as the .docx and the .xlsx', async () => {
    const [docx, xlsx, pdf, browser] = await Promise.all(EXTS.map((ext) => importGoalBytes(bytes(form, ext), `${form}.${ext}`)));
    const flat = (g: GoalForm[]) => JSON.stringify(asExpected(g[0]!));
    expect(flat(pdf)).toBe(flat(docx));
    expect(flat(pdf)).toBe(flat(xlsx));
    expect(flat(browser)).toBe(flat(docx));
  });
});
