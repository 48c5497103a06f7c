/** Loading, error and empty states, the same on every page. */
import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { SupportDetail } from './support-detail.tsx';

export function ErrorView({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={code ? <SupportDetail items={[code]} /> : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      data-testid="error-view"
    />
  );
}

/** Shows the skeleton while the first load runs, the error if any, the empty state, else the content. */
export function Loaded<T>({
  state,
  empty,
  children,
}: {
  state: { loading: boolean; error: Error | null; data: T | undefined; reload: () => void };
  empty?: (d: T) => ReactNode | false;
  children: (d: T) => ReactNode;
}) {
  if (state.error && state.data === undefined) return <ErrorView error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Skeleton active paragraph={{ rows: 8 }} />;
  const e = empty?.(state.data);
  return (
    <>
      {state.error && <ErrorView error={state.error} onRetry={state.reload} />}
      {e ? e : children(state.data)}
    </>
  );
}

export function EmptyView({ text, action }: { text: string; action?: ReactNode }) {
  return <Empty description={text}>{action}</Empty>;
}
