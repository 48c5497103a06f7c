/**
 * Caps on the work one untrusted file may cause (DESIGN: untrusted input is bounded). Each is checked
 * before the thing it bounds is built: bytes as the zip inflates, depth and rows as the XML streams by,
 * rows × columns before exceljs sees the workbook. A file over a cap is refused with its own code and a
 * Chinese message naming the file; the other files of the same upload are not affected.
 */
import { ImportError } from './errors.ts';

export interface ImportLimits {
  /** bytes of the file itself (a form is a few hundred kB; the Hebei file with 11 forms is 45 kB zipped) */
  maxBytes: number;
  /** bytes the zip's parts unpack to, summed, counted while they inflate (the Hebei file: 2.4 MB) */
  maxUnpackedBytes: number;
  /** entries in a zip (a .docx/.xlsx has 10–50) */
  maxEntries: number;
  /** nesting of XML elements (a Word table in a table in a cell is ≈ 12 deep; the XML parser itself stops at 100) */
  maxXmlDepth: number;
  /** rows of a sheet or lines of a text file */
  maxRows: number;
  /** rows × columns of a sheet's used range, or cells of a text file: what a reader walks */
  maxCells: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 40 * 1024 * 1024,
  maxEntries: 1000,
  maxXmlDepth: 96,
  maxRows: 50_000,
  maxCells: 500_000,
});

export const limitsOf = (partial: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_LIMITS, ...partial });

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** The refusals, one code each, so the preview can tell the user which cap the file hit. */
export const refuse = {
  tooLarge: (file: string, bytes: number, max: number) =>
    new ImportError('IMPORT.TOO_LARGE', `“${file}”有 ${mb(bytes)}，超过上限 ${(max / 1048576).toFixed(0)} MB`, { file, bytes, max }),
  zipBomb: (file: string, unpacked: number, max: number, entry?: string) =>
    new ImportError('IMPORT.ZIP_BOMB', `“${file}”解压后超过 ${mb(max)}（已解出 ${mb(unpacked)}${entry ? `，在“${entry}”中` : ''}），疑似压缩炸弹，已拒绝`, {
      file,
      unpacked,
      max,
      ...(entry ? { entry } : {}),
    }),
  tooManyEntries: (file: string, entries: number, max: number) =>
    new ImportError('IMPORT.TOO_MANY_ENTRIES', `“${file}”中的压缩条目超过 ${max} 个（至少 ${entries} 个），不是正常的 Word/Excel 文件，已拒绝`, {
      file,
      entries,
      max,
    }),
  tooDeep: (file: string, entry: string, depth: number, max: number) =>
    new ImportError('IMPORT.TOO_DEEP', `“${file}”的“${entry}”中 XML 嵌套超过 ${max} 层，已拒绝`, { file, entry, depth, max }),
  tooManyRows: (file: string, what: { rows: number; columns?: number; cells?: number; sheet?: string }, limits: ImportLimits) =>
    new ImportError(
      'IMPORT.TOO_MANY_ROWS',
      what.rows > limits.maxRows
        ? `“${file}”${what.sheet ? `的“${what.sheet}”` : ''}有 ${what.rows} 行以上，超过上限 ${limits.maxRows} 行，已拒绝`
        : what.cells !== undefined
          ? `“${file}”有 ${what.cells} 个单元格以上，超过上限 ${limits.maxCells} 个，已拒绝`
          : `“${file}”${what.sheet ? `的“${what.sheet}”` : ''}的范围为 ${what.rows} 行 × ${what.columns ?? 1} 列，超过上限 ${limits.maxCells} 个单元格，已拒绝`,
      { file, ...what, maxRows: limits.maxRows, maxCells: limits.maxCells },
    ),
  broken: (file: string, why: string) => new ImportError('IMPORT.BROKEN_FILE', `“${file}”已损坏，无法解压：${why}`, { file, reason: why }),
};
