/**
 * Splits a document into its parts — project forms, a department summary table — and recognizes
 * each. A file may hold several forms (the Hebei file holds a summary, a report and 11 forms).
 */
import { boundEvaluation, cleanCell, normalizeForCompare, type DepartmentText, type Evaluation, type SummaryTable, type TextField } from '@jixiao/core';
import type { Cell } from '../grid.ts';
import { formReport, type FormReport } from './report.ts';
import { lineOf, type Block, type GridDocument } from '../grid.ts';
import { ImportError } from '../errors.ts';
import { cellText, numberField, textField } from './fields.ts';
import { fillerOf, recognizeForm, type ImportNote, type TableReport } from './form.ts';
import { headerKey } from './columns.ts';
import { identityLabel, norm } from './labels.ts';

export interface Recognized {
  file: string;
  evaluations: Evaluation[];
  summaries: SummaryTable[];
  /** 整体绩效自评工作报告 and 决算公开绩效情况说明 found in the file */
  texts: DepartmentText[];
  notes: ImportNote[];
  /** per form, in the order of `evaluations`: what the preview shows before saving (issue 21, item 8) */
  reports: FormReport[];
}

const blockText = (b: Block): string => (b.kind === 'paragraph' ? cleanCell(b.text) : b.cells.map((c) => cleanCell(c.text)).join(''));

const isFormStart = (b: Block): boolean =>
  b.kind === 'row' && b.cells.some((c) => identityLabel(c.text) === 'name') && !b.cells.some((c) => norm(c.text) === '序号');

const isTitle = (b: Block): boolean => /自评表$/.test(norm(blockText(b)));

const isSummaryHeader = (b: Block): boolean =>
  b.kind === 'row' &&
  b.cells.some((c) => norm(c.text) === '序号') &&
  b.cells.some((c) => identityLabel(c.text) === 'name') &&
  b.cells.some((c) => /^(自评)?得分$/.test(headerKey(c.text)));

export function recognizeDocument(doc: GridDocument): Recognized {
  const { blocks, file } = doc;
  const notes: ImportNote[] = [];
  const starts = blocks.map((b, i) => (isFormStart(b) ? i : -1)).filter((i) => i >= 0);
  const summaries: SummaryTable[] = [];
  blocks.forEach((b, i) => {
    if (isSummaryHeader(b)) summaries.push(summaryTable(blocks, i));
  });
  const texts = departmentTexts(blocks);
  if (starts.length === 0 && summaries.length === 0 && texts.length === 0)
    throw new ImportError('IMPORT.UNKNOWN_LAYOUT', `未在“${file}”中找到项目绩效自评表（缺少“项目名称”）或绩效自评汇总表`, { file, blocks: blocks.length });

  // Each form begins at its title (the nearest `…自评表` above its 项目名称 row).
  const begins = starts.map((s) => {
    let b = s;
    for (let j = s - 1; j >= Math.max(0, s - 6); j--) if (isTitle(blocks[j]!)) b = j;
    return b;
  });
  const reports: FormReport[] = [];
  const evaluations = starts.map((s, k) => {
    const begin = begins[k]!;
    const end = begins[k + 1] ?? blocks.length;
    const head = blocks.slice(begin, s);
    const titleBlock = head.find(isTitle);
    const title: TextField | undefined = titleBlock ? { raw: blockText(titleBlock), src: titleBlock.src } : undefined;
    const year = yearIn(head) ?? yearIn(blocks.slice(0, begin).reverse());
    const formBlocks = blocks.slice(begin, end);
    const tables: TableReport[] = [];
    const consumed = new Set<Cell>();
    const formNotes: ImportNote[] = [];
    // the title, the year and the 填报单位 line above the form are read here, not by recognizeForm
    for (const b of head) if (b.kind === 'row' && b.cells.length === 1) consumed.add(b.cells[0]!);
    const ev = recognizeForm(formBlocks, { file, year, title, schemeId: 'national', layout: 'national', notes: formNotes, tables, consumed });
    const fill = head.map(lineOf).find((l) => l && /^填报单位[：:]/.test(cleanCell(l.text)));
    if (fill) {
      const unit = /^填报单位[：:]\s*([^\t]*)/
        .exec(cleanCell(fill.text))![1]!
        .replace(/\s*金额单位.*$/, '')
        .trim();
      ev.project.fillingUnit = { raw: unit, src: fill.src };
    }
    const { schemeId, layout } = classify(ev);
    ev.schemeId = schemeId;
    ev.layout = layout;
    ev.source = { file, index: k };
    // figures and texts outside the domain's bounds: reported, never stored as such (issue 24)
    for (const b of boundEvaluation(ev)) formNotes.push({ code: b.code, message: `第 ${k + 1} 张表${b.label}：${b.message}`, ...(b.src && { src: b.src }) });
    reports.push(formReport(ev, k, formBlocks, tables, consumed, formNotes));
    notes.push(...formNotes);
    return ev;
  });
  // 资金类型 is written in the department's 汇总表, not on the forms: take it from there (with its cell).
  for (const ev of evaluations) {
    if (ev.project.fundType?.raw) continue;
    const key = normalizeForCompare(ev.project.name.raw);
    const row = summaries.flatMap((t) => t.rows).find((r) => normalizeForCompare(r.name.raw) === key && r.fundType.raw.trim() !== '');
    if (row) ev.project.fundType = row.fundType;
  }
  return { file, evaluations, summaries, texts, notes, reports };
}

