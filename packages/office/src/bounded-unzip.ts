/**
 * Unzips an untrusted .docx/.xlsx without trusting what it says about itself. The central directory
 * is read first (entry count capped) and checked against the local headers: the names agree, the data
 * lies inside the file, and no two entries share bytes (overlapping entries, the trick of the smallest
 * zip bombs). Then each entry is inflated by zlib with what is left of the budget as its output limit,
 * so a 200 MB part in a 200 kB file is stopped at the cap having cost the cap, not 200 MB, and its XML
 * measured (depth, rows, columns) before any parser sees it. Everything read is read by the directory,
 * as the libraries after this one read it — and exceljs is handed the parts counted here, not the file.
 */
import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { ImportError } from './errors.ts';
import { refuse, type ImportLimits } from './limits.ts';
import { XmlMeter } from './xml-meter.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export interface UnzipOptions {
  file: string;
  limits: ImportLimits;
  /** entries whose bytes are returned */
  keep: (name: string) => boolean;
  /** inflate (and count) every entry, not only the kept ones: for a package another library will unzip */
  inflateAll?: boolean;
  /** how an inflated entry's XML is measured: depth only, or also rows and columns of a worksheet */
  measure?: (name: string) => 'xml' | 'sheet' | null;
}

export interface SheetSize {
  entry: string;
  rows: number;
  columns: number;
}

export interface Unzipped {
  parts: Record<string, Uint8Array>;
  /** entry names, in the order of the central directory */
  entries: string[];
  /** bytes inflated in all */
  unpacked: number;
  sheets: SheetSize[];
}

/** Refuses what is not an OOXML zip at all with the clear codes the readers always gave. */
export function checkSignature(bytes: Uint8Array, file: string): void {
  if (startsWith(bytes, OLE2))
    throw new ImportError('IMPORT.ENCRYPTED', `“${file}”是加密文件或旧版 .doc/.xls 格式（OLE2），请先解除密码或另存为 .docx/.xlsx`, { file });
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, EMPTY_ZIP))
    throw new ImportError('IMPORT.NOT_A_ZIP', `“${file}”不是有效的 .docx/.xlsx 文件（内容不是 zip 压缩包）`, { file, firstBytes: [...bytes.slice(0, 4)] });
}

/** An entry as the central directory states it: where its local header is, how it is stored, its sizes. */
interface DirEntry {
  name: string;
  method: number;
  compressed: number;
  /** the size the directory claims: never trusted, the inflater is capped by what is left of the budget */
  declared: number;
  local: number;
}

/** The central directory's entries; stops counting at the cap before reading any further. */
export function centralDirectory(bytes: Uint8Array, file: string, maxEntries: number): DirEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // the end record is the last 22 bytes plus a comment of at most 65,535
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse.broken(file, '找不到 zip 目录（文件可能不完整）');
  const declared = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  // ZIP64 keeps the real numbers elsewhere; the directory is walked below either way
  if (declared !== 0xffff && declared > maxEntries) throw refuse.tooManyEntries(file, declared, maxEntries);
  if (at === 0xffffffff) throw refuse.broken(file, '不支持 ZIP64 格式（Word/Excel 文件不会用到）');
  const entries: DirEntry[] = [];
  const decoder = new TextDecoder();
  while (at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50) {
    if (entries.length >= maxEntries) throw refuse.tooManyEntries(file, entries.length + 1, maxEntries);
    const n = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + n > bytes.length) break;
    const entry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + n)),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      declared: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    };
    if (entry.compressed === 0xffffffff || entry.declared === 0xffffffff || entry.local === 0xffffffff)
      throw refuse.broken(file, '不支持 ZIP64 格式（Word/Excel 文件不会用到）');
    entries.push(entry);
    at += 46 + n + extra + comment;
  }
  if (declared !== 0xffff && entries.length !== declared) throw refuse.broken(file, `zip 目录声明 ${declared} 个条目，实际 ${entries.length} 个`);
  return entries;
}

/**
 * Where each entry's data lies, checked against its local header: the name must be the directory's,
 * the data inside the file, and no two entries may share bytes (overlapping entries, the trick of the
 * smallest zip bombs, which make one body count many times).
 */
function dataRanges(bytes: Uint8Array, file: string, entries: DirEntry[]): Map<DirEntry, [number, number]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ranges = new Map<DirEntry, [number, number]>();
  const encoder = new TextEncoder();
  for (const e of entries) {
    if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50) throw refuse.broken(file, `“${e.name}”的本地文件头不在目录所指位置`);
    const n = view.getUint16(e.local + 26, true);
    const extra = view.getUint16(e.local + 28, true);
    const name = encoder.encode(e.name);
    const local = bytes.subarray(e.local + 30, e.local + 30 + n);
    if (local.length !== name.length || local.some((b, i) => b !== name[i])) throw refuse.broken(file, `zip 目录中的“${e.name}”与其本地文件头的名称不一致`);
    const from = e.local + 30 + n + extra;
    if (from + e.compressed > bytes.length) throw refuse.broken(file, `“${e.name}”不完整`);
    ranges.set(e, [e.local, from + e.compressed]);
  }
  const sorted = [...ranges.values()].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) throw refuse.broken(file, 'zip 目录中有条目与另一条目共用数据（重叠条目）');
  return new Map([...ranges].map(([e, [, to]]) => [e, [to - e.compressed, to]]));
}

