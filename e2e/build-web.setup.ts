/**
 * vitest's globalSetup: the web UI is built once, before any test file runs. The browser test files run
 * side by side; each building a stale dist/ itself, two Vite builds emptied and wrote the same directory
 * while another file's server was serving it.
 */
import { ensureWebBuild } from '../packages/web/scripts/ensure-build.ts';

export default function setup(): void {
  ensureWebBuild((s) => process.stdout.write(s));
}
