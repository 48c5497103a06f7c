#!/usr/bin/env node
// The packages export TypeScript source (DESIGN.md); tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
