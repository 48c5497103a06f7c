/**
 * The rules by which generated Chinese text is composed — written once, for every document (the
 * 整体绩效自评工作报告, the 决算公开绩效情况说明, the notes under tables): sentences end in one
 * full stop, clauses are joined by ；, lists by 、, a project's name is quoted once and never followed
 * by a second 项目, a count of nothing is said as a reader says it (均未…, not "0个项目…"), and a number
 * stays on the line of its unit. Pieces written by people (偏差原因, 存在问题) are taken as they are,
 * only their ends are trimmed of punctuation so that joining them does not double it.
 */

/** Sentence-final marks; a sentence ending in one of these (or one then a closing quote) is complete. */
const FINAL = /[。！？!?…]["”’」』）)]*$/;
/** Marks that end a clause but not a sentence; dropped when the clause is joined into a longer one. */
const WEAK_END = /[，,；;、：:\s]+$/;

/** A piece of text without its trailing clause or sentence mark: ready to be joined. */
export function clause(text: string): string {
  return text
    .trim()
    .replace(WEAK_END, '')
    .replace(/[。．.]+$/, '')
    .trim();
}

/** One complete sentence: trailing commas or semicolons replaced by a single 。; an existing end kept. */
export function sentence(text: string): string {
  const t = text.trim().replace(WEAK_END, '');
  if (t === '') return '';
  return FINAL.test(t) ? t : `${t}。`;
}

/** Items of a list joined by 、 (each trimmed of its own end marks; empty items dropped). */
export function list(items: readonly string[]): string {
  return items
    .map(clause)
    .filter((t) => t !== '')
    .join('、');
}

/**
 * Pieces written separately (the 偏差原因 of each indicator, a form's 存在问题) as one paragraph:
 * duplicates and 无/没有 dropped; single clauses joined by ；and closed by 。, and where a piece is itself
 * several sentences, every piece is made a sentence of its own (a ；after a 。 is never written).
 */
export function paragraph(pieces: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const p of pieces) {
    const c = clause(p);
    if (c === '' || /^(无|没有|无偏差|\/|—+|-+)$/.test(c) || seen.has(c)) continue;
    seen.add(c);
    kept.push(c);
  }
  if (kept.length === 0) return '';
  if (kept.some((c) => /[。！？!?]/.test(c))) return kept.map(sentence).join('');
  return sentence(kept.join('；'));
}

/** Sentences one after another, each closed once (a label such as 下一步改进措施： starts its own). */
export function sentences(parts: readonly string[]): string {
  return parts
    .map(sentence)
    .filter((t) => t !== '')
    .join('');
}

/**
 * A name in quotation marks: “…” once. A name that is already quoted whole keeps its marks; quotes
 * inside it become the inner ‘…’ of Chinese usage (“2023年‘雪亮安防工程’运行维护费”).
 */
export function quote(name: string): string {
  let t = name.trim();
  const whole = /^[“"]([^“”"]*)[”"]$/.exec(t);
  if (whole) t = whole[1]!;
  t = t.replace(/[“"]([^“”"]*)[”"]/g, '‘$1’');
  return `“${t}”`;
}

/** "X项目" without a doubled 项目: a name that already ends in 项目 is not given a second one. */
export function projectNoun(name: string): string {
  const t = name.trim();
  return /项目$/.test(t) ? t : `${t}项目`;
}

/**
 * A title as a document prints it, from the one the filler wrote: a word written twice in a row once
 * (“雪亮工程”建设项目项目支出绩效自评表 → …建设项目支出绩效自评表), a title written twice over once. Only the
 * print is composed; the stored value stays as written (a reviewer sees what was filed). Words of two
 * to eight Chinese characters are undoubled: a single doubled character is often Chinese (常常, 县县).
 */
export function printedTitle(text: string): string {
  const t = text.trim();
  const twice = /^(.+?)\s*\1$/u.exec(t);
  const once = twice ? twice[1]!.trim() : t;
  return once.replace(/([\u4e00-\u9fff]{2,8})\1+/gu, '$1');
}

export interface CountPhrase {
  /** how many there are in all */
  total: number;
  /** how many of them do what the verb says */
  count: number;
  /** the thing counted, e.g. 项目 */
  noun: string;
  /** what they do, e.g. 达到满分 */
  verb: string;
  /** the measure word, 个 by default */
  unit?: string;
}

/**
 * How many of a whole do something, as a reader says it: "11个项目中，2个达到满分", "3个项目均达到满分",
 * "3个项目均未达到满分", "该项目未达到满分" — never "0个项目达到满分".
 */
export function countPhrase({ total, count, noun, verb, unit = '个' }: CountPhrase): string {
  if (total === 0) return `没有${noun}`;
  if (total === 1) return count === 1 ? `该${noun}${verb}` : `该${noun}未${verb}`;
  if (count === 0) return `${total}${unit}${noun}均未${verb}`;
  if (count === total) return `${total}${unit}${noun}均${verb}`;
  return `${total}${unit}${noun}中，${count}${unit}${verb}`;
}

/** The units a number is printed with in the documents; a line never breaks between the two. */
const UNIT = '(?:万元|元|分|个|项|处|%|％|年度|年|人|次|户|天|月|日)';
const NUMBER_UNIT = new RegExp(`([0-9０-９]+(?:[.．][0-9０-９]+)?)(${UNIT})`, 'g');
/** U+2060 WORD JOINER: invisible, forbids a line break where it stands (UAX #14 class WJ). */
export const WORD_JOINER = '\u2060';

/**
 * The text cut into pieces, each number with its unit a piece of its own (`keep`, word joiners
 * inside): a typesetter whose Chinese line breaking ignores the word joiner (LibreOffice breaks
 * between any two characters of zh-CN text, even inside 95.84) is given these as runs it breaks by
 * the Unicode rules, which keep them whole.
 */
export function numberUnitPieces(text: string): Array<{ text: string; keep: boolean }> {
  const out: Array<{ text: string; keep: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER_UNIT)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), keep: false });
    out.push({ text: keepUnits(m[0]), keep: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), keep: false });
  return out;
}

/**
 * The text with a word joiner between every number and its unit (95.84⁠分, 6.695⁠万⁠元), so that a
 * typesetter never puts the unit at the start of the next line. For documents only: text a program
 * reads back (an import, a comparison) is kept without them.
 */
export function keepUnits(text: string): string {
  return text.replace(NUMBER_UNIT, (_, n: string, u: string) => `${n}${WORD_JOINER}${u.split('').join(WORD_JOINER)}`);
}
