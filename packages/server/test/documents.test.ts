/**
 * Document downloads through the real app on a real SQLite file with the demo data: the bytes that come
 * back open in the real readers (the importer reads the .docx/.xlsx back to the stored form), and bad
 * requests get coded Chinese errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBytes, PdfConverter } from '@jixiao/office';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';

let server: FastifyInstance;
let bareServer: FastifyInstance;
/** an administrator's session on each */
let app: Client;
let bare: Client;
let accounts: KyselyAccountStore;
let store: KyselyStore;
const pdf = new PdfConverter({ workers: 1 });
let hebei: { id: number; name: string };

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-docs-')), 'jixiao.sqlite')));
  await loadDemo(store);
  accounts = new KyselyAccountStore(store.conn);
  server = await buildApp({ store, accounts, database: 'sqlite', pdf });
  bareServer = await buildApp({ store, accounts, database: 'sqlite' });
  app = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
  bare = await loginAs(bareServer, accounts, { username: 'admin', role: 'admin' });
  const depts = (await app.inject({ method: 'GET', url: '/api/departments' })).json() as Array<{ id: number; name: string }>;
  hebei = depts.find((d) => d.name.includes('大厂'))!;
});
afterAll(async () => {
  await server.close();
  await bareServer.close();
  await pdf.close();
  await store.close();
});

const get = (url: string, a: Client = app) => a.inject({ method: 'GET', url });

