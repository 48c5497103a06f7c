/**
 * A report as it will be printed: the sentences written from the numbers as plain text, and each
 * slot (what numbers cannot say) as a highlighted field holding the user's text or, until then, the
 * default that the document prints highlighted.
 */
import { Input, Tag, Typography } from 'antd';
import type { ReportContent, ReportNode, ReportSection } from '@jixiao/core';

export type Fills = Record<string, string>;

function Node({ n, fills, onFill }: { n: ReportNode; fills: Fills; onFill: (id: string, text: string | null) => void }) {
  if (n.kind === 'text') return <span>{n.text}</span>;
  const filled = fills[n.id] !== undefined;
  return (
    <span className="slot" data-testid={`slot-${n.id}`}>
      <Tag color={filled ? 'green' : 'gold'} style={{ marginInlineEnd: 4 }}>
        {filled ? '已填写' : '待编辑'}：{n.label}
      </Tag>
      <Input.TextArea
        className={filled ? 'slot-input filled' : 'slot-input'}
        autoSize={{ minRows: 1, maxRows: 8 }}
        value={fills[n.id] ?? n.text}
        aria-label={n.label}
        onChange={(e) => onFill(n.id, e.target.value === n.text ? null : e.target.value)}
      />
    </span>
  );
}

function Section({ s, depth, fills, onFill }: { s: ReportSection; depth: number; fills: Fills; onFill: (id: string, text: string | null) => void }) {
  return (
    <section>
      <Typography.Title level={Math.min(5, depth + 4) as 4 | 5}>{s.title}</Typography.Title>
      {s.content.length > 0 && (
        <Typography.Paragraph>
          {s.content.map((n, i) => (
            <span key={i}>
              {/* a part that starts a paragraph of its own in the document starts a line here */}
              {n.paragraph && i > 0 && <br />}
              <Node n={n} fills={fills} onFill={onFill} />
            </span>
          ))}
        </Typography.Paragraph>
      )}
      {s.sections.map((c) => (
        <Section key={c.id} s={c} depth={depth + 1} fills={fills} onFill={onFill} />
      ))}
    </section>
  );
}

export function ReportPreview({ content, fills, onFill }: { content: ReportContent; fills: Fills; onFill: (id: string, text: string | null) => void }) {
  return (
    <div className="report-preview" data-testid={`report-preview-${content.kind}`}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {content.title}
      </Typography.Title>
      {content.sections.map((s) => (
        <Section key={s.id} s={s} depth={0} fills={fills} onFill={onFill} />
      ))}
    </div>
  );
}

/** Slots still showing their default text. */
export function openSlots(content: ReportContent, fills: Fills): number {
  let n = 0;
  const walk = (s: ReportSection) => {
    for (const c of s.content) if (c.kind === 'slot' && fills[c.id] === undefined) n++;
    s.sections.forEach(walk);
  };
  content.sections.forEach(walk);
  return n;
}
