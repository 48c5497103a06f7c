/**
 * Hostile files, built in the test (none is committed): zip bombs whose one part unpacks to hundreds
 * of MB or a GB from a file of a few hundred kB, a workbook of a million rows, XML nested a hundred
 * thousand deep, a broken zip and a zip of many entries. Tests only.
 *
 * The bombs' deflate streams are written bit by bit: a run of one byte is a dynamic-Huffman block in
 * which "copy 258 bytes from 1 back" costs 2 bits (1 GB ≈ 1 MB of deflate, in well under a second,
 * where zlib takes seconds to find what is already known).
 */
import { crc32, deflateRawSync } from 'node:zlib';

class Bits {
  private out: number[] = [];
  private acc = 0;
  private n = 0;
  /** `value`'s low `count` bits, least significant first (deflate's header fields and extra bits) */
  put(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** a Huffman code, most significant bit first */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.put((value >>> i) & 1, 1);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.n > 0 ? [...this.out, this.acc] : this.out);
  }
}

/** a literal byte in a fixed-Huffman block */
function literal(w: Bits, b: number): void {
  if (b < 144) w.code(0x30 + b, 8);
  else w.code(0x190 + (b - 144), 9);
}

/** Raw deflate of `head`, then `run` copies of `byte`, then `tail`: the shape of every bomb below. */
export function deflateRun(head: Uint8Array, byte: number, run: number, tail: Uint8Array): Uint8Array {
  const w = new Bits();
  // block 1, fixed Huffman: the head and the first byte of the run
  w.put(0, 1);
  w.put(1, 2);
  for (const b of head) literal(w, b);
  literal(w, byte);
  w.code(0, 7); // end of block (256)
  // block 2, dynamic Huffman with two length codes (256 end, 285 = length 258) and one distance (1)
  const copies = Math.floor((run - 1) / 258);
  w.put(0, 1);
  w.put(2, 2);
  w.put(29, 5); // 286 literal/length codes
  w.put(0, 5); // 1 distance code
  w.put(14, 4); // 18 code-length codes, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
  for (let i = 0; i < 18; i++) w.put(i === 2 || i === 17 ? 1 : 0, 3); // only 18 and 1 have a length (1)
  // code lengths, by the code-length code (1 → '0', 18 → '1'): 256 zeros, 1, 28 zeros, 1; then 1
  const zeros = (n: number) => {
    w.code(1, 1);
    w.put(n - 11, 7);
  };
  zeros(138);
  zeros(118);
  w.code(0, 1);
  zeros(28);
  w.code(0, 1);
  w.code(0, 1);
  for (let i = 0; i < copies; i++) {
    w.code(1, 1); // length 258
    w.code(0, 1); // distance 1
  }
  w.code(0, 1); // end of block
  // block 3, fixed, final: the rest of the run and the tail
  w.put(1, 1);
  w.put(1, 2);
  for (let i = 1 + copies * 258; i < run; i++) literal(w, byte);
  for (const b of tail) literal(w, b);
  w.code(0, 7);
  return w.bytes();
}

/** CRC-32 of `head` + `run` × `byte` + `tail`, a MB at a time */
function crcRun(head: Uint8Array, byte: number, run: number, tail: Uint8Array): number {
  let c = crc32(head);
  const mb = new Uint8Array(1 << 20).fill(byte);
  for (let left = run; left > 0; left -= mb.length) c = crc32(left >= mb.length ? mb : mb.subarray(0, left), c);
  return crc32(tail, c);
}

export interface Entry {
  name: string;
  /** deflated bytes, their unpacked size and CRC */
  deflated: Uint8Array;
  size: number;
  crc: number;
}

export const entry = (name: string, data: Uint8Array | string): Entry => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { name, deflated: new Uint8Array(deflateRawSync(bytes, { level: 1 })), size: bytes.length, crc: crc32(bytes) };
};

export function runEntry(name: string, head: string, byte: number, run: number, tail: string): Entry {
  const h = new TextEncoder().encode(head);
  const t = new TextEncoder().encode(tail);
  return { name, deflated: deflateRun(h, byte, run, t), size: h.length + run + t.length, crc: crcRun(h, byte, run, t) };
}

/** A plain zip (deflate, no data descriptors) of the given entries, with its central directory. */
export function zip(entries: Entry[]): Uint8Array {
  const enc = new TextEncoder();
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x800, true); // UTF-8 names
    h.setUint16(8, 8, true); // deflate
    h.setUint32(14, e.crc >>> 0, true);
    h.setUint32(18, e.deflated.length, true);
    h.setUint32(22, e.size >>> 0, true);
    h.setUint16(26, name.length, true);
    local.push(new Uint8Array(h.buffer), name, e.deflated);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, 8, true);
    c.setUint32(16, e.crc >>> 0, true);
    c.setUint32(20, e.deflated.length, true);
    c.setUint32(24, e.size >>> 0, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), name);
    offset += 30 + name.length + e.deflated.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Math.min(entries.length, 0xffff), true);
  end.setUint16(10, Math.min(entries.length, 0xffff), true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...local, ...central, new Uint8Array(end.buffer)]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A .docx whose `word/document.xml` is one paragraph of `mb` MB of the letter a. */
export function documentBomb(mb: number): Uint8Array {
  return zip([
    entry('[Content_Types].xml', TYPES),
    runEntry(
      'word/document.xml',
      `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`,
      0x61,
      mb * 1048576,
      '</w:t></w:r></w:p></w:body></w:document>',
    ),
  ]);
}

/** A .docx whose body nests `depth` structured-document tags, each in the one before. */
export function deepDocx(depth: number): Uint8Array {
  const open = '<w:sdt><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  return zip([
    entry('[Content_Types].xml', TYPES),
    entry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${open}<w:p/>${close}</w:body></w:document>`),
  ]);
}

/** `n` → `A`, `B`, … `Z`, `AA` */
const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** An .xlsx of one sheet with `rows` rows of `columns` numbers each, every row and cell with its reference (exceljs wants them). */
export function rowsXlsx(rows: number, columns = 1): Uint8Array {
  const cols = Array.from({ length: columns }, (_, c) => letters(c + 1));
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}">${cols.map((c) => `<c r="${c}${r}"><v>${r % 97}</v></c>`).join('')}</row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`;
  return zip([
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    entry(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    entry(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    entry('xl/worksheets/sheet1.xml', sheet),
  ]);
}

/** A zip whose one entry's deflate data is garbage (a reserved block type at its first bits). */
export function brokenZip(): Uint8Array {
  return zip([entry('[Content_Types].xml', TYPES), { name: 'word/document.xml', deflated: new Uint8Array(64).fill(0xff), size: 1000, crc: 0 }]);
}

/** A zip of `n` empty entries. */
export function manyEntries(n: number): Uint8Array {
  const empty = entry('x', '');
  return zip(Array.from({ length: n }, (_, i) => ({ ...empty, name: `word/media/${i}.xml` })));
}
