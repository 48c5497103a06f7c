/**
 * The API's contract (issue 25): every route declares what it answers, the OpenAPI document lists every
 * route with its answers, and an answer that is not what its schema says fails — here, and in every test
 * of the server, which checks every answer (contract.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { answers, declaredRoutes } from '../src/contract.ts';
import { loginAs, type Client } from './session.ts';

let server: FastifyInstance;
let store: KyselyStore;
let accounts: KyselyAccountStore;
let admin: Client;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-contract-')), 'jixiao.sqlite')));
  await loadDemo(store);
  accounts = new KyselyAccountStore(store.conn);
  server = await buildApp({ store, accounts, database: 'sqlite' });
  admin = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

/** The routes of the API (HEAD routes are fastify's copies of the GETs). */
const apiRoutes = () =>
  declaredRoutes(server)
    .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
    .map((r) => ({ method: String(r.method), url: r.url, schema: (r.schema ?? {}) as Record<string, unknown> }));

describe('every route declares its contract', () => {
  it('the routes are recorded as the app declares them', () => {
    expect(apiRoutes().length).toBeGreaterThan(40);
    // the only other routes are the documentation's own
    const others = declaredRoutes(server).filter((r) => !r.url.startsWith('/api/'));
    expect(others.every((r) => r.url.startsWith('/docs'))).toBe(true);
  });

  it('each /api route has tags, a Chinese summary, a success answer and the one error shape for 4xx and 5xx', () => {
    const missing: string[] = [];
    for (const r of apiRoutes()) {
      const name = `${r.method} ${r.url}`;
      const response = r.schema.response as Record<string, unknown> | undefined;
      if (!response) {
        missing.push(`${name}: no response schema`);
        continue;
      }
      if (!Object.keys(response).some((k) => /^2\d\d$/.test(k))) missing.push(`${name}: no 2xx answer`);
      if (response['4xx'] !== contract.ApiErrorBody || response['5xx'] !== contract.ApiErrorBody) missing.push(`${name}: errors not {code, message, details}`);
      if (!Array.isArray(r.schema.tags) || r.schema.tags.length === 0) missing.push(`${name}: no tags`);
      if (!/[\u4e00-\u9fa5]/.test(String(r.schema.summary ?? ''))) missing.push(`${name}: no Chinese summary`);
    }
    expect(missing).toEqual([]);
  });

  it('the OpenAPI document at /docs/json has every route, its summary and its answers', async () => {
    const doc = (await admin.inject('/docs/json')).json() as {
      components: { schemas: Record<string, unknown> };
      paths: Record<
        string,
        Record<string, { summary?: string; tags?: string[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >;
    };
    const absent: string[] = [];
    for (const r of apiRoutes()) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      if (!op) {
        absent.push(`${r.method} ${path}`);
        continue;
      }
      const codes = Object.keys(op.responses ?? {});
      if (!op.summary || !op.tags?.length || !codes.some((c) => /^2\d\d$/.test(c)) || !codes.some((c) => /^4/i.test(c)))
        absent.push(`${r.method} ${path}: ${codes.join(',')}`);
    }
    expect(absent).toEqual([]);
    // the answers are described, not just named: each shape once, under components, the form's answer with the model's own schema
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, { properties?: Record<string, unknown> }> }>;
    expect(doc.paths['/api/evaluations/{id}']!.get!.responses!['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/FormView' });
    expect(doc.paths['/api/evaluations/{id}']!.get!.responses!['4XX']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ApiErrorBody',
    });
    expect(Object.keys(schemas.FormView!.properties)).toEqual(expect.arrayContaining(['evaluation', 'score', 'findings', 'permissions', 'previousYear']));
    // the document is one of the kinds' schemas: the 自评表's with its budget and claims, the goal form's with its money block
    const kinds = (schemas.FormView!.properties.evaluation as { anyOf?: Array<{ properties?: Record<string, unknown> }> }).anyOf ?? [];
    expect(kinds.map((k) => Object.keys(k.properties ?? {}))).toEqual(
      expect.arrayContaining([expect.arrayContaining(['indicators', 'budget', 'claimed']), expect.arrayContaining(['indicators', 'money', 'kind'])]),
    );
    expect(Object.keys(schemas.ApiErrorBody!.properties)).toEqual(['code', 'message', 'details']);
    // every schema referred to is there, and none is there unreferred
    const refs = new Set([...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    expect([...refs].filter((r) => !schemas[r!])).toEqual([]);
    expect(Object.keys(schemas).filter((k) => !refs.has(k))).toEqual([]);
    // a download is bytes of its own media type
    expect(Object.keys(doc.paths['/api/departments/{id}/documents/forms.zip']!.get!.responses!['200']!.content!)).toEqual(['application/zip']);
  });
});

describe('an answer that is not what its schema says fails', () => {
  /** An app with one probe route answering what it is given (with a status), its answers checked or not. */
  async function probe(checkResponses: boolean | undefined, answer: unknown, status = 200) {
    const s = new KyselyStore(await connect(':memory:'));
    const app = await buildApp({ store: s, accounts: new KyselyAccountStore(s.conn), ...(checkResponses !== undefined && { checkResponses }) });
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(
        '/probe',
        { schema: { tags: ['测试'], summary: '探针', response: answers({ 200: z.object({ name: z.string(), n: z.number().optional() }) }) } },
        (_req, reply) => reply.code(status).send(answer as { name: string }),
      );
    const res = await app.inject('/probe');
    await app.close();
    await s.close();
    return res;
  }

  it('under the tests, answers are checked by default: a matching answer passes as sent', async () => {
    const res = await probe(undefined, { name: '项目' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: '项目' });
  });

  it('a field the schema does not name is a 500 RESPONSE.CONTRACT naming it, not silently stripped', async () => {
    const res = await probe(undefined, { name: '项目', passwordHash: 'scrypt$…' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'RESPONSE.CONTRACT', details: { route: 'GET /probe', status: 200 } });
    expect(res.json().details.problem).toContain('.passwordHash');
    expect(res.body).not.toContain('scrypt');
  });

  it('a value of the wrong type, or a missing field, is a 500 RESPONSE.CONTRACT', async () => {
    expect((await probe(undefined, { name: 3 })).json()).toMatchObject({ code: 'RESPONSE.CONTRACT' });
    expect((await probe(undefined, { n: 3 })).json()).toMatchObject({ code: 'RESPONSE.CONTRACT' });
  });

  it('a status the route does not declare is a 500 RESPONSE.CONTRACT, not an unchecked answer', async () => {
    const res = await probe(undefined, { name: '项目' }, 201);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'RESPONSE.CONTRACT', details: { status: 201 } });
  });

  it('unchecked (production default), the answer is written as it is, with JSON.stringify', async () => {
    const res = await probe(false, { name: '项目', extra: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: '项目', extra: 1 });
  });

  it('an error answer is checked against the one error shape too', async () => {
    const res = await admin.inject('/api/evaluations/999999');
    expect(res.statusCode).toBe(404);
    expect(contract.ApiErrorBody.strict().parse(res.json()).code).toBe('STORE.NOT_FOUND');
  });
});
