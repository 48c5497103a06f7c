/**
 * The parse worker: reads and recognizes one untrusted file at a time, in a thread whose heap is
 * capped (parse-pool.ts), so a file that still manages to need too much memory or time ends this
 * thread and not the server. Answers are plain data: the recognized forms, or the refusal's code.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError } from './errors.ts';
import { readGrid } from './import-file.ts';
import type { ImportLimits } from './limits.ts';
import { recognizeUpload, type RecognizedUpload, type UploadKind } from './recognize-upload.ts';

export interface ParseJob {
  id: number;
  bytes: Uint8Array;
  name: string;
  as?: '.docx' | '.xlsx';
  limits: ImportLimits;
  /** the kind chosen for the file; none: the kind its title names */
  kind?: UploadKind;
}

export type ParseAnswer =
  | { id: number; ok: true; recognized: RecognizedUpload }
  | { id: number; ok: false; error: { code: string; message: string; details: Record<string, unknown> }; unexpected?: boolean };

const port = parentPort;
if (port) {
  port.on('message', (job: ParseJob) => {
    void (async (): Promise<ParseAnswer> => {
      try {
        const grid = await readGrid(job.bytes, job.name, { limits: job.limits, ...(job.as ? { as: job.as } : {}) });
        return { id: job.id, ok: true, recognized: recognizeUpload(grid, job.kind) };
      } catch (e) {
        if (e instanceof ImportError) return { id: job.id, ok: false, error: { code: e.code, message: e.message, details: e.details } };
        // not the file's refusal but a fault in a reader: said as such, with its message for the log
        const err = e as Error;
        return {
          id: job.id,
          ok: false,
          unexpected: true,
          error: { code: 'IMPORT.READ_FAILED', message: `读取“${job.name}”时出错，未能识别`, details: { file: job.name, error: String(err?.stack ?? err) } },
        };
      }
    })().then((answer) => port.postMessage(answer));
  });
  port.postMessage({ ready: true });
}
