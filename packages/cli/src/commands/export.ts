/**
 * `jixiao export --what form|summary|report|disclosure --format docx|xlsx|pdf FILE... -o DIR`:
 * the official documents, computed from the forms given (every figure recomputed, as on screen).
 * PDF goes through LibreOffice, `--workers` conversions side by side; a progress bar shows on a
 * terminal when there are several documents.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import {
  checkFormat,
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  PdfConverter,
  departmentDocument,
  fileName,
  formDocument,
  formsZip,
  type FormDocument,
  renderDocument,
  type DocumentFormat,
  type DocumentKind,
  type OfficialDocument,
} from '@jixiao/office';
import { departmentName, documentStatus, DRAFT_MARK, getScheme, type Evaluation } from '@jixiao/core';
import { CliError } from '../errors.ts';
import { runDepartment } from '../department-run.ts';

export interface ExportOptions {
  what: string;
  format: string;
  out: string;
  scheme?: string;
  projects?: string;
  projectSpending?: string;
  /** print the claimed scores (the default prints the computed ones) */
  claimed?: boolean;
  /** accepted for older scripts: computed is the default now */
  computed?: boolean;
  /** --what form: one .zip of all forms (序号_项目名称_自评表.ext) */
  zip?: boolean;
  workers?: string;
}

function check<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CliError('USAGE.BAD_OPTION', `${flag} 只能是 ${allowed.join('、')}，收到“${value}”`);
  return value as T;
}

export async function exportCommand(files: string[], opts: ExportOptions, out: (s: string) => void): Promise<void> {
  const what = check<DocumentKind>(opts.what, DOCUMENT_KINDS, '--what');
  const format = check<DocumentFormat>(opts.format, DOCUMENT_FORMATS, '--format');
  checkFormat(what, format);
  const workers = opts.workers === undefined ? 2 : Number(opts.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new CliError('USAGE.BAD_OPTION', '--workers 应为 1 到 16 之间的整数');
  const run = await runDepartment(files, opts.scheme);
  const forms = run.dept.forms;
  if (opts.claimed && opts.computed) throw new CliError('USAGE.BAD_OPTION', '--claimed 与 --computed 只能选一个');
  const scores = opts.claimed ? 'claimed' : 'computed';
  // a form with errors is not final: its pages say so (files read from disk have no workflow status)
  const status = documentStatus(
    forms.map((_, i) => i),
    run.findings,
  );
  const markOf = (i: number) => (status.withErrors.includes(i) ? DRAFT_MARK : null);
  if (status.warning) out(`注意：${status.warning.replace('，生成的文档每页', '；生成的文档每页')}`);
  const differences = (doc: FormDocument, ev: Evaluation) => {
    for (const d of doc.differing)
      out(`提示：${ev.project.name.raw} ${d.label}填报 ${d.claimed}，按规则应为 ${d.computed}；已按填报值输出（去掉 --claimed 改为输出计算值）`);
    for (const d of doc.corrected) out(`提示：${ev.project.name.raw} ${d.label}填报 ${d.claimed}，已按规则输出 ${d.computed}（--claimed 改为输出填报值）`);
  };

  if (opts.zip) {
    if (what !== 'form') throw new CliError('USAGE.BAD_OPTION', '--zip 只用于 --what form（全部自评表打包下载）');
    await mkdir(opts.out, { recursive: true });
    const pdf = format === 'pdf' ? new PdfConverter({ workers }) : undefined;
    const scheme = opts.scheme ? getScheme(opts.scheme) : undefined;
    const progress = progressLine(forms.length);
    try {
      const z = await formsZip(
        forms.map((evaluation, i) => ({ evaluation, seq: i + 1, ...(scheme && { scheme }), mark: markOf(i) })),
        { format, scores, ...(pdf && { pdf }), onProgress: progress.update },
      );
      progress.end();
      z.documents.forEach((doc, i) => differences(doc, forms[i]!));
      const file = join(opts.out, `${fileName(`${departmentName({ forms })}_自评表`, format).replace(/\.[a-z]+$/, '')}.zip`);
      await writeFile(file, z.bytes);
      out(`已写出 ${file}（${z.files.length} 个${format}文件，${(z.bytes.byteLength / 1024).toFixed(0)} KB）`);
    } finally {
      await pdf?.close();
    }
    return;
  }

  const docs: Array<{ doc: OfficialDocument; file: string }> = [];
  if (what === 'form') {
    const width = String(forms.length).length;
    forms.forEach((ev, i) => {
      const doc = formDocument(ev, { scores, ...(opts.scheme && { scheme: getScheme(opts.scheme) }) });
      differences(doc, ev);
      const mark = markOf(i);
      docs.push({ doc: mark ? { ...doc, mark } : doc, file: `${String(i + 1).padStart(width, '0')}-${fileName(doc.name, format)}` });
    });
  } else {
    const projects = opts.projects?.split(',').map((x) => Number(x.trim()) - 1);
    if (projects?.some((p) => !Number.isInteger(p) || p < 0 || p >= forms.length))
      throw new CliError('USAGE.BAD_PROJECTS', `--projects 应为 1 到 ${forms.length} 之间的序号，用逗号分隔`);
    const doc = departmentDocument(
      what,
      { forms, scores: run.scores, summary: run.summary, findings: run.findings },
      { scores, ...(projects && { projects }), ...(opts.projectSpending && { projectSpending: opts.projectSpending }) },
    );
    docs.push({ doc, file: fileName(doc.name, format) });
  }

  await mkdir(opts.out, { recursive: true });
  const pdf = format === 'pdf' ? new PdfConverter({ workers }) : undefined;
  const bar =
    docs.length > 1 && process.stderr.isTTY
      ? new SingleBar({ format: '导出 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }, Presets.shades_classic)
      : null;
  bar?.start(docs.length, 0, { file: '' });
  try {
    // every document is queued at once; the converter runs `workers` of them side by side
    await Promise.all(
      docs.map(async ({ doc, file }) => {
        const bytes = await renderDocument(doc, format, what, pdf);
        await writeFile(join(opts.out, file), bytes);
        bar?.increment(1, { file });
        if (!bar) out(`已写出 ${join(opts.out, file)}（${(bytes.byteLength / 1024).toFixed(0)} KB）`);
      }),
    );
  } finally {
    bar?.stop();
    await pdf?.close();
  }
  out(`共导出 ${docs.length} 个文件到 ${opts.out}`);
}

/**
 * One progress line on stderr: redrawn in place on a terminal, else a line at each tenth so that a log
 * shows the export moving without a line per file.
 */
function progressLine(total: number): { update: (done: number, total: number, file: string) => void; end: () => void } {
  const tty = process.stderr.isTTY;
  let shown = 0;
  return {
    update(done, all, file) {
      const line = `导出 ${done}/${all}（${Math.floor((done / all) * 100)}%）${file}`;
      if (tty) process.stderr.write(`\r\x1b[K${line}`);
      else if (done === all || done - shown >= Math.max(1, Math.ceil(total / 10))) {
        shown = done;
        process.stderr.write(`${line}\n`);
      }
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
