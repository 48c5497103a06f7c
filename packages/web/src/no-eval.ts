/**
 * Imported first (main.tsx): the page runs under `script-src 'self'` without 'unsafe-eval' (issue 24),
 * so zod must not compile its object parsers with `new Function`. It falls back to that itself when
 * eval is refused, but only after trying — and each try is a CSP violation report. Set before any
 * schema of the core is built, since zod decides when a schema is made.
 */
import { config } from 'zod';

config({ jitless: true });
