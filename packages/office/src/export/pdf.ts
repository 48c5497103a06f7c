/**
 * .docx/.xlsx → PDF through LibreOffice headless, behind a queue with a fixed number of workers, each
 * with its own user profile (two soffice processes on one profile block each other or fail). A worker
 * converts every document waiting for it (up to `batch`) in one soffice run: starting LibreOffice
 * costs 1–4 s on the machines measured and converting a form ≈ 0.05–0.15 s more, so a department's
 * forms converted one run each spent nearly all their time starting (bench/README.md, export).
 * A fontconfig file maps the official fonts (仿宋_GB2312, 宋体, 黑体) to Noto CJK when they are not
 * installed, so Chinese text renders in a serif CJK face instead of whatever fallback fontconfig would
 * pick.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportError } from '../errors.ts';

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';

/** Families a form names → what to use when the machine lacks them (the official fonts first). */
const ALIASES: Array<[string[], string[]]> = [
  [['仿宋_GB2312', '仿宋', 'FangSong_GB2312', 'FangSong'], ['FangSong_GB2312', 'FangSong', SERIF]],
  [['宋体', 'SimSun', '新宋体', 'NSimSun'], ['SimSun', SERIF]],
  [['楷体_GB2312', '楷体', 'KaiTi'], ['KaiTi', SERIF]],
  [['黑体', 'SimHei', '微软雅黑', 'Microsoft YaHei'], ['SimHei', SANS]],
];

export function fontconfigXml(): string {
  const alias = ALIASES.flatMap(([names, prefer]) =>
    names.map((n) => `  <alias binding="same"><family>${n}</family><prefer>${prefer.filter((p) => p !== n).map((p) => `<family>${p}</family>`).join('')}</prefer></alias>`),
  );
  return ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">', '<fontconfig>', '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>', ...alias, '</fontconfig>', ''].join('\n');
}

export interface PdfConverterOptions {
  /** conversions run side by side, one LibreOffice profile each (default 1) */
  workers?: number;
  /** the LibreOffice binary (default `soffice` on the PATH) */
  soffice?: string;
  /** per soffice run, ms (default 120 s: a first start builds the profile) */
  timeoutMs?: number;
  /** added to a run's time limit for each document after its first, ms (default 20 s) */
  documentTimeoutMs?: number;
  /** documents converted in one soffice run at most (default 20) */
  batch?: number;
}

interface Job {
  bytes: Uint8Array;
  ext: 'docx' | 'xlsx';
  resolve: (pdf: Uint8Array) => void;
  reject: (e: unknown) => void;
}

export class PdfConverter {
  private readonly queue: Job[] = [];
  private readonly idle: number[] = [];
  private base: Promise<string> | null = null;
  private closed = false;
  /** soffice runs started so far (a batch is one run) */
  runs = 0;

  constructor(private readonly opts: PdfConverterOptions = {}) {
    const n = Math.max(1, opts.workers ?? 1);
    for (let i = 0; i < n; i++) this.idle.push(i);
  }

  get workers(): number {
    return Math.max(1, this.opts.workers ?? 1);
  }

  /** A directory holding the fontconfig file and one profile per worker, made once. */
  private dir(): Promise<string> {
    this.base ??= (async () => {
      const d = await mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
      await writeFile(join(d, 'fonts.conf'), fontconfigXml());
      return d;
    })();
    return this.base;
  }

  convert(bytes: Uint8Array, ext: 'docx' | 'xlsx'): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new ExportError('EXPORT.CLOSED', 'PDF 转换服务已关闭'));
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, ext, resolve, reject });
      // after the current turn: documents queued together (a department's forms) share one run
      if (this.queue.length === 1) setImmediate(() => this.pump());
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      // the waiting documents shared among the idle workers, so that two workers split eight 4 + 4
      const size = Math.min(Math.max(1, this.opts.batch ?? 20), Math.ceil(this.queue.length / (this.idle.length + 1)));
      const jobs = this.queue.splice(0, size);
      this.runBatch(worker, jobs).finally(() => {
        this.idle.push(worker);
        this.pump();
      });
    }
  }

  /**
   * One soffice run for `jobs`; each job settles with its own PDF or its own error. A document that
   * LibreOffice cannot read yields no PDF and fails alone. A run that fails as a whole (time limit,
   * crash) is retried one document per run, so that one bad document does not fail the others.
   */
  private async runBatch(worker: number, jobs: Job[]): Promise<void> {
    let outcome: Array<Uint8Array | ExportError>;
    try {
      outcome = await this.run(worker, jobs);
    } catch (e) {
      if (jobs.length === 1 || (e instanceof ExportError && e.code === 'EXPORT.CONVERTER_MISSING')) {
        for (const job of jobs) job.reject(e);
        return;
      }
      for (const job of jobs) await this.runBatch(worker, [job]);
      return;
    }
    outcome.forEach((r, i) => (r instanceof ExportError ? jobs[i]!.reject(r) : jobs[i]!.resolve(r)));
  }

  private async run(worker: number, jobs: Job[]): Promise<Array<Uint8Array | ExportError>> {
    const base = await this.dir();
    const work = await mkdtemp(join(base, 'job-'));
    this.runs++;
    try {
      const inputs = jobs.map((job, i) => join(work, `document-${i}.${job.ext}`));
      await Promise.all(jobs.map((job, i) => writeFile(inputs[i]!, job.bytes)));
      const args = [`-env:UserInstallation=file://${join(base, `profile-${worker}`)}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...inputs];
      const timeout = (this.opts.timeoutMs ?? 120_000) + (jobs.length - 1) * (this.opts.documentTimeoutMs ?? 20_000);
      await new Promise<void>((resolve, reject) => {
        execFile(this.opts.soffice ?? 'soffice', args, { timeout, env: { ...process.env, FONTCONFIG_FILE: join(base, 'fonts.conf') } }, (err) => {
          if (!err) return resolve();
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new ExportError(
              missing ? 'EXPORT.CONVERTER_MISSING' : 'EXPORT.PDF_FAILED',
              missing ? '生成 PDF 需要 LibreOffice（soffice），本机未安装' : `LibreOffice 转换 PDF 失败：${err.message.split('\n')[0]}`,
            ),
          );
        });
      });
      // soffice exits 0 when a document could not be loaded: that document simply has no PDF
      return await Promise.all(
        jobs.map((_, i) =>
          readFile(join(work, `document-${i}.pdf`)).then(
            (pdf) => new Uint8Array(pdf),
            () => new ExportError('EXPORT.PDF_FAILED', 'LibreOffice 未生成 PDF（文档可能已损坏）'),
          ),
        ),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Refuses new work and removes the profiles once the queue has drained. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.idle.length < this.workers || this.queue.length > 0) await new Promise((r) => setTimeout(r, 20));
    if (this.base) await rm(await this.base, { recursive: true, force: true });
    this.base = null;
  }
}
