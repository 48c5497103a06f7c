/**
 * The answers of the API as its contract says (core/src/api): each route's `response` schemas, the
 * check that what a route sends is what its schema says, and the record of every route declared.
 *
 * How a route states its answers: `response: answers({ 200: contract.FormView })` — the success
 * statuses it sends with their schema (a new shape goes into core/src/api, built from the model's
 * schemas), and `answers` adds the one error shape `{code, message, details}` for 4xx and 5xx. A
 * download declares `contract.FileDownload` and sends bytes (never serialised).
 *
 * Checking costs: zod parses the whole answer (a form view is ≈ 18 k characters of JSON). So the answers
 * are checked where a mismatch must fail — the tests (vitest), or `JIXIAO_CHECK_RESPONSES=1` — and
 * otherwise written with JSON.stringify, as they were before they had schemas (bench/README.md, api).
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { contract } from '@jixiao/core';

/** The success answers of a route, and the one error shape for every refusal and fault. */
export function answers<const R extends Record<number, z.ZodType>>(ok: R): R & { '4xx': typeof contract.ApiErrorBody; '5xx': typeof contract.ApiErrorBody } {
  return { ...ok, '4xx': contract.ApiErrorBody, '5xx': contract.ApiErrorBody };
}

/** An answer that is not what its route's schema says: a fault of the server, found by the tests. */
export class ResponseContractError extends Error {
  readonly code = 'RESPONSE.CONTRACT';
  constructor(
    readonly route: string,
    readonly status: number,
    readonly problem: string,
  ) {
    super(`${route} 的 ${status} 回答与接口约定不符：${problem}`);
  }
}

/** Whether answers are checked against their schemas by default: under the tests, or when asked. */
export const checkResponsesByDefault = (env: Record<string, string | undefined>): boolean =>
  env.JIXIAO_CHECK_RESPONSES === '1' || (env.VITEST !== undefined && env.JIXIAO_CHECK_RESPONSES !== '0');

/**
 * Fastify's serializer for routes with a response schema. Checking: zod must accept the answer, and
 * must keep it as it is — a field the schema does not name would be stripped by zod (and a default or a
 * transform would change it), so it is a mismatch too, not silently dropped.
 */
export function responseSerializer(check: boolean) {
  return ({ schema, method, url, httpStatus }: { schema: unknown; method: string; url: string; httpStatus?: string | undefined }) => {
    if (!check) return (data: unknown) => JSON.stringify(data);
    const s = schema as z.ZodType;
    const route = `${method} ${url}`;
    return (data: unknown) => {
      const r = s.safeParse(data);
      if (!r.success) {
        const i = r.error.issues[0]!;
        throw new ResponseContractError(route, Number.parseInt(httpStatus ?? '', 10) || 0, `${i.path.join('.') || '(整体)'}：${i.message}`);
      }
      const diff = difference(data, r.data, '');
      if (diff) throw new ResponseContractError(route, Number.parseInt(httpStatus ?? '', 10) || 0, diff);
      return JSON.stringify(data);
    };
  };
}

/** Where `kept` (zod's output) differs from `sent`, as JSON would carry them (an undefined field is absent); null when nowhere. */
function difference(sent: unknown, kept: unknown, path: string): string | null {
  if (sent === kept) return null;
  if (Array.isArray(sent)) {
    if (!Array.isArray(kept) || kept.length !== sent.length) return `${path || '(整体)'}：不是约定的数组`;
    for (let i = 0; i < sent.length; i++) {
      const d = difference(sent[i], kept[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (sent !== null && typeof sent === 'object' && kept !== null && typeof kept === 'object') {
    const a = sent as Record<string, unknown>;
    const b = kept as Record<string, unknown>;
    for (const k of Object.keys(a)) {
      if (a[k] === undefined) continue;
      if (b[k] === undefined) return `${path}.${k}：约定中没有这个字段`;
      const d = difference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
    for (const k of Object.keys(b)) if (b[k] !== undefined && a[k] === undefined) return `${path}.${k}：由约定补上，回答中没有`;
    return null;
  }
  return `${path || '(整体)'}：约定改变了这个值`;
}

/**
 * Checking, an answer's status must be declared too: fastify serialises a status without a schema
 * (a 200 from a route that declares its 201) unchecked, which would let it through silently.
 */
export function requireDeclaredStatus(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const response = (reply.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
    const code = reply.statusCode;
    if (!response || response[code] || response[`${String(code)[0]}xx`] || response.default) return payload;
    throw new ResponseContractError(`${req.method} ${reply.routeOptions.url ?? req.url}`, code, '这个状态码没有在约定中声明');
  });
}

const declared = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Keeps every route the app declares (onRoute), for the tests that hold each to its contract. */
export function recordRoutes(app: FastifyInstance): void {
  const list: RouteOptions[] = [];
  declared.set(app, list);
  app.addHook('onRoute', (r) => void list.push(r));
}

/** The routes declared on the app, as recorded since `recordRoutes`. */
export const declaredRoutes = (app: FastifyInstance): readonly RouteOptions[] => declared.get(app) ?? [];

/**
 * The OpenAPI document with the contract's named schemas under components (each answer's schema is
 * written once and referred to), keeping only those the routes refer to: zod's registry also gives
 * every named schema an input twin that no route uses.
 */
export function contractDocument(input: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const doc = jsonSchemaTransformObject(input);
  // a fresh object of this call (jsonSchemaTransformObject spreads it): pruned in place
  const schemas = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (v: unknown) => {
    for (const m of JSON.stringify(v ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      if (!used.has(m[1]!)) {
        used.add(m[1]!);
        visit(schemas[m[1]!]);
      }
  };
  visit(doc.paths);
  for (const k of Object.keys(schemas)) if (!used.has(k)) delete schemas[k];
  return doc;
}