const TEXT_TITLE = /(整体绩效自评工作报告|决算公开绩效情况说明)$/;

/** A report or disclosure: its title paragraph and the paragraphs after it, up to the next table. */
function departmentTexts(blocks: Block[]): DepartmentText[] {
  const out: DepartmentText[] = [];
  blocks.forEach((b, i) => {
    const head = lineOf(b);
    if (!head) return;
    const title = cleanCell(head.text);
    const m = TEXT_TITLE.exec(title);
    if (!m) return;
    const paragraphs: TextField[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const p = lineOf(blocks[j]!);
      if (!p || isTitle(blocks[j]!) || TEXT_TITLE.test(cleanCell(p.text))) break;
      const t = cleanCell(p.text);
      if (t !== '') paragraphs.push({ raw: t, src: p.src });
    }
    const year = /(\d{4})\s*年/.exec(title);
    out.push({
      formatVersion: 1,
      kind: m[1] === '决算公开绩效情况说明' ? 'disclosure' : 'overall-report',
      title: { raw: title, src: head.src },
      year: year ? Number(year[1]) : null,
      paragraphs,
    });
  });
  return out;
}

function yearIn(blocks: Block[]): number | null {
  for (const b of blocks) {
    const m = /(\d{4})\s*年度/.exec(blockText(b));
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Scheme and layout from the form's own structure: a 预算执行率 indicator group means budget
 * execution is scored as an indicator; 40/40/20 headings mean the separate-budget scheme.
 */
function classify(ev: Evaluation): { schemeId: string; layout: string } {
  const has = (name: string) => ev.groups.some((g) => g.name === name && ev.indicators.some((i) => i.level1 === name));
  const declared = (name: string) => ev.groups.find((g) => g.name === name)?.declaredPoints ?? null;
  let schemeId = 'national';
  if (has('预算执行率')) schemeId = 'hebei';
  else if (declared('产出指标') === '40' && declared('效益指标') === '40' && declared('满意度指标') === '20') schemeId = 'ningxia';
  let layout = 'national';
  // a flat list names no 二级 on any row (its groups are headings of their own; issue 21, item 2)
  // (with an adjusted target it keeps the layout that prints 调整后指标值, so that an export keeps it too)
  const adjusted = ev.indicators.some((i) => i.targetAdjusted && i.targetAdjusted.raw.trim() !== '');
  if (!adjusted && ev.indicators.length > 0 && ev.indicators.every((i) => i.level2.raw === '')) layout = 'flat';
  else if (ev.indicators.some((i) => i.target.parts)) layout = 'hebei';
  else if (adjusted || ev.indicators.some((i) => i.targetAdjusted) || ev.budget.lines.some((l) => l.declared || l.prepared)) layout = 'yunzhou';
  else if (ev.indicators.some((i) => i.method)) layout = 'ningxia';
  return { schemeId, layout };
}

function summaryTable(blocks: Block[], at: number): SummaryTable {
  const header = blocks[at] as Extract<Block, { kind: 'row' }>;
  // by meaning, as the forms' tables (issue 21, item 1): letters and units dropped, synonyms accepted;
  // a meaning claimed by two columns is read from neither
  const col = (label: RegExp) => {
    const at = header.cells.map((c, i) => (label.test(headerKey(c.text)) ? i : -1)).filter((i) => i >= 0);
    return at.length === 1 ? at[0]! : -1;
  };
  const cols = {
    seq: col(/^序号$/),
    name: col(/^(项目|专项|专项资金)名称$/),
    budget: col(/^(全年预算数|全年预算|预算数|预算金额|调整后预算数)$/),
    executed: col(/^(全年执行数|执行数|实际支出数|全年支出数|支出数)$/),
    fundType: col(/^资金(类型|性质|来源)$/),
    score: col(/^(自评)?得分$/),
    grade: col(/^(自评)?等级$/),
    rate: col(/^自评率/),
  };
  const before = blocks.slice(Math.max(0, at - 3), at);
  const titleBlock = before.find((b) => /汇总表/.test(blockText(b)));
  const table: SummaryTable = {
    formatVersion: 1,
    ...(titleBlock && { title: { raw: blockText(titleBlock), src: titleBlock.src } }),
    year: yearIn(blocks.slice(at)),
    rows: [],
  };
  for (let i = at + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    const line = lineOf(b);
    if (b.kind === 'paragraph' || (line && table.total)) {
      const filler = fillerOf([b]);
      if (filler) table.filler = filler;
      if (table.total) break;
      continue;
    }
    const c = (k: keyof typeof cols) => (cols[k] >= 0 ? b.cells[cols[k]] : undefined);
    if (b.cells.every((x) => cellText(x) === '')) continue;
    if (norm(cellText(c('seq'))) === '合计') {
      table.total = { label: textField(c('seq')), budget: numberField(c('budget')), executed: numberField(c('executed')), rate: textField(c('rate')) };
      continue;
    }
    if (table.total) break;
    table.rows.push({
      seq: textField(c('seq')),
      name: textField(c('name')),
      budget: numberField(c('budget')),
      executed: numberField(c('executed')),
      fundType: textField(c('fundType')),
      score: numberField(c('score')),
      grade: textField(c('grade')),
      rate: textField(c('rate')),
    });
  }
  return table;
}
