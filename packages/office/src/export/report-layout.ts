/**
 * The 整体绩效自评工作报告 and the 决算公开绩效情况说明 as documents: the section tree of the report
 * content, sentences as written from the numbers, slots as the user's text or — while still unwritten —
 * their default text highlighted, so an unfinished report cannot pass for a finished one. The
 * disclosure carries the chosen projects' forms after it, each in its own layout.
 */
import type { ReportContent, ReportSection } from '@jixiao/core';
import type { DocBlock, OfficialDocument, TextPart } from './document-model.ts';

export interface ReportDocumentOptions {
  /** the user's text per slot id */
  fills?: Readonly<Record<string, string>>;
  /** documents appended after the text (the disclosure's attached forms) */
  attachments?: readonly OfficialDocument[];
}

export function reportDocument(c: ReportContent, opts: ReportDocumentOptions = {}): OfficialDocument {
  const fills = opts.fills ?? {};
  const blocks: DocBlock[] = [{ kind: 'title', text: c.title }];
  const walk = (s: ReportSection) => {
    blocks.push({ kind: 'heading', text: s.title });
    const part = (n: ReportSection['content'][number]): TextPart =>
      n.kind === 'text' ? { text: n.text } : fills[n.id] !== undefined ? { text: fills[n.id]! } : { text: n.text, mark: true };
    if (s.id === 'attachments') {
      // the list of attached forms: one numbered line each, not one run-on sentence
      s.content.forEach((n, i) => blocks.push({ kind: 'paragraph', text: `附件${i + 1}：${part(n).text}`, indent: true }));
    } else {
      // nodes run on in one paragraph until one starts a paragraph of its own (a 综述's 问题, 措施)
      const paragraphs: TextPart[][] = [];
      for (const n of s.content) {
        if (n.paragraph || paragraphs.length === 0) paragraphs.push([]);
        paragraphs[paragraphs.length - 1]!.push(part(n));
      }
      for (const parts of paragraphs) blocks.push({ kind: 'paragraph', text: parts.map((p) => p.text).join(''), parts, indent: true });
    }
    s.sections.forEach(walk);
  };
  c.sections.forEach(walk);
  return {
    name: c.title,
    sections: [{ blocks }, ...(opts.attachments ?? []).flatMap((d) => d.sections)],
  };
}
