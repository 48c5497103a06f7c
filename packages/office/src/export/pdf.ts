/**
 * .docx/.xlsx → PDF through LibreOffice headless, behind a queue with a fixed number of workers, each
 * with its own user profile (two soffice processes on one profile block each other or fail). A worker
 * converts every document waiting for it (up to `batch`) in one soffice run: starting LibreOffice
 * costs 1–4 s on the machines measured and converting a form ≈ 0.05–0.15 s more, so a department's
 * forms converted one run each spent nearly all their time starting (bench/README.md, export).
 * With `keepWarm` (the server) each worker also keeps a LibreOffice started and waiting: a run hands
 * its documents to it (LibreOffice passes the command line of a second process on the same profile to
 * the one running) and takes ≈ 0.1 s per document plus nothing to start, instead of ≈ 1 s more — the
 * wait of a single PDF download. The waiting LibreOffice ends once it has converted them; the next
 * one is started right after the run.
 * A fontconfig file maps the official fonts (仿宋_GB2312, 宋体, 黑体) to Noto CJK when they are not
 * installed, so Chinese text renders in a serif CJK face instead of whatever fallback fontconfig would
 * pick.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportError } from '../errors.ts';

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';

/** Families a form names → what to use when the machine lacks them (the official fonts first). */
const ALIASES: Array<[string[], string[]]> = [
  [
    ['仿宋_GB2312', '仿宋', 'FangSong_GB2312', 'FangSong'],
    ['FangSong_GB2312', 'FangSong', SERIF],
  ],
  [
    ['宋体', 'SimSun', '新宋体', 'NSimSun'],
    ['SimSun', SERIF],
  ],
  [
    ['楷体_GB2312', '楷体', 'KaiTi'],
    ['KaiTi', SERIF],
  ],
  [
    ['黑体', 'SimHei', '微软雅黑', 'Microsoft YaHei'],
    ['SimHei', SANS],
  ],
];

export function fontconfigXml(): string {
  const alias = ALIASES.flatMap(([names, prefer]) =>
    names.map(
      (n) =>
        `  <alias binding="same"><family>${n}</family><prefer>${prefer
          .filter((p) => p !== n)
          .map((p) => `<family>${p}</family>`)
          .join('')}</prefer></alias>`,
    ),
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...alias,
    '</fontconfig>',
    '',
  ].join('\n');
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
  /** keep a LibreOffice started per worker for the next run (default false: a CLI export runs once) */
  keepWarm?: boolean;
}

/** A LibreOffice started ahead of a run, on a worker's profile, waiting for documents. */
interface Spare {
  proc: ChildProcess;
  alive: boolean;
  exited: Promise<void>;
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
  /** the LibreOffice waiting for each worker's next run, if any */
  private readonly spares: Array<Spare | null> = [];
  /** per worker, the end of what follows its last run (see retire) */
  private readonly settling: Array<Promise<void>> = [];
  /** soffice runs started so far (a batch is one run) */
  runs = 0;
  /** runs handed to a LibreOffice started ahead (`keepWarm`) */
  warmRuns = 0;

  constructor(private readonly opts: PdfConverterOptions = {}) {
    const n = Math.max(1, opts.workers ?? 1);
    for (let i = 0; i < n; i++) {
      this.idle.push(i);
      this.spares.push(null);
      this.settling.push(Promise.resolve());
    }
    // started now, so that the first download waits neither for the start nor for the new profile
    if (opts.keepWarm) void this.dir().then((base) => this.spares.forEach((_, i) => this.startSpare(i, base)));
  }

  /** the process ids of the LibreOffices started ahead and waiting (`keepWarm`) */
  get waiting(): number[] {
    return this.spares.flatMap((s) => (s?.alive && s.proc.pid !== undefined ? [s.proc.pid] : []));
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
    await this.settling[worker]; // the previous run's LibreOffice gone, the next one started
    const work = await mkdtemp(join(base, 'job-'));
    this.runs++;
    const spare = this.spares[worker];
    if (spare?.alive) this.warmRuns++;
    let failed = true;
    try {
      const inputs = jobs.map((job, i) => join(work, `document-${i}.${job.ext}`));
      await Promise.all(jobs.map((job, i) => writeFile(inputs[i]!, job.bytes)));
      const args = [...this.officeArgs(base, worker), '--convert-to', 'pdf', '--outdir', work, ...inputs];
      const timeout = (this.opts.timeoutMs ?? 120_000) + (jobs.length - 1) * (this.opts.documentTimeoutMs ?? 20_000);
      await new Promise<void>((resolve, reject) => {
        execFile(this.opts.soffice ?? 'soffice', args, { timeout, env: this.officeEnv(base) }, (err) => {
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
      failed = false;
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
      // not awaited: the documents are ready now; the worker's next run waits for this instead
      this.settling[worker] = (spare ? this.retire(spare, failed) : Promise.resolve()).then(() => this.startSpare(worker, base));
      await rm(work, { recursive: true, force: true });
    }
  }

  /** The profile and the options every LibreOffice of a worker starts with. */
  private officeArgs(base: string, worker: number): string[] {
    return [`-env:UserInstallation=file://${join(base, `profile-${worker}`)}`, '--headless', '--norestore'];
  }

  private officeEnv(base: string): NodeJS.ProcessEnv {
    return { ...process.env, FONTCONFIG_FILE: join(base, 'fonts.conf') };
  }

  private startSpare(worker: number, base: string): void {
    if (!this.opts.keepWarm || this.closed || this.spares[worker]?.alive) return;
    const proc = spawn(this.opts.soffice ?? 'soffice', [...this.officeArgs(base, worker), '--invisible'], { env: this.officeEnv(base), stdio: 'ignore' });
    let done: () => void;
    const spare: Spare = { proc, alive: true, exited: new Promise<void>((r) => (done = r)) };
    const gone = () => {
      spare.alive = false;
      if (this.spares[worker] === spare) this.spares[worker] = null;
      done();
    };
    proc.once('exit', gone);
    proc.once('error', gone); // no soffice: the run itself says so (EXPORT.CONVERTER_MISSING)
    this.spares[worker] = spare;
  }

  /**
   * After a run: the LibreOffice that waited for it ends once it has converted the documents handed
   * to it; the next one is started when it has (two on one profile would hand their work to each
   * other). One still there after 2 s did not take the run — it was still starting when the run's own
   * process started, so that process converted, and this one now waits for the next run. After a
   * failed run (a time limit) it is stopped: it may be the one stuck on the documents.
   */
  private async retire(spare: Spare, failed: boolean): Promise<void> {
    if (failed) await stop(spare);
    else await Promise.race([spare.exited, sleep(2000)]);
  }

  /** Refuses new work, and stops the waiting LibreOffices and removes the profiles once the queue has drained. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.idle.length < this.workers || this.queue.length > 0) await new Promise((r) => setTimeout(r, 20));
    await Promise.all(this.settling);
    await Promise.all(this.spares.map((spare) => spare && stop(spare)));
    if (this.base) await rm(await this.base, { recursive: true, force: true });
    this.base = null;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Asks a waiting LibreOffice to end, and makes it if it has not within 5 s. */
async function stop(spare: Spare): Promise<void> {
  if (!spare.alive) return;
  spare.proc.kill('SIGTERM');
  await Promise.race([spare.exited, sleep(5000)]);
  if (spare.alive) spare.proc.kill('SIGKILL');
  await spare.exited;
}
