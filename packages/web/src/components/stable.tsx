/**
 * Renders its children again only when one of `deps` changed (Object.is). The editor re-scores on every
 * key; the parts of the form a key did not touch keep their rendered inputs instead of redrawing them.
 */
import { memo, type ReactNode } from 'react';

export const Stable = memo(
  function Stable({ children }: { deps: readonly unknown[]; children: () => ReactNode }) {
    return <>{children()}</>;
  },
  (a, b) => a.deps.length === b.deps.length && a.deps.every((d, i) => Object.is(d, b.deps[i])),
);
