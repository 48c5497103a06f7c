/**
 * An OfficialDocument as .docx (the docx library): A4, fixed table layout with explicit column widths
 * in twips, merged cells as w:gridSpan / w:vMerge, East-Asian fonts named on every run so Word uses
 * 仿宋_GB2312/宋体/黑体 and LibreOffice falls back through fontconfig.
 */
import {
  AlignmentType,
  Document,
  Header,
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
import { numberUnitPieces } from '@jixiao/core';
import { A4, FONTS, placeCells, type Align, type DocBlock, type DocCell, type DocTable, type OfficialDocument, type TextPart } from './document-model.ts';

/** 1 mm in twips (1/1440 inch). */
const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);

const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });

/** Half-points: 三号 16 pt for titles, 四号 14 pt body text, 五号 10.5 pt in tables. */
const SIZE = { title: 32, body: 28, heading: 28, table: 21 } as const;

/**
 * Runs carry only what differs from their paragraph's style (bold, a highlight): fonts, sizes and the
 * zh-CN language live once in the styles part. Per-run properties were most of the XML and of the
 * time spent writing it. Each line of a cell is its own run after a break, as the form had it.
 */
function runs(text: string, opts: Pick<IRunOptions, 'bold' | 'highlight'> = {}): TextRun[] {
  return text
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({ ...(opts.bold && { bold: true }), ...(opts.highlight && { highlight: opts.highlight }), text: line, ...(i > 0 && { break: 1 }) }),
    );
}

/** Runs of prose: each number with its unit a run of its own that no line break splits. */
function prose(text: string, opts: Pick<IRunOptions, 'bold' | 'highlight'> = {}): TextRun[] {
  return numberUnitPieces(text).flatMap((p) =>
    p.keep
      ? // the Unicode line-breaking rules (not LibreOffice's zh-CN ones, which break anywhere) and word joiners keep it whole
        [
          new TextRun({
            ...(opts.bold && { bold: true }),
            ...(opts.highlight && { highlight: opts.highlight }),
            text: p.text,
            language: { value: 'en-US', eastAsia: 'en-US' },
          }),
        ]
      : runs(p.text, opts),
  );
}

/**
 * A cell's paragraph style by alignment and weight (`Cell`, `CellCenter`, `CellBold`, `CellBoldCenter`, …):
 * a form has hundreds of cells and most are bold centred labels or plain values, so naming one of six
 * styles replaces a w:jc and a w:rPr in every cell (a third of the table XML, and of the export time).
 */
const cellStyle = (align: Align, bold: boolean): string => `Cell${bold ? 'Bold' : ''}${align === 'left' ? '' : align === 'center' ? 'Center' : 'Right'}`;

const CELL_STYLES = (['left', 'center', 'right'] as const)
  .flatMap((align) =>
    [false, true].map((bold) => ({
      id: cellStyle(align, bold),
      name: `Table Text${bold ? ' Bold' : ''}${align === 'left' ? '' : ` ${align}`}`,
      basedOn: 'Cell',
      ...(bold && { run: { bold: true } }),
      ...(align !== 'left' && { paragraph: { alignment: ALIGN[align] } }),
    })),
  )
  .filter((st) => st.id !== 'Cell');

function cellParagraph(cell: DocCell): Paragraph {
  // an empty cell gets no run at all (an empty w:r/w:t says nothing); a number keeps its unit on its
  // line in a narrow cell too (产出指标(40分), 100.00%): the importer reads the word joiners as nothing
  return new Paragraph({ style: cellStyle(cell.align ?? 'left', cell.bold ?? false), children: cell.text === '' ? [] : prose(cell.text) });
}

