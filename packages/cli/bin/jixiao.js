#!/usr/bin/env node
// The packages export TypeScript source (docs/architecture.md); tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
