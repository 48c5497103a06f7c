/**
 * Reader for .docx: `word/document.xml` → paragraphs and table rows, in document order.
 * A cell spanning grid columns (`w:gridSpan`) stays one cell, and a cell continuing a vertical merge
 * (`w:vMerge` without `restart`) becomes an empty cell — the same shape a table takes when Word
 * copies it out as text, so one recognizer reads both. Provenance: table, row, grid column.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Block, Cell, GridDocument } from './grid.ts';
import { ImportError } from './errors.ts';
import { boundedUnzip } from './bounded-unzip.ts';
import { DEFAULT_LIMITS, refuse, type ImportLimits } from './limits.ts';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
});

const tag = (n: Node): string => Object.keys(n).find((k) => k !== ':@')!;
const kids = (n: Node): Node[] => (n[tag(n)] as Node[]) ?? [];
const attr = (n: Node, name: string): string | undefined => n[':@']?.[name];
const child = (n: Node, name: string): Node | undefined => kids(n).find((k) => tag(k) === name);

/** Text of a paragraph-like subtree: runs, tabs and breaks; deleted text (w:del) is skipped. */
function textOf(n: Node): string {
  let out = '';
  for (const k of kids(n)) {
    const t = tag(k);
    if (t === '#text') out += String(k['#text']);
    else if (t === 'w:t')
      out += kids(k)
        .map((x) => String(x['#text'] ?? ''))
        .join('')
        // a word joiner (U+2060) only keeps a number on the line of its unit (an exported cell): not text
        .replaceAll('\u2060', '');
    else if (t === 'w:tab') out += '\t';
    else if (t === 'w:br' || t === 'w:cr') out += '\n';
    else if (t === 'w:del' || t === 'w:instrText' || t === 'w:rPr' || t === 'w:pPr') continue;
    else out += textOf(k);
  }
  return out;
}

export function readDocxXml(xml: string, file: string): GridDocument {
  let doc: Node[];
  try {
    doc = parser.parse(xml) as Node[];
  } catch (e) {
    throw new ImportError('IMPORT.CORRUPT', `“${file}”的正文 XML 已损坏：${(e as Error).message}`, { file });
  }
  const document = doc.find((n) => tag(n) === 'w:document');
  const body = document && child(document, 'w:body');
  if (!body) throw new ImportError('IMPORT.CORRUPT', `“${file}”不是 Word 文档（缺少 w:body）`, { file });
  const blocks: Block[] = [];
  let table = 0;
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      const t = tag(n);
      if (t === 'w:p') blocks.push({ kind: 'paragraph', text: textOf(n), src: { file } });
      else if (t === 'w:tbl') readTable(n, ++table, file, blocks);
      else if (t === 'w:sdt') walk(kids(child(n, 'w:sdtContent') ?? ({ x: [] } as Node)));
    }
  };
  walk(kids(body));
  return { file, blocks };
}

function readTable(tbl: Node, table: number, file: string, blocks: Block[]): void {
  let row = 1;
  for (const tr of kids(tbl)) {
    if (tag(tr) !== 'w:tr') continue;
    const cells: Cell[] = [];
    let col = 1;
    for (const tc of kids(tr)) {
      if (tag(tc) !== 'w:tc') continue;
      const pr = child(tc, 'w:tcPr');
      const span = Number((pr && child(pr, 'w:gridSpan') && attr(child(pr, 'w:gridSpan')!, 'w:val')) ?? 1) || 1;
      const vMerge = pr && child(pr, 'w:vMerge');
      const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      const text = continued
        ? ''
        : kids(tc)
            .filter((p) => tag(p) === 'w:p' || tag(p) === 'w:tbl')
            .map(textOf)
            .join('\n');
      cells.push({ text, src: { file, table, row, col } });
      col += span;
    }
    blocks.push({ kind: 'row', cells, src: { file, table, row } });
    row++;
  }
}

/**
 * The parts of an OOXML package that a reader asks for, inflated within the caps (bounded-unzip.ts);
 * a clear error for anything that is not such a package.
 */
export function unzipPart(
  bytes: Uint8Array,
  file: string,
  wanted: (name: string) => boolean,
  limits: ImportLimits = DEFAULT_LIMITS,
): Record<string, Uint8Array> {
  return boundedUnzip(bytes, { file, limits, keep: wanted, measure: (n) => (wanted(n) && /\.(xml|rels)$/.test(n) ? 'xml' : null) }).parts;
}

export function readDocx(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_LIMITS): GridDocument {
  if (bytes.byteLength > limits.maxBytes) throw refuse.tooLarge(file, bytes.byteLength, limits.maxBytes);
  const parts = unzipPart(bytes, file, (n) => n === 'word/document.xml', limits);
  const xml = parts['word/document.xml'];
  if (!xml) throw new ImportError('IMPORT.NOT_A_WORD_FILE', `“${file}”中没有 word/document.xml，不是 Word 文档`, { file });
  const text = new TextDecoder().decode(xml);
  // Word never writes a DTD; one in the body can only be there to declare entities that expand
  // (the "billion laughs"), which the XML parser would otherwise grow without bound.
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) throw refuse.broken(file, '正文中有 DTD 实体声明（Word 文档不会有）');
  return readDocxXml(text, file);
}
