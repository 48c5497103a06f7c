// Entry of a parse worker thread. The packages are TypeScript run by tsx (see packages/cli/bin), and a
// worker starts with a fresh module loader, so tsx is registered here before the worker's code loads.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
