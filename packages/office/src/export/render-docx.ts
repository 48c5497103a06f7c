/**
 * An OfficialDocument as .docx (the docx library): A4, fixed table layout with explicit column widths
 * in twips, merged cells as w:gridSpan / w:vMerge, East-Asian fonts named on every run so Word uses
 * 仿宋_GB2312/宋体/黑体 and LibreOffice falls back through fontconfig.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { A4, FONTS, placeCells, type Align, type DocBlock, type DocCell, type DocTable, type OfficialDocument, type TextPart } from './document-model.ts';

/** 1 mm in twips (1/1440 inch). */
const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);

const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });

/** Half-points: 三号 16 pt for titles, 四号 14 pt body text, 五号 10.5 pt in tables. */
const SIZE = { title: 32, body: 28, heading: 28, table: 21 } as const;

function runs(text: string, opts: Omit<IRunOptions, 'text' | 'break'>): TextRun[] {
  // each line of a cell is its own run after a break: Word keeps the line breaks the form had
  // zh-CN on every run: LibreOffice asks fontconfig for a face of that language (SC glyphs, not JP)
  return text.split('\n').map((line, i) => new TextRun({ ...opts, language: LANGUAGE, text: line, ...(i > 0 && { break: 1 }) }));
}

function cellParagraph(cell: DocCell): Paragraph {
  return new Paragraph({
    alignment: ALIGN[cell.align ?? 'left'],
    spacing: { before: 0, after: 0 },
    children: runs(cell.text, { font: font(FONTS.table), size: SIZE.table, bold: cell.bold ?? false }),
  });
}

function table(t: DocTable): Table {
  const widths = t.widths.map(twips);
  const placed = placeCells(t.rows);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: row.header ?? false,
          cantSplit: true,
          children: placed[r]!.map(({ cell, col }) => {
            const span = cell.colSpan ?? 1;
            return new TableCell({
              width: { size: widths.slice(col, col + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              margins: { left: 60, right: 60, top: 30, bottom: 30 },
              ...(span > 1 && { columnSpan: span }),
              ...((cell.rowSpan ?? 1) > 1 && { rowSpan: cell.rowSpan }),
              children: [cellParagraph(cell)],
            });
          }),
        }),
    ),
  });
}

function paragraph(text: string, o: { align?: Align; bold?: boolean; size: number; font: string; indent?: boolean; parts?: TextPart[] }): Paragraph {
  const style = { font: font(o.font), size: o.size, bold: o.bold ?? false };
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: 60, after: 60, line: 360 },
    // first-line indent of two characters, as official prose has it (size is in half-points → twips ×10)
    ...(o.indent && { indent: { firstLine: o.size * 20 } }),
    children: o.parts ? o.parts.flatMap((p) => runs(p.text, { ...style, ...(p.mark && { highlight: 'yellow' }) })) : runs(text, style),
  });
}

function block(b: DocBlock): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'title':
      return [paragraph(b.text, { align: 'center', bold: true, size: SIZE.title, font: FONTS.title })];
    case 'heading':
      return [paragraph(b.text, { size: SIZE.heading, font: FONTS.title })];
    case 'paragraph':
      return [paragraph(b.text, { size: SIZE.body, font: FONTS.body, ...(b.align && { align: b.align }), ...(b.bold && { bold: b.bold }), ...(b.indent && { indent: true }), ...(b.parts && { parts: b.parts }) })];
    case 'table':
      // a paragraph after every table: Word merges two adjacent tables into one otherwise
      return [table(b.table), new Paragraph({ children: [] })];
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export function buildDocx(doc: OfficialDocument): Document {
  // docx wants the portrait size and swaps it for landscape itself
  return new Document({
    creator: 'jixiao',
    title: doc.name,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body, language: LANGUAGE } } } },
    sections: doc.sections.map((sec) => ({
      properties: {
        page: {
          size: { width: twips(A4.width), height: twips(A4.height), orientation: sec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: twips(A4.margin.top), bottom: twips(A4.margin.bottom), left: twips(A4.margin.left), right: twips(A4.margin.right) },
        },
      },
      children: sec.blocks.flatMap(block),
    })),
  });
}

export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildDocx(doc)));
}
