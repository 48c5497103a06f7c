/**
 * Unzips an untrusted .docx/.xlsx without trusting what it says about itself. The central directory
 * is read first (entry count capped); then the entries stream through fflate's `Unzip` a few kB at a
 * time, and the bytes each one inflates to are counted as they come out, so a 200 MB part in a 200 kB
 * file is stopped at the cap having cost the cap, not 200 MB. XML parts are measured (depth, rows,
 * columns) by the same pass. A package whose directory names entries the stream never met (overlapping
 * or hidden entries, the trick of the smallest zip bombs) is refused: a second library unzipping it by
 * its directory (exceljs) must see exactly what was counted here.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ImportError } from './errors.ts';
import { refuse, type ImportLimits } from './limits.ts';
import { XmlMeter } from './xml-meter.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** compressed bytes handed to the inflater at once: deflate's best ratio (≈ 1:1032) keeps one step ≤ 4 MB */
const STEP = 4096;

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

/** The names in the central directory; stops counting at the cap before reading any further. */
export function centralDirectory(bytes: Uint8Array, file: string, maxEntries: number): string[] {
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
  const names: string[] = [];
  const decoder = new TextDecoder();
  while (at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50) {
    if (names.length >= maxEntries) throw refuse.tooManyEntries(file, names.length + 1, maxEntries);
    const n = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + n > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + n)));
    at += 46 + n + extra + comment;
  }
  if (declared !== 0xffff && names.length !== declared) throw refuse.broken(file, `zip 目录声明 ${declared} 个条目，实际 ${names.length} 个`);
  return names;
}

export function boundedUnzip(bytes: Uint8Array, opts: UnzipOptions): Unzipped {
  const { file, limits } = opts;
  checkSignature(bytes, file);
  const entries = centralDirectory(bytes, file, limits.maxEntries);

  let failure: Error | null = null;
  let unpacked = 0;
  const seen: string[] = [];
  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  const meters: Array<{ entry: string; meter: XmlMeter }> = [];

  const unzip = new Unzip((f: UnzipFile) => {
    seen.push(f.name);
    if (seen.length > limits.maxEntries) failure ??= refuse.tooManyEntries(file, seen.length, limits.maxEntries);
    const keep = opts.keep(f.name);
    if (!keep && !opts.inflateAll) return;
    const how = opts.measure?.(f.name) ?? null;
    const meter = how ? new XmlMeter(how === 'sheet') : null;
    if (meter) meters.push({ entry: f.name, meter });
    const got: Uint8Array[] = [];
    if (keep) chunks.set(f.name, got);
    f.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = refuse.broken(file, `“${f.name}”无法解压（${err.message}）`);
        return;
      }
      unpacked += data.length;
      if (unpacked > limits.maxUnpackedBytes) {
        failure = refuse.zipBomb(file, unpacked, limits.maxUnpackedBytes, f.name);
        return;
      }
      if (meter) {
        meter.push(data);
        failure = overCap(meter, f.name, file, limits);
        if (failure) return;
      }
      if (keep) got.push(data);
      if (final) done.add(f.name);
    };
    f.start();
  });
  unzip.register(UnzipInflate);

  for (let at = 0; at < bytes.length && !failure; at += STEP) {
    try {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    } catch (e) {
      failure ??= e instanceof ImportError ? e : refuse.broken(file, (e as Error).message);
    }
  }
  if (failure) throw failure;

  // What the directory lists must be what streamed by, entry for entry (no hidden or shared data).
  const sorted = (xs: string[]) => [...xs].sort().join('\n');
  if (sorted(entries) !== sorted(seen)) throw refuse.broken(file, `zip 目录列出 ${entries.length} 个条目，内容中有 ${seen.length} 个，两者不一致`);
  const parts: Record<string, Uint8Array> = {};
  for (const [name, got] of chunks) {
    if (!done.has(name)) throw refuse.broken(file, `“${name}”不完整`);
    parts[name] = concat(got);
  }
  const sheets = meters.filter((m) => opts.measure?.(m.entry) === 'sheet').map((m) => ({ entry: m.entry, rows: m.meter.maxRow, columns: m.meter.maxColumn }));
  return { parts, entries, unpacked, sheets };
}

function overCap(m: XmlMeter, entry: string, file: string, limits: ImportLimits): Error | null {
  if (m.maxDepth > limits.maxXmlDepth) return refuse.tooDeep(file, entry, m.maxDepth, limits.maxXmlDepth);
  if (m.maxRow > limits.maxRows || m.maxRow * Math.max(1, m.maxColumn) > limits.maxCells)
    return refuse.tooManyRows(file, { rows: m.maxRow, columns: m.maxColumn, sheet: entry }, limits);
  return null;
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
