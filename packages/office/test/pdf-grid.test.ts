/**
 * The PDF reader (issue 21, item 3): the table geometry on plain numbers, then real PDFs made by
 * LibreOffice from the export's own document model — a table that runs over several pages with a
 * header row Word repeats on each, cells that wrap — and the refusals: a PDF without a text layer
 * (IMPORT.PDF_NO_TEXT) and a file that is not a PDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTable, cellText, lineText, toLines, type Segment, type Word } from '../src/pdf-layout.ts';
import { ImportError, importBytes, PdfConverter, readPdf, readPdfPages, renderDocx, SUPPORTED, type OfficialDocument } from '../src/index.ts';
import { gridOfPages, type PdfPage } from '../src/pdf-grid.ts';

const h = (x0: number, x1: number, y: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

describe('table geometry', () => {
  it('a grid of ruling lines: a missing line merges two cells, across or down', () => {
    // 3 columns × 3 rows; row 1 has no line between columns 2 and 3; column 1 has no line between rows 2 and 3
    const segs = [h(0, 300, 0), h(0, 300, 20), h(100, 300, 40), h(0, 300, 60), v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 0, 60)];
    const t = buildTable(segs)!;
    expect(t.xs).toEqual([0, 100, 200, 300]);
    expect(t.ys).toEqual([0, 20, 40, 60]);
    expect(t.cells[0]![1]).toEqual({ r0: 0, c0: 1, r1: 0, c1: 2 }); // 预期指标值 over two columns
    expect(t.cells[0]![2]).toBe(t.cells[0]![1]);
    expect(t.cells[2]![0]).toEqual({ r0: 1, c0: 0, r1: 2, c1: 0 }); // 产出指标 down two rows
    expect(t.cells[2]![2]).toEqual({ r0: 2, c0: 2, r1: 2, c1: 2 });
  });

  it('a border drawn in pieces (one per cell) and twice (by both cells) is one border', () => {
    const segs = [h(0, 50, 0), h(50, 100, 0.8), h(0, 100, 20), h(0, 100, 20.5), v(0, 0, 20), v(50, 0, 10), v(50, 10, 20), v(100, 0, 20)];
    const t = buildTable(segs)!;
    expect(t.xs).toHaveLength(3);
    expect(t.ys).toHaveLength(2);
    expect(t.cells[0]![0]).not.toBe(t.cells[0]![1]);
  });

  const word = (text: string, x: number, y: number, size = 10): Word => ({ text, x, y, w: [...text].length * size, size });

  it('a wrapped cell is joined without a break; a line the writer ended keeps its break', () => {
    // a cell 100 pt wide with 2 pt padding: ten ideographs per line at most
    const wrapped = [word('加快推进综治工作和平', 2, 12), word('安建设', 2, 24)];
    expect(cellText(wrapped, 0, 104, 2)).toBe('加快推进综治工作和平安建设');
    const broken = [word('1、设立基金。', 2, 12), word('2、发放基金。', 2, 24)];
    expect(cellText(broken, 0, 104, 2)).toBe('1、设立基金。\n2、发放基金。');
  });

  it('a space where a space was typed, none where the layout only set ideographs and digits apart', () => {
    const autospaced = toLines([word('2021', 0, 10, 14), { text: '年度', x: 28 + 2.8, y: 10, w: 28, size: 14 }]);
    expect(lineText(autospaced[0]!)).toBe('2021年度'); // LibreOffice sets 0.2 em between 2021 and 年
    const typed = toLines([
      { text: '指标1:', x: 0, y: 10, w: 30, size: 10.5 },
      { text: '办文办会', x: 30 + 2.7, y: 10, w: 42, size: 10.5 },
    ]);
    expect(lineText(typed[0]!)).toBe('指标1: 办文办会'); // a space after ASCII punctuation is a quarter em
  });
});

describe('a row broken over a page', () => {
  // two columns (名称 60 pt, 说明 100 pt), a 10 pt font, lines 12 pt apart
  const grid = (ys: number[]): Segment[] => [...ys.map((y) => h(0, 160, y)), ...[0, 60, 160].map((x) => v(x, ys[0]!, ys[ys.length - 1]!))];
  const line = (text: string, x: number, y: number, w = 98): Word => ({ text, x, y, w, size: 10 });
  const pages = (room: number): PdfPage[] => [
    {
      width: 200,
      height: 100,
      segments: grid([0, 20, 58 + room]),
      words: [
        line('名称', 2, 14, 20),
        line('说明', 62, 14, 20),
        line('指标一', 2, 34, 30),
        line('完成值达到指标值，记', 62, 34),
        line('满分；未达到指标值，', 62, 46),
        line('按实际完成比例计分或', 62, 58),
      ],
    },
    { width: 200, height: 100, segments: grid([0, 30]), words: [line('分值记分。', 62, 14, 50)] },
  ];
  const cells = (ps: PdfPage[]) => gridOfPages(ps, 'x.pdf').blocks.map((b) => (b.kind === 'row' ? b.cells.map((c) => c.text) : b.text));

  it('text that stops one line short of the foot (a browser keeps two lines for the new page: widows) goes on in the cell below it (issue 21)', () => {
    expect(cells(pages(22))).toEqual([
      ['名称', '说明'],
      ['指标一', '完成值达到指标值，记满分；未达到指标值，按实际完成比例计分或分值记分。'],
    ]);
  });

  it('text with room for two more lines under it is a cell of its own: the next page starts a row', () => {
    expect(cells(pages(40))[2]).toEqual(['', '分值记分。']);
  });
});

describe('a table broken over a page (issue 21: 重庆 奉节’s goal form)', () => {
  const w = (text: string, x: number, y: number, size = 10): Word => ({ text, x, y, w: [...text].length * size, size });
  /** a ruled grid: its column edges, its row edges, and the horizontal lines left out (as [row edge, x0, x1]) */
  function ruled(xs: number[], ys: number[], omit: Array<[number, number, number]> = []): Segment[] {
    const hs = ys.flatMap((y) => xs.slice(1).map((x1, c) => [y, xs[c]!, x1] as const)).filter(([y, a]) => !omit.some(([oy, ox]) => oy === y && ox === a));
    return [...hs.map(([y, a, b]) => h(a, b, y)), ...xs.map((x) => v(x, ys[0]!, ys[ys.length - 1]!))];
  }
  const page = (words: Word[], segments: Segment[]) => ({ width: 400, height: 100, words, segments });
  const rows = (doc: ReturnType<typeof gridOfPages>) => doc.blocks.map((b) => (b.kind === 'row' ? b.cells.map((c) => c.text) : b.text));
  const xs = [20, 80, 134, 320];

  it('a row whose label fills its line to a closing bracket goes on with it: `成本指标(0-20)` | `分`', () => {
    const first = page(
      [
        w('一级指标', 22, 32),
        w('三级指标', 82, 32),
        w('指标值', 136, 32),
        { text: '成本指标(0-20)', x: 22, y: 52, w: 58, size: 10 },
        w('项目建设成', 82, 52),
        w('≤65万元', 136, 52),
      ],
      ruled(xs, [20, 40, 60]),
    );
    const second = page([w('分', 22, 32), w('本', 82, 32), w('满意度指标', 22, 52), w('满意度', 82, 52), w('≥90%', 136, 52)], ruled(xs, [20, 40, 60]));
    expect(rows(gridOfPages([first, second], 'x.pdf'))).toEqual([
      ['一级指标', '三级指标', '指标值'],
      ['成本指标(0-20)分', '项目建设成本', '≤65万元'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
  });

  it('a label merged down over the break, drawn with no line over it on the new page, is one cell: `年度绩效` | `目标(90分)`', () => {
    // page 1: the label down rows 1–2 (no line between them under it); page 2: the rest of it down both rows, no top line over it
    const first = page(
      [w('一级指标', 82, 32), w('指标值', 136, 32), w('年度绩效', 22, 52), w('成本指标', 82, 52), w('10', 136, 52), w('产出指标', 82, 72), w('20', 136, 72)],
      ruled(xs, [20, 40, 60, 80], [[60, 20, 80]]),
    );
    const second = page(
      [{ text: '目标(90分)', x: 22, y: 42, w: 56, size: 10 }, w('效益指标', 82, 32), w('30', 136, 32), w('满意度指标', 82, 52), w('10', 136, 52)],
      ruled(
        xs,
        [20, 40, 60],
        [
          [20, 20, 80],
          [40, 20, 80],
        ],
      ),
    );
    expect(rows(gridOfPages([first, second], 'x.pdf'))).toEqual([
      ['', '一级指标', '指标值'],
      ['年度绩效目标(90分)', '成本指标', '10'],
      ['', '产出指标', '20'],
      ['', '效益指标', '30'],
      ['', '满意度指标', '10'],
    ]);
  });

  it('a new page whose table has lines over every column starts its own cells there', () => {
    const t = buildTable(ruled(xs, [20, 40, 60], [[20, 20, 80]]))!;
    expect(t.openTop).toEqual([true, false, false]);
    expect(buildTable(ruled(xs, [20, 40, 60]))!.openTop).toEqual([false, false, false]);
    // no top line at all: a table drawn so tells nothing by it
    expect(buildTable([h(20, 320, 40), h(20, 320, 60), ...xs.map((x) => v(x, 20, 60))])!.openTop).toEqual([false, false, false]);
  });
});

describe('PDFs made by LibreOffice', () => {
  const converter = new PdfConverter({ workers: 1 });
  afterAll(() => converter.close());

  it('a table over three pages is one table; the header row repeated on every page is read once; wrapped cells are whole', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({
      cells: [
        { text: String(i + 1) },
        { text: `第${i + 1}项指标：保障社会治安综合治理工作正常运转并按期完成年度任务` },
        { text: `≥${90 + (i % 10)}%` },
        { text: `${(i * 1.25).toFixed(2)}` },
      ],
    }));
    const doc: OfficialDocument = {
      name: '续表',
      sections: [
        {
          blocks: [
            { kind: 'title', text: '项目支出绩效自评表' },
            {
              kind: 'table',
              table: {
                widths: [15, 80, 40, 35],
                rows: [{ header: true, cells: [{ text: '序号' }, { text: '三级指标' }, { text: '年度指标值' }, { text: '得分' }] }, ...rows],
              },
            },
          ],
        },
      ],
    };
    const pdf = await converter.convert(await renderDocx(doc), 'docx');
    const grid = await readPdf(pdf, 'continued.pdf');
    const tableRows = grid.blocks.flatMap((b) => (b.kind === 'row' ? [b] : []));
    expect(new Set(tableRows.map((r) => r.src.table))).toEqual(new Set([1]));
    expect(tableRows.filter((r) => r.cells[0]!.text === '序号')).toHaveLength(1);
    expect(tableRows).toHaveLength(71);
    tableRows.slice(1).forEach((r, i) => {
      expect(r.src.row).toBe(i + 2);
      expect(r.cells.map((c) => c.text)).toEqual(rows[i]!.cells.map((c) => c.text));
    });
    // and the PDF did have three pages or more, each starting with the header again
    const pages = await readPdfPages(pdf, 'continued.pdf');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(p.words.filter((w) => w.text === '序号')).toHaveLength(1);
  }, 120_000);
});

