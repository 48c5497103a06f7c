/**
 * Plain Chinese everywhere a person reads (issue 23 item 3): every message the core and the server can
 * produce — each rule's findings (made on the seeds, on synthetic forms with the seeds' mistakes and on
 * forms broken on purpose), their fixes and figures, the goal form's lint, the history's field names, the
 * labels maps, and each error the API answers — shows no English identifier to a person: no code such as
 * `A5.TOTAL_SUM` or `R4.reverse`, no model path such as `claimed.total`, no camelCase field such as
 * `overCompletion`, and no doubled word such as “已已”. The codes stay in `code`, where programs read them.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  applyEdit,
  auditDepartment,
  describeField,
  DEFAULT_SEVERITY,
  DepartmentText,
  Evaluation,
  GoalForm,
  INDICATOR_FIELD_NAMES,
  lintGoalForm,
  NUMBER_LABELS,
  numberText,
  RULE_TITLES,
  rng,
  SCORE_RULE_NAMES,
  SECTION_NAMES,
  STATUS_LABELS,
  SummaryTable,
  syntheticForm,
  type Finding,
} from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';
import { multipart } from './multipart.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

/** What a person must never read, each with why. */
const NOT_FOR_PEOPLE: Array<[RegExp, string]> = [
  [/[A-Za-z]+\.[A-Za-z_]+/, 'a code or a model path (A5.TOTAL_SUM, claimed.total)'],
  [/\b[a-z]+[A-Z][A-Za-z]*\b/, 'a camelCase name (overCompletion)'],
  [/\b(category|claimed|indicators|budget|lines|level[12]|target|actual|points|section|field|undefined|null|NaN)\b/, 'a field name'],
  [/\[object |\$\{/, 'an unformatted value'],
  [/(已已|的的|分分|：：|，，|。。)/, 'a doubled word'],
];
/** A file's own name may be English (`broken.docx`): it is the person's own, quoted as given. */
const FILE_NAMES = /[\w.-]+\.(docx|xlsx|doc|xls|txt|tsv|pdf|zip|csv|json|odt|ods|wps|et|png|jpe?g|gif|bmp|exe|rar|7z)\b/gi;

function problem(text: string): string | null {
  const t = text.replace(FILE_NAMES, '文件');
  for (const [re, why] of NOT_FOR_PEOPLE) {
    const m = re.exec(t);
    if (m) return `${why}: “${m[0]}” in “${text}”`;
  }
  return null;
}

/** Every text a person reads of a finding: its message, its fix's label, its figures by name. */
function findingTexts(f: Finding): string[] {
  const out = [f.message];
  if (f.fix) out.push(f.fix.label);
  for (const [k, v] of Object.entries(f.numbers)) {
    const { label, text } = numberText(k, v);
    out.push(`${label}：${text}`);
    if (NUMBER_LABELS[k] === undefined) unnamed.add(`${f.code} ${k}`);
  }
  return out;
}

/** figures met without a Chinese name (core audit/plain-words.ts), by code */
const unnamed = new Set<string>();

function expectPlain(texts: Iterable<[string, string]>): number {
  const bad: string[] = [];
  let n = 0;
  for (const [where, text] of texts) {
    n++;
    const p = problem(text);
    if (p) bad.push(`${where}: ${p}`);
  }
  expect(bad.join('\n')).toBe('');
  expect([...unnamed]).toEqual([]);
  return n;
}

const golden = (name: string) => JSON.parse(readFileSync(join(FIXTURES, 'golden', name), 'utf8'));
const goldenForms = () => {
  const byDepartment = new Map<string, Evaluation[]>();
  for (const f of readdirSync(join(FIXTURES, 'golden'))
    .filter((x) => x.includes('.form-'))
    .sort()) {
    const d = f.split('.')[0]!;
    byDepartment.set(d, [...(byDepartment.get(d) ?? []), Evaluation.parse(golden(f))]);
  }
  return byDepartment;
};

/** Cells broken the way people break them, so that every rule has something to say. */
const BREAKAGE: Array<Array<[string, string]>> = [
  [['claimed.total', '100']],
  [['claimed.total', '12']],
  [['claimed.grade', '差']],
  [['claimed.points', '95']],
  [['budget.lines[0].rate', '50%']],
  [['budget.lines[0].balance', '7']],
  [['budget.lines[0].executed', '-5']],
  [['budget.lines[0].executed', '99999']],
  [['budget.lines[0].adjusted', '0']],
  [['budget.lines[0].adjusted', '']],
  [['budget.lines[1].executed', '1']],
  [['budget.lines[0].received', '1']],
  [['budget.lines[0].score', '分']],
  [['budget.lines[0].score', '3']],
  [['indicators[0].claimedScore', '999']],
  [['indicators[0].claimedScore', '-1']],
  [['indicators[0].claimedScore', '']],
  [['indicators[0].actual', '']],
  [['indicators[0].actual', '≥95%']],
  [['indicators[0].actual', '较好']],
  [['indicators[0].target', '＜＞？？']],
  [['indicators[0].actual', '＜＞？？']],
  [['indicators[0].target', '逐步提高']],
  [['indicators[0].target', '≤1000个']],
  [['indicators[0].actual', '2019年完成']],
  [['indicators[1].points', '50']],
  [['goals.achieved', '']],
];

function broken(ev: Evaluation): Evaluation[] {
  const out: Evaluation[] = [];
  for (const edits of BREAKAGE) {
    try {
      out.push(edits.reduce((e, [path, raw]) => applyEdit(e, { type: 'set', path, raw }), ev));
    } catch {
      // a cell this form does not have
    }
  }
  return out;
}

describe('findings in plain Chinese (every rule × code)', () => {
  it('on the seeds (with their written 汇总表 and texts), synthetic forms and broken forms: no identifier, every figure named', () => {
    const findings: Finding[] = [];
    const departments = goldenForms();
    for (const [d, forms] of departments) {
      const summaries = readdirSync(join(FIXTURES, 'golden'))
        .filter((x) => x.startsWith(d) && x.includes('.summary-'))
        .map((x) => SummaryTable.parse(golden(x)));
      const texts = readdirSync(join(FIXTURES, 'golden'))
        .filter((x) => x.startsWith(d) && x.includes('.text-'))
        .map((x) => DepartmentText.parse(golden(x)));
      findings.push(...auditDepartment(forms, { written: { summaries, texts } }).findings);
      // a written 汇总表 with its 合计, a row and the 自评率 wrong, and a form's row left out (A10)
      for (const t of summaries) {
        const wrong = structuredClone(t);
        if (wrong.total) {
          wrong.total.budget = { raw: '1', value: '1' };
          wrong.total.rate = { raw: '37%' };
        }
        wrong.rows[0]!.budget = { raw: '12345', value: '12345' };
        wrong.rows.pop();
        findings.push(...auditDepartment(forms, { written: { summaries: [wrong], texts: [] } }).findings);
      }
      // each form broken on purpose, with its department (A9 across them)
      for (const ev of forms) findings.push(...auditDepartment([...broken(ev), ...forms]).findings);
    }
    const synthetic = Array.from({ length: 200 }, (_, i) => syntheticForm(rng(i + 1), i, { mistakes: true }));
    findings.push(...auditDepartment(synthetic).findings);
    for (const ev of synthetic.slice(0, 10)) findings.push(...auditDepartment(broken(ev)).findings);

    const n = expectPlain(findings.flatMap((f) => findingTexts(f).map((t): [string, string] => [f.code, t])));
    expect(n).toBeGreaterThan(1000);
    // every code a form or a department document can produce was made and read here
    const made = new Set(findings.map((f) => f.code));
    const missing = Object.keys(DEFAULT_SEVERITY).filter((c) => !made.has(c));
    expect(missing.join(' ')).toBe('');
  });

  it('the goal form’s lint (G1–G11)', () => {
    const findings = readdirSync(join(FIXTURES, 'goals'))
      .filter((x) => x.endsWith('.goal.json'))
      .flatMap((x) => lintGoalForm(GoalForm.parse(JSON.parse(readFileSync(join(FIXTURES, 'goals', x), 'utf8')))));
    expect(findings.length).toBeGreaterThan(5);
    expectPlain(findings.flatMap((f) => findingTexts(f).map((t): [string, string] => [f.code, t])));
  });

  it('the labels maps and the history’s field names', () => {
    const ev = goldenForms().get('xinjiang-changji-zhengfawei-2021')![1]!;
    const maps = { STATUS_LABELS, ACTION_LABELS, INDICATOR_FIELD_NAMES, NUMBER_LABELS, SCORE_RULE_NAMES, SECTION_NAMES };
    const texts: Array<[string, string]> = Object.entries(maps).flatMap(([name, m]) => Object.values(m).map((v): [string, string] => [name, v]));
    const paths = [
      'claimed.total',
      'claimed.grade',
      'claimed.points',
      'goals.expected',
      'project.name',
      'budget.lines[0].score',
      'budget.lines[0].unknownFigure',
      'indicators[i1].actual',
      'indicators[i1].overCompletion',
      'indicators[i999].claimedScore',
      'indicators[i1].target.parts.value',
      'groups[0].declaredPoints',
      'narratives[0].text',
      '复核得分 indicators[i1]',
      'somethingNew.field',
      '(状态)',
    ];
    for (const p of paths) texts.push([p, describeField(p, ev)]);
    // an edit the form cannot take: the editor shows its reason
    for (const path of ['indicators[99].actual', 'budget.lines[7].score', 'no such path!', 'claimed.total.value.deeper'])
      try {
        applyEdit(ev, { type: 'set', path, raw: '1' });
      } catch (e) {
        texts.push([path, (e as Error).message]);
      }
    expect(texts.filter(([p]) => p.startsWith('indicators[99]') || p.startsWith('no such')).length).toBe(2);
    expectPlain(texts);
  });
});

describe('errors the API answers, in plain Chinese', () => {
  let server: FastifyInstance;
  let store: KyselyStore;
  let admin: Client;
  let filler: Client;
  let finance: Client;
  beforeAll(async () => {
    store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-plain-')), 'jixiao.sqlite')));
    await loadDemo(store);
    const accounts = new KyselyAccountStore(store.conn);
    server = await buildApp({ store, accounts, database: 'sqlite', maxUploadBytes: 2 * 1024 * 1024 });
    admin = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
    filler = await loginAs(server, accounts, { username: 'filler1', role: 'filler', departmentId: 3 });
    finance = await loginAs(server, accounts, { username: 'finance1', role: 'finance', assigned: [3] });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it(
    'each refusal — not found, forbidden, workflow, bad input, out of range, stale version, bad request — names what is wrong in Chinese',
    { timeout: 120_000 },
    async () => {
      const answers: Array<{ code: string; message: string }> = [];
      const call = async (c: Client, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
        const res = await c.inject({ method, url, ...(payload !== undefined && { payload: payload as object }) });
        if (res.statusCode >= 400) answers.push(res.json());
        return res;
      };
      const [xj] = (await (await admin.inject('/api/evaluations?departmentId=3')).json()) as Array<{ id: number; version: number }>;
      const fhj = ((await (await admin.inject('/api/evaluations?departmentId=3')).json()) as Array<{ id: number; project: string }>).find(
        (e) => e.project === '访惠聚工作经费',
      )!;
      const read = (await (await admin.inject(`/api/evaluations/${xj!.id}`)).json()) as { version: number; evaluation: Evaluation };

      await call(admin, 'GET', '/api/evaluations/99999'); // STORE.NOT_FOUND
      await call(admin, 'GET', '/api/nowhere.json'); // NOT_FOUND
      await call(finance, 'POST', '/api/forms', { kind: 'self-evaluation', projectId: 1, year: 2030, from: 'blank' }); // AUTH.FORBIDDEN
      await call(admin, 'POST', '/api/forms', { kind: 'self-evaluation', year: 2030, from: 'blank' }); // FORM.BAD_INPUT
      await call(admin, 'POST', '/api/forms', { kind: 'self-evaluation', newProject: { departmentId: 3, name: '新项目' }, year: 2030, from: 'previous-year' }); // FORM.NO_PREVIOUS_YEAR
      await call(filler, 'POST', `/api/evaluations/${fhj.id}/actions/submit`, { version: 1 }); // WORKFLOW.BLOCKED (the 访惠聚 form has errors)
      await call(filler, 'POST', `/api/evaluations/${xj!.id}/actions/approve`, { version: read.version }); // WORKFLOW.NOT_ALLOWED
      // a value out of the model's bounds, named by its Chinese name, never its path
      const huge = structuredClone(read.evaluation);
      huge.claimed.total = { raw: '1e30', value: '1' + '0'.repeat(30) };
      await call(admin, 'PUT', `/api/evaluations/${xj!.id}`, { version: read.version, evaluation: huge });
      const dup = structuredClone(read.evaluation);
      dup.indicators[1]!.id = dup.indicators[0]!.id ?? 'i1';
      dup.indicators[0]!.id = dup.indicators[1]!.id;
      await call(admin, 'PUT', `/api/evaluations/${xj!.id}`, { version: read.version, evaluation: dup }); // FORM.DUPLICATE_INDICATOR_ID
      await call(admin, 'PUT', `/api/evaluations/${xj!.id}`, { version: read.version + 5, evaluation: read.evaluation }); // STORE.VERSION_CONFLICT
      await call(admin, 'PUT', `/api/evaluations/${xj!.id}`, { version: read.version, evaluation: { bad: true } }); // REQUEST.INVALID
      await call(admin, 'POST', '/api/score', { evaluation: { ...read.evaluation, schemeId: 'atlantis' } }); // SCHEME.INVALID
      // through the workflow: submitted, then read-only for the filler; returned without a comment; reviews refused
      const ok = await call(admin, 'POST', `/api/evaluations/${xj!.id}/actions/submit`, { version: read.version });
      const submitted = ok.json() as { version: number };
      await call(filler, 'PUT', `/api/evaluations/${xj!.id}`, { version: submitted.version, evaluation: read.evaluation }); // WORKFLOW.READ_ONLY
      await call(finance, 'PUT', `/api/evaluations/${xj!.id}`, { version: submitted.version, evaluation: read.evaluation }); // WORKFLOW.NOT_YOURS
      await call(admin, 'POST', `/api/evaluations/${xj!.id}/actions/return`, { version: submitted.version, comment: ' ' }); // WORKFLOW.COMMENT_REQUIRED
      await call(finance, 'PUT', `/api/evaluations/${xj!.id}/reviews`, { scores: [{ indicatorId: 'i1', score: '1', reason: '复核' }] }); // WORKFLOW.NOT_ALLOWED
      const approved = (await call(admin, 'POST', `/api/evaluations/${xj!.id}/actions/approve`, { version: submitted.version })).json() as { version: number };
      expect(approved.version).toBeGreaterThan(submitted.version);
      await call(finance, 'PUT', `/api/evaluations/${xj!.id}/reviews`, { scores: [{ indicatorId: 'nope', score: '1', reason: '复核' }] }); // REVIEW.BAD_INDICATOR
      await call(finance, 'PUT', `/api/evaluations/${xj!.id}/reviews`, { scores: [{ indicatorId: 'i1', score: '999', reason: '复核' }] }); // REVIEW.BAD_SCORE
      await call(admin, 'POST', '/api/departments', { code: 'x', name: 'x', parentId: 999 }); // STORE.NO_PARENT

      // an upload: the seeds as .docx and .xlsx, a scan without text, a broken file, a file of no known kind,
      // a text of no form — the notes of reading them and the reasons a file is refused
      const office = readdirSync(join(FIXTURES, 'office')).filter((x) => /\.(docx|xlsx)$/.test(x));
      const up = await admin.inject({
        method: 'POST',
        url: '/api/import',
        ...multipart([
          ...office.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, 'office', name))) })),
          { name: 'broken.docx', bytes: new TextEncoder().encode('not a zip') },
          { name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
          { name: 'nothing.txt', bytes: new TextEncoder().encode('这只是一段与自评表无关的文字。') },
        ]),
      });
      expect(up.statusCode).toBe(200);
      type Preview = {
        files: Array<{ notes: Array<{ code: string; message: string }> }>;
        rejected: Array<{ name: string; error: { code: string; message: string } }>;
      };
      const preview = up.json() as Preview;
      const notes = preview.files.flatMap((f) => f.notes);
      expect(preview.rejected.length).toBeGreaterThanOrEqual(2);
      expectPlain([
        ...notes.map((n): [string, string] => [n.code, n.message]),
        ...preview.rejected.map((r): [string, string] => [r.error.code, r.error.message]),
      ]);

      // the history of the form taken through the workflow, as the history panel shows it
      type Shown = { label: string; actorName: string; shownBefore: string | null; shownAfter: string | null };
      const history = (await (await admin.inject(`/api/evaluations/${xj!.id}/history`)).json()) as Shown[];
      expect(history.some((c) => c.shownAfter === '已提交')).toBe(true);
      expectPlain(history.flatMap((c): Array<[string, string]> => [c.label, c.actorName, c.shownBefore ?? '', c.shownAfter ?? ''].map((t) => ['history', t])));

      const codes = new Set(answers.map((a) => a.code));
      for (const c of [
        'STORE.NOT_FOUND',
        'NOT_FOUND',
        'AUTH.FORBIDDEN',
        'FORM.BAD_INPUT',
        'FORM.NO_PREVIOUS_YEAR',
        'WORKFLOW.BLOCKED',
        'WORKFLOW.NOT_ALLOWED',
        'WORKFLOW.READ_ONLY',
        'WORKFLOW.NOT_YOURS',
        'WORKFLOW.COMMENT_REQUIRED',
        'FORM.DUPLICATE_INDICATOR_ID',
        'STORE.VERSION_CONFLICT',
        'REQUEST.INVALID',
        'SCHEME.INVALID',
        'REVIEW.BAD_INDICATOR',
        'REVIEW.BAD_SCORE',
        'STORE.NO_PARENT',
      ])
        expect(codes, c).toContain(c);
      expect(answers.some((a) => a.code === 'VALUE.OUT_OF_RANGE' || a.code === 'VALUE.TOO_LONG')).toBe(true);
      for (const a of answers) expect(a.message, a.code).toMatch(/[\u4e00-\u9fa5]/);
      expectPlain(answers.map((a): [string, string] => [a.code, a.message]));
    },
  );
});

describe('a finding’s figures as people write them', () => {
  it('shares of 1 and rates in percent are shown with their sign, other figures as they are', () => {
    expect(numberText('completion', '0.722222')).toEqual({ label: '完成程度', text: '72.22%' });
    expect(numberText('unspentShare', '1')).toEqual({ label: '未执行比例', text: '100%' });
    expect(numberText('rate', '49.88')).toEqual({ label: '执行率', text: '49.88%' });
    expect(numberText('budget', '3.5')).toEqual({ label: '预算数', text: '3.5' });
    expect(numberText('rate', null)).toEqual({ label: '执行率', text: '—' });
  });

  it('a finding is titled by what its rule checks, in Chinese, its short number after it', () => {
    for (const [id, title] of Object.entries(RULE_TITLES)) expect(title).toMatch(new RegExp(`^[\u4e00-\u9fa5、与]+（${id}）$`));
  });
});
