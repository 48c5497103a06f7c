/**
 * The review workflow in chromium, each person in their own session: the 填报人 submits, the unit's
 * reviewer returns it with a comment, the 填报人 fixes and resubmits, the reviewer approves, the finance
 * reviewer records a 复核得分 with its reason and completes the review. The frozen copies stay as
 * they were handed in.
 */
import type { Evaluation } from '@jixiao/core';
import { preparedSelfEvaluations } from '@jixiao/app';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '@jixiao/office';
import { haveBrowser, launchBrowser, login, startApp } from './harness.ts';

const SEED = join(import.meta.dirname, '../fixtures/office/xinjiang-changji-zhengfawei-2021.docx');

describe.skipIf(!haveBrowser)('review workflow in chromium', { timeout: 90_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let formId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    const dept = await app.store.ensureDepartment({ code: 'changji', name: '昌吉州政法委' });
    const other = await app.store.ensureDepartment({ code: 'other', name: '其他部门' });
    const { evaluations } = await importBytes(new Uint8Array(readFileSync(SEED)), 'xinjiang.docx');
    const saved = await app.store.importEvaluations({ departmentId: dept.id, forms: preparedSelfEvaluations(evaluations), actor: 'setup' });
    formId = saved.find((s) => s.evaluation.project.name.raw === '综治工作经费')!.id;
    await app.addUser('tianbao', 'filler', dept.id);
    await app.addUser('shenhe', 'unit-reviewer', dept.id);
    await app.addUser('caizheng', 'finance', null, [dept.id]);
    await app.addUser('outsider', 'filler', other.id);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const as = async (username: string) => {
    await page.context().clearCookies();
    await login(page, app.url, username);
    await page.goto(`${app.url}/#/evaluations/${formId}`);
    await page.getByTestId('workflow-bar').waitFor();
  };
  const status = () => page.getByTestId('status').textContent();
  const confirm = (name: RegExp) => page.locator('.ant-modal-confirm').getByRole('button', { name }).click();

  it('someone of another department does not even see the form', async () => {
    await page.context().clearCookies();
    await login(page, app.url, 'outsider');
    await page.goto(`${app.url}/#/evaluations/${formId}`);
    expect(await page.getByTestId('error-view').textContent()).toContain('不存在');
  });

  it('the 填报人 submits; the form becomes read-only to them', async () => {
    await as('tianbao');
    expect(await status()).toBe('草稿');
    await page.getByTestId('action-submit').click();
    await confirm(/^提\s*交$/);
    await expect.poll(status).toBe('已提交');
    expect(await page.getByLabel('实际完成值（第 1 个指标）').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('save').count()).toBe(0);
  });

  it('the unit reviewer returns it with a comment', async () => {
    await as('shenhe');
    await page.getByTestId('action-return').click();
    await page.getByLabel('退回意见').fill('第1个指标请写明偏差原因');
    await confirm(/^退\s*回$/);
    await expect.poll(status).toBe('草稿');
  });

  it('the 填报人 sees the comment, fixes the form and submits again', async () => {
    await as('tianbao');
    expect(await page.getByTestId('return-comment').textContent()).toContain('第1个指标请写明偏差原因');
    await page.getByLabel('偏差原因分析及改进措施（第 1 个指标）').fill('已全部完成，无偏差');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toContain('已保存');
    await page.getByTestId('action-submit').click();
    await confirm(/^提\s*交$/);
    await expect.poll(status).toBe('已提交');
  });

  it('the unit reviewer approves', async () => {
    await as('shenhe');
    await page.getByTestId('action-approve').click();
    await confirm(/单位审核通过/);
    await expect.poll(status).toBe('单位已审核');
  });

  it('finance records a 复核得分 with its reason and completes the review', async () => {
    await as('caizheng');
    await page.getByLabel('复核得分（第 1 个指标）').fill('3');
    await page.getByLabel('复核理由（第 1 个指标）').fill('园区数量核实为 9 个');
    await page.getByTestId('save-reviews').click();
    await expect.poll(() => page.getByTestId('reviewed-total').textContent()).toBe('99.00');
    await page.getByTestId('action-finalize').click();
    await confirm(/财政复核完成/);
    await expect.poll(status).toBe('财政已复核');

    const stored = (await app.store.getEvaluation(formId))!;
    expect(stored.status).toBe('finance-reviewed');
    expect(await app.store.reviews(formId)).toMatchObject([{ indicatorId: 'i1', score: '3.00', reason: '园区数量核实为 9 个', reviewer: 'caizheng' }]);
    // Frozen at each step forward: the first copy is the form as first handed in, before the fix.
    const snaps = await app.store.snapshots(formId);
    expect(snaps.map((s) => s.status)).toEqual(['submitted', 'submitted', 'unit-approved', 'finance-reviewed']);
    expect((snaps[0]!.evaluation as Evaluation).indicators[0]!.deviation?.raw ?? '').toBe('');
    expect((snaps[1]!.evaluation as Evaluation).indicators[0]!.deviation?.raw).toBe('已全部完成，无偏差');
    // the history panel, and its CSV export
    await page.getByRole('button', { name: '修改记录' }).click();
    await page
      .getByText(/^复核得分 · 指标“/)
      .first()
      .waitFor(); // the field in Chinese, named as the form names it
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('history-csv').click()]);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('园区数量核实为 9 个');
    const who = (await app.store.history(formId)).filter((c) => c.field === '(状态)').map((c) => c.actor);
    expect(who).toEqual(['tianbao', 'shenhe', 'tianbao', 'shenhe', 'caizheng']);
    expect(pageErrors).toEqual([]);
  });
});