export function boundedUnzip(bytes: Uint8Array, opts: UnzipOptions): Unzipped {
  const { file, limits } = opts;
  checkSignature(bytes, file);
  const entries = centralDirectory(bytes, file, limits.maxEntries);
  const ranges = dataRanges(bytes, file, entries);

  let unpacked = 0;
  const parts: Record<string, Uint8Array> = {};
  const sheets: SheetSize[] = [];
  for (const e of entries) {
    const keep = opts.keep(e.name);
    if (!keep && !opts.inflateAll) continue;
    const how = opts.measure?.(e.name) ?? null;
    const meter = how ? new XmlMeter(how === 'sheet') : null;
    const data = readEntry(bytes.subarray(...ranges.get(e)!), e, { file, limits, unpacked, meter });
    unpacked += data.length;
    if (meter && how === 'sheet') sheets.push({ entry: e.name, rows: meter.maxRow, columns: meter.maxColumn });
    if (keep) parts[e.name] = data;
  }
  return { parts, entries: entries.map((e) => e.name), unpacked, sheets };
}

/** What an entry up to this size is inflated at once, natively; past it, in steps that can stop early. */
const AT_ONCE = 4 * 1048576;
/** compressed bytes handed to the streaming inflater at once: deflate's best ratio (≈ 1:1032) keeps one step ≤ 4 MB */
const STEP = 4096;

interface EntryContext {
  file: string;
  limits: ImportLimits;
  /** bytes inflated before this entry */
  unpacked: number;
  meter: XmlMeter | null;
}

/**
 * One entry's bytes, measured. Most entries are small: zlib inflates them natively at once, with the
 * output limited to what is left of the budget or 4 MB (`maxOutputLength`: it stops there, whatever
 * the directory claimed). An entry larger than that streams through fflate's inflater a few kB at a
 * time, counted and measured as it comes out, so that a sheet of a million rows stops at the rows cap
 * and a 200 MB part at the budget, each having cost no more than the cap.
 */
function readEntry(body: Uint8Array, e: DirEntry, ctx: EntryContext): Uint8Array {
  const { file, limits, unpacked, meter } = ctx;
  const left = limits.maxUnpackedBytes - unpacked;
  const measured = (data: Uint8Array) => {
    if (!meter) return data;
    meter.push(data);
    const over = overCap(meter, e.name, file, limits);
    if (over) throw over;
    return data;
  };
  if (e.method === 0) {
    if (body.length > left) throw refuse.zipBomb(file, unpacked + body.length, limits.maxUnpackedBytes, e.name);
    return measured(body);
  }
  if (e.method !== 8) throw refuse.broken(file, `“${e.name}”使用了不支持的压缩方式（${e.method}）`);
  const bound = Math.min(left, AT_ONCE);
  let data: Uint8Array;
  try {
    data = inflateRawSync(body, { maxOutputLength: Math.max(1, bound + 1) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw refuse.broken(file, `“${e.name}”无法解压（${(err as Error).message}）`);
    if (bound === left) throw refuse.zipBomb(file, unpacked + left + 1, limits.maxUnpackedBytes, e.name);
    return inflateInSteps(body, e, ctx);
  }
  return measured(data);
}

function inflateInSteps(body: Uint8Array, e: DirEntry, { file, limits, unpacked, meter }: EntryContext): Uint8Array {
  let failure: Error | null = null;
  let count = unpacked;
  const chunks: Uint8Array[] = [];
  const inflater = new Inflate((data) => {
    if (failure) return;
    count += data.length;
    if (count > limits.maxUnpackedBytes) {
      failure = refuse.zipBomb(file, count, limits.maxUnpackedBytes, e.name);
      return;
    }
    if (meter) {
      meter.push(data);
      failure = overCap(meter, e.name, file, limits);
      if (failure) return;
    }
    chunks.push(data);
  });
  for (let at = 0; at < body.length && !failure; at += STEP) {
    try {
      inflater.push(body.subarray(at, at + STEP), at + STEP >= body.length);
    } catch (err) {
      failure ??= refuse.broken(file, `“${e.name}”无法解压（${(err as Error).message}）`);
    }
  }
  if (failure) throw failure;
  return concat(chunks);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function overCap(m: XmlMeter, entry: string, file: string, limits: ImportLimits): Error | null {
  if (m.maxDepth > limits.maxXmlDepth) return refuse.tooDeep(file, entry, m.maxDepth, limits.maxXmlDepth);
  if (m.maxRow > limits.maxRows || m.maxRow * Math.max(1, m.maxColumn) > limits.maxCells)
    return refuse.tooManyRows(file, { rows: m.maxRow, columns: m.maxColumn, sheet: entry }, limits);
  return null;
}