describe('a form', () => {
  it('.docx in its layout, named for the project, reads back to the stored form', async () => {
    const list = (await get(`/api/evaluations?departmentId=${hebei.id}`)).json() as Array<{ id: number; project: string }>;
    const jianyi = list.find((e) => e.project === '见义勇为基金')!;
    const res = await get(`/api/evaluations/${jianyi.id}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('见义勇为基金绩效自评表.docx'));
    const back = await importBytes(res.rawPayload, 'x.docx');
    const stored = (await get(`/api/evaluations/${jianyi.id}`)).json() as { evaluation: { layout: string; indicators: unknown[]; claimed: { total: { value: string } } } };
    expect(back.evaluations[0]!.project.name.raw).toBe('见义勇为基金');
    expect(back.evaluations[0]!.layout).toBe(stored.evaluation.layout);
    expect(back.evaluations[0]!.indicators).toHaveLength(stored.evaluation.indicators.length);
    expect(back.evaluations[0]!.claimed.total!.value).toBe(stored.evaluation.claimed.total.value); // the claimed 70 kept by default
  });

  it('scores=computed prints the recomputed total; .xlsx reads back too', async () => {
    const list = (await get(`/api/evaluations?departmentId=${hebei.id}`)).json() as Array<{ id: number; project: string; total: string }>;
    const jianyi = list.find((e) => e.project === '见义勇为基金')!;
    const res = await get(`/api/evaluations/${jianyi.id}/document?format=xlsx&scores=computed`);
    expect(res.statusCode).toBe(200);
    const back = await importBytes(res.rawPayload, 'x.xlsx');
    expect(Number(back.evaluations[0]!.claimed.total!.value)).toBe(Number(jianyi.total));
  });

  it('unknown form 404, unknown format 400', async () => {
    expect((await get('/api/evaluations/99999/document')).json()).toMatchObject({ code: 'STORE.NOT_FOUND' });
    const bad = await get('/api/evaluations/1/document?format=doc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('REQUEST.INVALID');
  });
});

describe('department documents', () => {
  it('汇总表 .xlsx: numbers in cells and a SUM 合计', async () => {
    const res = await get(`/api/departments/${hebei.id}/documents/summary?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const total = ws.getColumn(1).values.indexOf('合计');
    expect((ws.getCell(total, 3).value as { formula: string; result: number }).result).toBe(459.11);
    expect(ws.getCell(2, 1).value).toContain(hebei.name);
  });

  it('决算公开说明 .docx with the chosen projects attached', async () => {
    const res = await get(`/api/departments/${hebei.id}/documents/disclosure?projects=1,3`);
    expect(res.statusCode).toBe(200);
    const back = await importBytes(res.rawPayload, 'x.docx');
    expect(back.texts.map((t) => t.kind)).toEqual(['disclosure']);
    expect(back.evaluations.map((e) => e.project.name.raw)).toEqual(['社会治安综合治理工作经费', '见义勇为基金']);
  });

  it('bad requests: a report as .xlsx, projects out of range, an unknown department', async () => {
    const xlsx = await get(`/api/departments/${hebei.id}/documents/report?format=xlsx`);
    expect(xlsx.statusCode).toBe(422);
    expect(xlsx.json()).toMatchObject({ code: 'EXPORT.FORMAT_UNSUPPORTED', message: expect.stringContaining('docx') });
    const range = await get(`/api/departments/${hebei.id}/documents/disclosure?projects=1,99`);
    expect(range.statusCode).toBe(422);
    expect(range.json().code).toBe('EXPORT.BAD_PROJECTS');
    expect((await get('/api/departments/99999/documents/summary')).statusCode).toBe(404);
    expect((await get(`/api/departments/${hebei.id}/documents/summary?year=1999`)).json().code).toBe('EXPORT.NO_FORMS');
  });

  it('PDF without a converter configured: 503 with a way out', async () => {
    const res = await get(`/api/departments/${hebei.id}/documents/summary?format=pdf`, bare);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'EXPORT.CONVERTER_MISSING', message: expect.stringContaining('docx') });
  });

  const soffice = spawnSync('soffice', ['--version']).status === 0;
  it.skipIf(!soffice)('整体自评报告 as PDF through LibreOffice', { timeout: 120_000 }, async () => {
    const res = await get(`/api/departments/${hebei.id}/documents/report?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('what the web UI reads', () => {
  it('the 汇总表 carries findings per project and the department its years', async () => {
    const years = (await get(`/api/departments/${hebei.id}/years`)).json();
    expect(years).toEqual([2023]);
    const { summary } = (await get(`/api/departments/${hebei.id}/summary?year=2023`)).json() as { summary: { rows: Array<{ project: string; errors: number; warnings: number; version: number }> } };
    const jianyi = summary.rows.find((r) => r.project === '见义勇为基金')!;
    // A4 ×3 (rows 0, 3, 6) and A5.RULE_TOTAL are errors on this form (see packages/core/test/seed-audit.test.ts).
    expect(jianyi.errors).toBeGreaterThanOrEqual(3);
    expect(jianyi.version).toBe(1);
    expect((await get('/api/departments/99999/years')).statusCode).toBe(404);
  });

  it('report content with its slots; the slot texts the user wrote go into the .docx (POST)', async () => {
    const content = (await get(`/api/departments/${hebei.id}/report-content?kind=report`)).json() as { title: string; sections: unknown[] };
    expect(content.title).toContain('整体绩效自评工作报告');
    expect(JSON.stringify(content)).toContain('"kind":"slot","id":"preparation"');
    const disclosure = (await get(`/api/departments/${hebei.id}/report-content?kind=disclosure&projects=3`)).json() as { attachments: number[] };
    expect(disclosure.attachments).toEqual([2]);
    expect((await get(`/api/departments/${hebei.id}/report-content?kind=disclosure&projects=99`)).json()).toMatchObject({ code: 'EXPORT.BAD_PROJECTS' });

    const res = await app.inject({ method: 'POST', url: `/api/departments/${hebei.id}/documents/report`, payload: { format: 'docx', fills: { preparation: '由县委政法委书记任组长。' } } });
    expect(res.statusCode).toBe(200);
    const { strFromU8, unzipSync } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!);
    expect(xml).toContain('由县委政法委书记任组长。');
    const bad = await app.inject({ method: 'POST', url: `/api/departments/${hebei.id}/documents/report`, payload: { format: 'xlsx' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'EXPORT.FORMAT_UNSUPPORTED' });
  });

  it('serves the built UI at /, or says how to build it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>jixiao</title>');
    const withUi = await buildApp({ store, accounts, database: 'sqlite', webRoot: dir });
    const page = await withUi.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    // without a session the API answers 401 — the page itself is public, it shows the login
    expect((await withUi.inject({ method: 'GET', url: '/api/departments' })).json()).toMatchObject({ code: 'AUTH.REQUIRED' });
    await withUi.close();
    const without = await buildApp({ store, accounts, database: 'sqlite', webRoot: join(dir, 'missing') });
    expect((await without.inject({ method: 'GET', url: '/' })).body).toContain('npm run build');
    await without.close();
  });
});
