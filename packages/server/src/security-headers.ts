/**
 * Headers on every response (issue 24, "no script from data"): whatever text a user stored, a page of
 * this server runs only the scripts it serves itself.
 *
 * - `script-src 'self'`: no inline script, no eval, no other origin. The built UI (Vite) and the
 *   OpenAPI page (/docs) load only script files; a test (security.test.ts) keeps the built
 *   index.html free of inline script. An injected `<img onerror=…>` or `javascript:` link does not run.
 * - `style-src 'unsafe-inline'`: antd writes its CSS-in-JS as <style> elements and ECharts' SVG sets
 *   style attributes; styles cannot run code.
 * - `img-src data:`: the favicon and the charts' exports are data URLs.
 * - `frame-ancestors 'none'` with X-Frame-Options for older browsers: no clickjacking through a frame.
 * - nosniff: an uploaded original downloaded from /api/source-files is never read as HTML or script.
 * - Referrer-Policy: a form's address (its id) does not leak to another site.
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** onSend runs for every reply — routes, static files, 404s, errors, malformed requests. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) void reply.header(k, v);
    return payload;
  });
}
