/**
 * An imported form within the domain's bounds (issue 24): a figure outside its kind's bounds
 * (values/bounds.ts) is kept as written but not as a number — its value becomes null, so it is scored
 * as missing and never stored as a float — and each such cell is reported; a year outside 1990–2100
 * is dropped the same way, and a text over its length is cut with a report. The API refuses the same
 * values (the zod model); the importer, which reads whatever a file holds, reports them instead.
 */
import { describeField } from '../history/describe-field.ts';
import { TOO_MANY_DIGITS, withinBounds, type NumberKind } from '../values/bounds.ts';
import { INDICATOR_NAME_MAX, NAME_MAX, TEXT_MAX, type Evaluation, type NumberField, type Provenance, type TextField } from './evaluation.ts';

export interface BoundIssue {
  /** IMPORT.VALUE_OUT_OF_RANGE, IMPORT.YEAR_OUT_OF_RANGE or IMPORT.TEXT_TOO_LONG */
  code: string;
  /** the model field, e.g. `budget.lines[0].adjusted` */
  field: string;
  /** the same in words, e.g. `预算资金“年度资金总额” · 全年预算数` (history/describe-field.ts) */
  label: string;
  message: string;
  src?: Provenance;
}

const BUDGET: ReadonlyArray<[string, NumberKind]> = [
  ['initial', 'money'],
  ['declared', 'money'],
  ['prepared', 'money'],
  ['adjusted', 'money'],
  ['received', 'money'],
  ['executed', 'money'],
  ['balance', 'money'],
  ['rate', 'rate'],
  ['points', 'points'],
  ['score', 'points'],
];

const LABEL: Record<NumberKind, string> = {
  money: '金额应小于 10 亿万元',
  points: '分值、得分应小于 1000 分',
  rate: '比率应小于 1000000%',
  decimal: '数值位数过多',
};

/** Changes `ev` in place; returns what it changed (empty when the form was within bounds). */
export function boundEvaluation(ev: Evaluation): BoundIssue[] {
  const out: BoundIssue[] = [];
  const number = (f: NumberField | undefined, field: string, kind: NumberKind) => {
    // a figure of more digits than any form has was not read as a number at all (parseNumberCell): say why
    if (f && f.value === null && TOO_MANY_DIGITS.test(f.raw))
      out.push({
        code: 'IMPORT.VALUE_OUT_OF_RANGE',
        field,
        label: describeField(field, ev),
        message: `“${f.raw.slice(0, 40)}…”位数过多（${LABEL[kind]}），未作为数值读取`,
        ...(f.src && { src: f.src }),
      });
    if (!f || f.value === null || withinBounds(kind, f.value)) return;
    out.push({
      code: 'IMPORT.VALUE_OUT_OF_RANGE',
      field,
      label: describeField(field, ev),
      message: `“${f.raw.slice(0, 40)}${f.raw.length > 40 ? '…' : ''}”超出范围（${LABEL[kind]}），未作为数值读取`,
      ...(f.src && { src: f.src }),
    });
    f.value = null;
  };
  const text = (f: TextField | undefined, field: string, max: number) => {
    if (!f || f.raw.length <= max) return;
    out.push({
      code: 'IMPORT.TEXT_TOO_LONG',
      field,
      label: describeField(field, ev),
      message: `文字过长（${f.raw.length} 个字符），只保留前 ${max} 个字符`,
      ...(f.src && { src: f.src }),
    });
    f.raw = f.raw.slice(0, max);
  };
  if (ev.year !== null && (ev.year < 1990 || ev.year > 2100)) {
    out.push({ code: 'IMPORT.YEAR_OUT_OF_RANGE', field: 'year', label: '年度', message: `年度 ${ev.year} 不在 1990 到 2100 之间，未作为年度读取` });
    ev.year = null;
  }
  text(ev.project.name, 'project.name', NAME_MAX);
  text(ev.project.department?.name, 'project.department.name', NAME_MAX);
  text(ev.project.implementer?.name, 'project.implementer.name', NAME_MAX);
  ev.budget.lines.forEach((l, i) => {
    for (const [key, kind] of BUDGET) number((l as unknown as Record<string, NumberField | undefined>)[key], `budget.lines[${i}].${key}`, kind);
  });
  number(ev.goals.completionRate, 'goals.completionRate', 'rate');
  text(ev.goals.expected, 'goals.expected', TEXT_MAX);
  text(ev.goals.achieved, 'goals.achieved', TEXT_MAX);
  ev.groups.forEach((g, i) => {
    if (g.declaredPoints !== null && !withinBounds('points', g.declaredPoints)) {
      out.push({
        code: 'IMPORT.VALUE_OUT_OF_RANGE',
        field: `groups[${i}].declaredPoints`,
        label: describeField(`groups[${i}]`, ev),
        message: `“${g.label.raw.slice(0, 40)}”的分值超出范围（${LABEL.points}），未作为数值读取`,
        ...(g.label.src && { src: g.label.src }),
      });
      g.declaredPoints = null;
    }
  });
  ev.indicators.forEach((ind, i) => {
    text(ind.name, `indicators[${i}].name`, INDICATOR_NAME_MAX);
    number(ind.points, `indicators[${i}].points`, 'points');
    number(ind.claimedScore, `indicators[${i}].claimedScore`, 'points');
    text(ind.target, `indicators[${i}].target`, TEXT_MAX);
    text(ind.actual, `indicators[${i}].actual`, TEXT_MAX);
    text(ind.deviation, `indicators[${i}].deviation`, TEXT_MAX);
  });
  ev.narratives.forEach((n, i) => text(n.text, `narratives[${i}].text`, TEXT_MAX));
  number(ev.claimed.total, 'claimed.total', 'points');
  number(ev.claimed.points, 'claimed.points', 'points');
  // any other cell of the form (a title, a 二级 heading, a method) over the general length
  walkTexts(ev, '', (f, field) => text(f, field, TEXT_MAX));
  return out;
}

function walkTexts(o: unknown, path: string, visit: (f: TextField, field: string) => void): void {
  if (Array.isArray(o)) o.forEach((x, i) => walkTexts(x, `${path}[${i}]`, visit));
  else if (typeof o === 'object' && o !== null) {
    if (typeof (o as { raw?: unknown }).raw === 'string') visit(o as TextField, path);
    for (const [k, v] of Object.entries(o)) if (k !== 'raw' && k !== 'src') walkTexts(v, path ? `${path}.${k}` : k, visit);
  }
}