/** A one-page PDF that draws a box and no text, as a scanner's PDF has no text (fixtures/office/README.md). */
const pdfWithoutText = () => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../fixtures/office/no-text-layer.pdf')));

describe('refused', () => {
  it('.pdf is among the supported types', () => {
    expect(SUPPORTED).toContain('.pdf');
  });

  it('a PDF without a text layer (a scan): IMPORT.PDF_NO_TEXT, saying what to use instead', async () => {
    const e = await importBytes(pdfWithoutText(), '扫描件.pdf').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('IMPORT.PDF_NO_TEXT');
    expect((e as ImportError).message).toContain('请使用带文字层的PDF');
    expect((e as ImportError).message).toContain('原始 Word/Excel 文件');
    expect((e as ImportError).details).toMatchObject({ file: '扫描件.pdf', pages: 1 });
  });

  it('a file named .pdf that is not one: IMPORT.NOT_A_PDF', async () => {
    const e = await importBytes(new TextEncoder().encode('项目支出绩效自评表'), 'form.pdf').catch((x: unknown) => x);
    expect((e as ImportError).code).toBe('IMPORT.NOT_A_PDF');
  });

  it('a broken PDF: IMPORT.CORRUPT', async () => {
    const e = await importBytes(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage'), 'broken.pdf').catch((x: unknown) => x);
    expect((e as ImportError).code).toBe('IMPORT.CORRUPT');
  });
});
