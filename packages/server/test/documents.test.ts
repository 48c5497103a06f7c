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
    const stored = (await get(`/api/evaluations/${jianyi.id}`)).json() as {
      evaluation: { layout: string; indicators: unknown[]; claimed: { total: { value: string } } };
    };
    expect(back.evaluations[0]!.project.name.raw).toBe('见义勇为基金');
    expect(back.evaluations[0]!.layout).toBe(stored.evaluation.layout);
    expect(back.evaluations[0]!.indicators).toHaveLength(stored.evaluation.indicators.length);
    // the claimed 70 kept with scores=claimed
    const claimed = await importBytes((await get(`/api/evaluations/${jianyi.id}/document?scores=claimed`)).rawPayload, 'x.docx');
    expect(Number(claimed.evaluations[0]!.claimed.total!.value)).toBe(Number(stored.evaluation.claimed.total.value));
  });

  it('computed scores by default (issue 22); .xlsx reads back too; a draft with errors is marked on every page', async () => {
    const list = (await get(`/api/evaluations?departmentId=${hebei.id}`)).json() as Array<{ id: number; project: string; total: string }>;
    const jianyi = list.find((e) => e.project === '见义勇为基金')!;
    const res = await get(`/api/evaluations/${jianyi.id}/document?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const back = await importBytes(res.rawPayload, 'x.xlsx');
    expect(Number(back.evaluations[0]!.claimed.total!.value)).toBe(Number(jianyi.total));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.headerFooter.oddHeader).toContain('草稿（未审核）');
    const { strFromU8, unzipSync } = await import('fflate');
    const docx = unzipSync(new Uint8Array((await get(`/api/evaluations/${jianyi.id}/document`)).rawPayload));
    expect(strFromU8(docx['word/header1.xml']!)).toContain('草稿（未审核）');
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

describe('before the download, and the batch', () => {
  it('status: the claimed-vs-computed differences, the drafts and the forms with errors', async () => {
    const st = (await get(`/api/departments/${hebei.id}/documents/status`)).json() as {
      differences: Array<{ seq: number; project: string; field: string; claimed: string; computed: string }>;
      drafts: Array<{ seq: number; statusLabel: string }>;
      withErrors: Array<{ seq: number; errors: number }>;
      mark: string | null;
      warning: string | null;
    };
    expect(st.differences).toContainEqual(expect.objectContaining({ seq: 3, project: '见义勇为基金', field: 'total', claimed: '70', computed: '74.26' }));
    expect(st.drafts.length).toBe(11); // the demo forms are drafts
    expect(st.drafts[0]!.statusLabel).toBe('草稿');
    expect(st.withErrors.find((f) => f.seq === 3)!.errors).toBeGreaterThanOrEqual(3);
    expect(st.mark).toBe('草稿（未审核）');
    expect(st.warning).toContain('11张自评表尚未通过单位审核');
    const one = (await get(`/api/departments/${hebei.id}/documents/status?projects=1`)).json() as { differences: unknown[] };
    expect(one.differences).toEqual([]);
  });

  it('forms.zip: a selection named 序号_项目名称_自评表, each reading back', async () => {
    const res = await get(`/api/departments/${hebei.id}/documents/forms.zip?projects=3,5&format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('_自评表.zip'));
    const { unzipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(['3_见义勇为基金_自评表.docx', '5_特困干警补贴_自评表.docx']);
    const back = await importBytes(files['3_见义勇为基金_自评表.docx']!, 'x.docx');
    expect(back.evaluations[0]!.project.name.raw).toBe('见义勇为基金');
  });

  it('as a job: progress to the end, the file once, another user gets 404', async () => {
    const start = await app.inject({ method: 'POST', url: `/api/departments/${hebei.id}/documents/forms-zip`, payload: { format: 'xlsx' } });
    expect(start.statusCode).toBe(202);
    const { job, total } = start.json() as { job: string; total: number };
    expect(total).toBe(11);
    let p = { state: 'running', done: 0, total: 11 };
    for (let k = 0; k < 100 && p.state === 'running'; k++) {
      await new Promise((r) => setTimeout(r, 50));
      p = (await get(`/api/document-jobs/${job}`)).json() as typeof p;
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    expect(p).toEqual({ state: 'done', done: 11, total: 11 });
    const other = await loginAs(server, accounts, { username: 'other-admin', role: 'admin' });
    expect((await get(`/api/document-jobs/${job}`, other)).json()).toMatchObject({ code: 'EXPORT.NO_JOB' });
    const file = await get(`/api/document-jobs/${job}/file`);
    expect(file.statusCode).toBe(200);
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(new Uint8Array(file.rawPayload)))).toHaveLength(11);
    expect((await get(`/api/document-jobs/${job}/file`)).statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: `/api/departments/${hebei.id}/documents/forms-zip`, payload: { format: 'docx', projects: [99] } });
    expect(bad.json()).toMatchObject({ code: 'EXPORT.BAD_PROJECTS' });
  });
});

describe('what the web UI reads', () => {
  it('the 汇总表 carries findings per project and the department its years', async () => {
    const years = (await get(`/api/departments/${hebei.id}/years`)).json();
    expect(years).toEqual([2023]);
    const { summary } = (await get(`/api/departments/${hebei.id}/summary?year=2023`)).json() as {
      summary: { rows: Array<{ project: string; errors: number; warnings: number; version: number }> };
    };
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

    const res = await app.inject({
      method: 'POST',
      url: `/api/departments/${hebei.id}/documents/report`,
      payload: { format: 'docx', fills: { preparation: '由县委政法委书记任组长。' } },
    });
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
