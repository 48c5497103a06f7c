/**
 * Regenerates the screenshots of the web UI shown in the README (docs/images/web-*.png) at 1366×768, on
 * the demo data (the four seed files): 部门总览, 自评表编辑 with a finding open, 导入 preview, 文档 with the
 * report's slots, and the finance review of an approved form. Usage: npx tsx e2e/screenshots.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, login, startApp } from './harness.ts';

const out = join(import.meta.dirname, '../docs/images');
const app = await startApp({ demo: true });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await app.addUser('admin', 'admin');
await login(page, app.url, 'admin');
const hebei = (await app.store.listDepartments()).find((d) => d.name.includes('大厂'))!;
const jianyi = (await app.store.listEvaluations({ departmentId: hebei.id })).find((e) => e.evaluation.project.name.raw === '见义勇为基金')!;

await page.goto(`${app.url}/#/overview?dept=${hebei.id}&year=2023`);
await page.getByTestId('summary-table').waitFor();
await page.waitForTimeout(600);
await page.screenshot({ path: join(out, 'web-overview.png') });

await page.goto(`${app.url}/#/evaluations/${jianyi.id}`);
await page.getByTestId('indicator-table').waitFor();
await page.getByTestId('indicator-row-0').getByLabel('实际完成值（第 1 个指标）').fill('3人次');
await page.getByTestId('indicator-table').scrollIntoViewIfNeeded();
await page.getByTestId('indicator-row-0').getByTestId('finding-A4').click();
await page.waitForTimeout(400);
await page.screenshot({ path: join(out, 'web-editor.png') });
await page.keyboard.press('Escape');

await page.goto(`${app.url}/#/import`);
await page.getByRole('button', { name: /^离\s*开$/ }).click();
await page.locator('[data-testid="dropzone"] input[type=file]').setInputFiles([
  {
    name: 'ningxia-yanchi-xianweiban-2022.docx',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(join(import.meta.dirname, '../fixtures/office/ningxia-yanchi-xianweiban-2022.docx')),
  },
  { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
]);
await page.getByTestId('recognise').click();
await page.getByTestId('import-preview').waitFor();
await page.waitForTimeout(400);
await page.screenshot({ path: join(out, 'web-import.png') });

await page.goto(`${app.url}/#/documents?dept=${hebei.id}&year=2023`);
await page.getByRole('tab', { name: '整体绩效自评工作报告' }).click();
await page.getByTestId('slot-preparation').waitFor();
await page.getByTestId('slot-preparation').locator('textarea').fill('由县委政法委分管副书记任组长，办公室、财务室负责人为成员，分工核对账目和指标完成情况。');
await page.waitForTimeout(400);
await page.screenshot({ path: join(out, 'web-documents.png') });

// The finance review: a clean form submitted and approved, then opened by the finance reviewer.
const changji = (await app.store.listDepartments()).find((d) => d.name.includes('昌吉'))!;
const form = (await app.store.listEvaluations({ departmentId: changji.id })).find((e) => e.evaluation.project.name.raw === '综治工作经费')!;
const submitted = await app.store.setStatus(form.id, 'submitted', form.version, 'tianbao', { snapshot: true });
await app.store.setStatus(form.id, 'unit-approved', submitted.version, 'shenhe', { snapshot: true });
await app.store.saveReviews(form.id, [{ indicatorId: form.evaluation.indicators[0]!.id!, score: '3', reason: '园区数量核实为 9 个' }], 'caizheng');
await app.addUser('caizheng', 'finance', null, [changji.id]);
await page.context().clearCookies();
await login(page, app.url, 'caizheng');
await page.goto(`${app.url}/#/evaluations/${form.id}`);
await page.getByTestId('review-card').scrollIntoViewIfNeeded();
await page.waitForTimeout(500);
await page.screenshot({ path: join(out, 'web-review.png') });

await browser.close();
await app.close();
process.stdout.write(`已写入 ${out}/web-*.png\n`);
