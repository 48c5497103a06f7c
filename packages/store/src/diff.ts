/** The changes between two versions of a form, field by field, for the audit trail. */
import type { Evaluation } from '@jixiao/core';

export interface FieldChange {
  /** a path into the Evaluation, e.g. `indicators[3].actual` */
  field: string;
  before: string | null;
  after: string | null;
}

/** Leaves of a document by path; a text field `{raw, value, src}` is one leaf, its text. */
function leaves(x: unknown, path: string, out: Map<string, string>): void {
  if (x === null || x === undefined) return;
  if (typeof x !== 'object') {
    out.set(path, String(x));
    return;
  }
  if (Array.isArray(x)) {
    x.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
    return;
  }
  const o = x as Record<string, unknown>;
  if (typeof o.raw === 'string') {
    out.set(path, o.raw);
    if (o.parts) leaves(o.parts, `${path}.parts`, out);
    return;
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'src') leaves(v, path ? `${path}.${k}` : k, out);
}

export function diffDocuments(before: Evaluation, after: Evaluation): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out: FieldChange[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push({ field: k, before: v, after: b.get(k) ?? null });
  for (const [k, v] of b) if (!a.has(k)) out.push({ field: k, before: null, after: v });
  return out;
}
