/**
 * Parsing of untrusted files off the server's thread: a few worker threads, each with a capped heap
 * (`resourceLimits.maxOldGenerationSizeMb`) and each job with a time limit. A worker that runs out of
 * heap or time is terminated and replaced; its file gets `IMPORT.MEMORY_LIMIT` or `IMPORT.TIMEOUT`,
 * the queue goes on, and the server's own event loop never waited for it (health checks answer
 * throughout). The caps of limits.ts still apply inside the worker: they stop the known bombs early
 * and cheaply; the worker's limits are what holds for whatever they do not foresee.
 *
 * .doc/.xls are converted by LibreOffice from here, not from the worker: a terminated worker would
 * leave its LibreOffice process running.
 *
 * The heap limit ends a worker cleanly only when it is reached a little at a time (parse trees, cell
 * objects): V8 then gives 16 MB of grace while the worker is stopped. One allocation larger than that
 * grace at the limit ends the whole process instead. The largest single allocation of a reader is the
 * decoded XML of a part, at most twice `maxUnpackedBytes` (UTF-16), made while the heap is still
 * nearly empty; so the heap must be several times that, which the constructor insists on.
 */
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors.ts';
import { convertLegacy, kindOf } from './import-file.ts';
import { limitsOf, refuse, type ImportLimits } from './limits.ts';
import type { RecognizedUpload, UploadKind } from './recognize-upload.ts';
import type { ParseAnswer, ParseJob } from './parse-worker.ts';

export interface ParsePoolOptions {
  /** threads parsing side by side (default 2: the machine's other work goes on meanwhile) */
  workers?: number;
  /** old-generation heap of one worker, MB (default 512) */
  heapMb?: number;
  /** time one file may take in a worker, ms (default 20,000; a real form takes well under a second) */
  timeMs?: number;
  limits?: Partial<ImportLimits>;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  name: string;
  as?: '.docx' | '.xlsx';
  kind?: UploadKind;
  resolve: (r: RecognizedUpload) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL('./parse-worker-boot.mjs', import.meta.url);

export class ParsePool {
  readonly limits: ImportLimits;
  private readonly size: number;
  private readonly heapMb: number;
  private readonly timeMs: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private next = 1;
  private closed = false;
  /** unexpected reader faults, for the server's log (the file itself is refused with a code) */
  onFault: (file: string, error: string) => void = () => {};

  constructor(opts: ParsePoolOptions = {}) {
    this.size = Math.max(1, opts.workers ?? 2);
    this.heapMb = opts.heapMb ?? 512;
    this.timeMs = opts.timeMs ?? 20_000;
    this.limits = limitsOf(opts.limits);
    const needMb = Math.ceil((4 * this.limits.maxUnpackedBytes) / 1048576);
    if (this.heapMb < needMb)
      throw Object.assign(
        new Error(`解析线程的内存上限 ${this.heapMb} MB 过小：解压上限为 ${(this.limits.maxUnpackedBytes / 1048576).toFixed(0)} MB 时至少需要 ${needMb} MB`),
        { code: 'CONFIG.BAD_SETTING' },
      );
  }

  /**
   * Reads and recognizes one file as `kind` (none: the kind its title names); rejects with an ImportError
   * carrying the refusal's code.
   */
  async parse(bytes: Uint8Array, name: string, kind?: UploadKind): Promise<RecognizedUpload> {
    if (this.closed) throw new ImportError('IMPORT.UNAVAILABLE', '服务器正在停止，无法读取文件', { file: name });
    if (bytes.byteLength > this.limits.maxBytes) throw refuse.tooLarge(name, bytes.byteLength, this.limits.maxBytes);
    const ext = kindOf(name);
    let as: Job['as'];
    if (ext === '.doc' || ext === '.xls') {
      bytes = await convertLegacy(bytes, name, ext === '.doc' ? 'docx' : 'xlsx');
      as = ext === '.doc' ? '.docx' : '.xlsx';
    }
    return new Promise<RecognizedUpload>((resolve, reject) => {
      // a copy goes to the worker: the caller keeps its bytes (the preview stores the original file)
      this.queue.push({ id: this.next++, bytes: bytes.slice(), name, ...(as ? { as } : {}), ...(kind ? { kind } : {}), resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ImportError('IMPORT.UNAVAILABLE', '服务器正在停止，无法读取文件', { file: job.name }));
    await Promise.all([...this.slots].map((s) => this.retire(s, new ImportError('IMPORT.UNAVAILABLE', '服务器正在停止，无法读取文件', { file: s.job?.name }))));
  }

  /** workers alive now (tests check that a terminated one was replaced and none leak) */
  get threads(): number {
    return this.slots.size;
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.job) this.start(slot, this.queue.shift()!);
    }
    if (this.queue.length > 0 && this.slots.size < this.size) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(BOOT, {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, stackSizeMb: 4 },
      // the worker's console and errors are the server's; it has no stdin
      stdin: false,
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.add(slot);
    worker.on('message', (m: ParseAnswer | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        this.idle(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      this.finish(slot);
      if (m.ok) job.resolve(m.recognized);
      else {
        if (m.unexpected) this.onFault(job.name, String(m.error.details.error));
        job.reject(new ImportError(m.error.code, m.error.message, m.unexpected ? { file: job.name } : m.error.details));
      }
      this.idle(slot);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const job = slot.job;
      const name = job?.name ?? '';
      const error =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportError('IMPORT.MEMORY_LIMIT', `读取“${name}”所需内存超过上限 ${this.heapMb} MB，已停止读取并拒绝该文件`, {
              file: name,
              heapMb: this.heapMb,
            })
          : new ImportError('IMPORT.READ_FAILED', `读取“${name}”时出错，未能识别`, { file: name });
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') this.onFault(name, String(e.stack ?? e));
      void this.retire(slot, error);
    });
    worker.on('exit', () => {
      if (this.slots.has(slot))
        void this.retire(slot, new ImportError('IMPORT.READ_FAILED', `读取“${slot.job?.name ?? ''}”时出错，未能识别`, { file: slot.job?.name }));
    });
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      void this.retire(
        slot,
        new ImportError('IMPORT.TIMEOUT', `读取“${job.name}”超过 ${this.timeMs / 1000} 秒仍未完成，已停止读取并拒绝该文件`, {
          file: job.name,
          timeMs: this.timeMs,
        }),
      );
    }, this.timeMs);
    const msg: ParseJob = {
      id: job.id,
      bytes: job.bytes,
      name: job.name,
      limits: this.limits,
      ...(job.as ? { as: job.as } : {}),
      ...(job.kind ? { kind: job.kind } : {}),
    };
    slot.worker.postMessage(msg, [job.bytes.buffer as ArrayBuffer]);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** An idle worker does not keep the process alive (a CLI run, a test) and takes the next job. */
  private idle(slot: Slot): void {
    slot.worker.unref();
    this.pump();
  }

  /** Ends a worker (out of time or heap, crashed, or closing): its job fails with `error`, a new one takes its place. */
  private async retire(slot: Slot, error: ImportError): Promise<void> {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    this.finish(slot);
    job?.reject(error);
    await slot.worker.terminate();
    if (!slot.ready && !this.closed) {
      // it died starting up: another would too, so the waiting files are refused instead of retried forever
      for (const j of this.queue.splice(0)) j.reject(new ImportError('IMPORT.UNAVAILABLE', `无法启动文件读取线程，“${j.name}”未能读取`, { file: j.name }));
      return;
    }
    this.pump();
  }
}
