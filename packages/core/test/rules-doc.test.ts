/**
 * docs/rules.md defines every rule id and finding code the source tree uses (issue 25): R1–R8 and the
 * score rules (R4.positive …), A1–A12 and their finding codes (A5.TOTAL_SUM …), G and M ids once code
 * uses them. And nothing in the repository refers to rule or design files outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'data']);
const SELF = 'packages/core/test/rules-doc.test.ts';

function* files(dir: string, ext: RegExp): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p, ext);
    else if (ext.test(e.name)) yield p;
  }
}

/** The source tree: every package's code, tests and scripts, the benchmarks, the e2e tests, the scripts. */
function sources(): Array<{ path: string; text: string }> {
  const dirs = [...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p)), join(root, 'bench'), join(root, 'e2e'), join(root, 'scripts')];
  return dirs
    .flatMap((d) => [...files(d, /\.(ts|tsx|js|cjs|mjs)$/)])
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))
    .filter((f) => f.path !== SELF); // this file names made-up ids on purpose
}

// A finding code (`A5.TOTAL_SUM`), a score rule (`R4.positive`), or a bare rule id (`A9`, `R3`, `M1`).
const CODE = /\b[ARGM]\d{1,2}\.[A-Z][A-Z0-9_]+\b/g;
const SCORE_RULE = /\bR\d{1,2}\.[a-z][a-z-]*[a-z]\b/g;
const RULE = /\b[ARGM]\d{1,2}\b/g;

// Tokens that look like ids and are not, each only in its file.
const NOT_IDS: Record<string, string[]> = {
  'packages/server/test/api.test.ts': ['A13'], // a rule the findings filter must refuse as unknown
  'packages/office/test/export-files.test.ts': ['A16'], // a spreadsheet cell
  'packages/server/test/schemas.fuzz.test.ts': ['A0'], // a spreadsheet cell in a formula-injection payload
  'packages/office/src/export/spreadsheet-text.ts': ['A0'], // a spreadsheet cell in a formula-injection example
  'packages/office/test/spreadsheet-text.test.ts': ['A0'], // the same payload in its test
  'packages/server/test/security.test.ts': ['A0'], // the same payload through the API
};

/** The ids the rulebook defines: headings (`### A5 …`), a table's first cell (`| A5.TOTAL_SUM |`), bold (`**R4.positive**`). */
function defined(doc: string): Set<string> {
  const ids = new Set<string>();
  for (const m of doc.matchAll(/^#{2,4} ([ARGM]\d{1,2}(?:\.[A-Za-z][A-Za-z0-9_-]*)?)\b/gm)) ids.add(m[1]!);
  for (const m of doc.matchAll(/^\| ([ARGM]\d{1,2}(?:\.[A-Za-z][A-Za-z0-9_-]*)?) \|/gm)) ids.add(m[1]!);
  for (const m of doc.matchAll(/\*\*([ARGM]\d{1,2}(?:\.[A-Za-z][A-Za-z0-9_-]*)?)\*\*/g)) ids.add(m[1]!);
  return ids;
}

describe('docs/rules.md', () => {
  const doc = readFileSync(join(root, 'docs/rules.md'), 'utf8');
  const ids = defined(doc);
  const tree = sources();

  it('defines the rules with their texts', () => {
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'A1', 'A5', 'A9', 'A12', 'R4.positive', 'A5.TOTAL_SUM', 'A10.REPORT_FIGURE'])
      expect(ids.has(id), id).toBe(true);
    expect(doc).toContain('财预〔2020〕10号');
    expect(doc).toContain('财预〔2021〕101号');
    expect(doc).toMatch(/^## G — 绩效目标 lint/m);
  });

  it('defines every rule id and finding code the source tree uses', () => {
    const missing = new Map<string, string>();
    for (const { path, text } of tree) {
      const ignore = new Set(NOT_IDS[path] ?? []);
      for (const re of [CODE, SCORE_RULE, RULE])
        for (const m of text.matchAll(re)) if (!ignore.has(m[0]) && !ids.has(m[0]) && !missing.has(m[0])) missing.set(m[0], path);
    }
    // the scan itself sees the codes the audit emits
    expect(tree.some((f) => f.text.includes("'A5.TOTAL_SUM'"))).toBe(true);
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('fails on an id it does not define', () => {
    expect(ids.has('A5.NOT_A_CODE')).toBe(false);
    expect([...'see A5.NOT_A_CODE and R9'.matchAll(CODE), ...'R9'.matchAll(RULE)].map((m) => m[0])).toEqual(['A5.NOT_A_CODE', 'R9']);
  });
});

describe('the repository stands alone', () => {
  it('refers to no rule or design file outside it', () => {
    const outside = /\b(RULES|DESIGN)\.md\b|\.\.\/shared\b|\/work\/shared/;
    const texts = [
      ...sources(),
      ...[
        'README.md',
        '.dependency-cruiser.cjs',
        '.ci/run',
        'bench/README.md',
        'docs/rules.md',
        'docs/architecture.md',
        'fixtures/seeds/README.md',
        'fixtures/golden/README.md',
      ].map((p) => ({ path: p, text: readFileSync(join(root, p), 'utf8') })),
    ];
    expect(texts.filter((f) => outside.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