function table(t: DocTable): Table {
  const widths = t.widths.map(twips);
  const placed = placeCells(t.rows);
  return new Table({
    layout: TableLayoutType.FIXED,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map(
      (row, r) =>
        new TableRow({
          // only a header row says so: `tblHeader off` on every other row is the default written out
          ...(row.header && { tableHeader: true }),
          cantSplit: true,
          children: placed[r]!.map(({ cell, col }) => {
            const span = cell.colSpan ?? 1;
            return new TableCell({
              width: { size: widths.slice(col, col + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              ...(span > 1 && { columnSpan: span }),
              ...((cell.rowSpan ?? 1) > 1 && { rowSpan: cell.rowSpan }),
              children: [cellParagraph(cell)],
            });
          }),
        }),
    ),
  });
}

type Style = 'Title' | 'Heading' | 'Body';

/**
 * Prose (a report's indented paragraphs) and table cells keep a number on the line of its unit (core:
 * keepUnits, a word joiner between them; the importer drops them, docx-grid.ts); a form's own lines
 * (填报人, 注) are left as they are.
 */
function paragraph(text: string, style: Style, o: { align?: Align; bold?: boolean; indent?: boolean; parts?: TextPart[]; prose?: boolean } = {}): Paragraph {
  return new Paragraph({
    style,
    ...(o.align && { alignment: ALIGN[o.align] }),
    // first-line indent of two characters, as official prose has it (14 pt × 2 in twips)
    ...(o.indent && { indent: { firstLine: SIZE.body * 20 } }),
    children: o.parts
      ? o.parts.flatMap((p) => prose(p.text, { bold: o.bold ?? false, ...(p.mark && { highlight: 'yellow' }) }))
      : o.indent || o.prose
        ? prose(text, { bold: o.bold ?? false })
        : runs(text, { bold: o.bold ?? false }),
  });
}

function block(b: DocBlock): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'title':
      return [paragraph(b.text, 'Title')];
    case 'heading':
      return [paragraph(b.text, 'Heading')];
    case 'paragraph':
      return [
        paragraph(b.text, 'Body', {
          ...(b.align && { align: b.align }),
          ...(b.bold && { bold: b.bold }),
          ...(b.indent && { indent: true }),
          ...(b.parts && { parts: b.parts }),
          ...(b.prose && { prose: true }),
        }),
      ];
    case 'table':
      // a paragraph after every table: Word merges two adjacent tables into one otherwise
      return [table(b.table), new Paragraph({ children: [] })];
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The 草稿（未审核） mark at the top right of every page, red and bold, in the page header. */
const markHeader = (mark: string) =>
  new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: mark, bold: true, color: 'C00000', size: SIZE.body })] })],
  });

export function buildDocx(doc: OfficialDocument): Document {
  const header = doc.mark ? { headers: { default: markHeader(doc.mark) } } : {};
  // docx wants the portrait size and swaps it for landscape itself
  return new Document({
    creator: 'jixiao',
    title: doc.name,
    styles: {
      // zh-CN everywhere: LibreOffice asks fontconfig for a face of that language (SC glyphs, not JP)
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body, language: LANGUAGE } } },
      paragraphStyles: [
        {
          id: 'Cell',
          name: 'Table Text',
          run: { font: font(FONTS.table), size: SIZE.table, language: LANGUAGE },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        ...CELL_STYLES,
        {
          id: 'Body',
          name: 'Body Text',
          run: { font: font(FONTS.body), size: SIZE.body, language: LANGUAGE },
          paragraph: { spacing: { before: 60, after: 60, line: 360 } },
        },
        {
          id: 'Title',
          name: 'Title',
          run: { font: font(FONTS.title), size: SIZE.title, bold: true, language: LANGUAGE },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } },
        },
        {
          id: 'Heading',
          name: 'Heading 1',
          run: { font: font(FONTS.title), size: SIZE.heading, language: LANGUAGE },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
      ],
    },
    sections: doc.sections.map((sec) => ({
      properties: {
        page: {
          size: { width: twips(A4.width), height: twips(A4.height), orientation: sec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: twips(A4.margin.top), bottom: twips(A4.margin.bottom), left: twips(A4.margin.left), right: twips(A4.margin.right) },
        },
      },
      ...header,
      children: sec.blocks.flatMap(block),
    })),
  });
}

export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildDocx(doc)));
}
