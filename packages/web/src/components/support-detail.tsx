/**
 * The codes behind a message, for whoever helps the user: folded away under 技术信息 and copyable, never
 * part of the text a person reads (issue 23: codes stay in the API, the CLI and this detail).
 */
import { Typography } from 'antd';

export function SupportDetail({ items }: { items: ReadonlyArray<string | null | undefined> }) {
  const text = items.filter(Boolean).join(' · ');
  if (!text) return null;
  return (
    <details className="support-detail" data-testid="support-detail">
      <summary>技术信息</summary>
      <Typography.Text type="secondary" copyable={{ text, tooltips: ['复制', '已复制'] }} style={{ fontSize: 12 }}>
        <code>{text}</code>
      </Typography.Text>
    </details>
  );
}
