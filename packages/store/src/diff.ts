/**
 * The changes between two versions of a form, field by field, for the audit trail. Indicators are
 * named by their id (`indicators[i3].actual`), not their row: moving a row changes no field, and a
 * deleted indicator's cells are recorded as emptied under its own id.
 */
import type { FormDocument } from '@jixiao/core';

export interface FieldChange {
  /** a path into the form, e.g. `indicators[i3].actual` (the indicator's id) or `budget.lines[0].executed` */
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
    x.forEach((v, i) => {
      const id = (v as { id?: unknown } | null)?.id;
      leaves(v, `${path}[${typeof id === 'string' ? id : i}]`, out);
    });
    return;
  }
  const o = x as Record<string, unknown>;
  if (typeof o.raw === 'string') {
    out.set(path, o.raw);
    if (o.parts) leaves(o.parts, `${path}.parts`, out);
    return;
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'src' && k !== 'id') leaves(v, path ? `${path}.${k}` : k, out);
}

export function diffDocuments(before: FormDocument, after: FormDocument): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out: FieldChange[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push({ field: k, before: v, after: b.get(k) ?? null });
  for (const [k, v] of b) if (!a.has(k)) out.push({ field: k, before: null, after: v });
  return out;
}
