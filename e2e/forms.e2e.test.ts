/**
 * Forms made in the browser (issue 19), in chromium: a 填报人 starts a project and creates its blank
 * self-evaluation, creates another project's form from last year's (targets carried, last year's
 * actuals shown beside them, actuals empty), files a draft under another year and deletes it; the
 * unit's reviewer sees none of these actions.
 */
import type { Evaluation } from '@jixiao/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, login, startApp } from './harness.ts';

describe.skipIf(!haveBrowser)('forms made in the browser', { timeout: 120_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let dept: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ demo: true });
    dept = (await app.store.listDepartments()).find((d) => d.name.includes('云州'))!.id;
    await app.addUser('tianbao', 'filler', dept);
    await app.addUser('shenhe', 'unit-reviewer', dept);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const dialog = () => page.locator('.ant-modal').filter({ hasText: '新建自评表' });

  it('a 填报人 starts a project and its blank self-evaluation', async () => {
    await login(page, app.url, 'tianbao');
    await page.goto(`${app.url}/#/overview?dept=${dept}&year=2022`);
    await page.getByTestId('new-form').click();
    await dialog().getByLabel('新项目名称').fill('平安建设宣传项目');
    await dialog().getByLabel('年度').fill('2023');
    await dialog().getByTestId('create-form').click();
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe('平安建设宣传项目');
    // the department's own layout (云州: 山西, national scheme), one empty row per 二级 to fill in
    const rows = page.locator('[data-testid^="indicator-row-"]');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await page.getByLabel('三级指标（第 1 个指标）').inputValue()).toBe('');
    expect(await page.getByTestId('editor').textContent()).toContain('2023 年度');
    const stored = (await app.store.listEvaluations({ departmentId: dept, year: 2023 })).map((s) => s.evaluation.project.name.raw);
    expect(stored).toContain('平安建设宣传项目');
  });

  it('from last year’s form: targets carried over, last year’s actuals beside them, actuals empty', async () => {
    const last = (await app.store.listEvaluations({ departmentId: dept, year: 2022 }))[0]!;
    await page.goto(`${app.url}/#/overview?dept=${dept}&year=2022`);
    await page.getByTestId('new-form').click();
    await dialog().getByRole('combobox', { name: '项目', exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: last.evaluation.project.name.raw }).first().click();
    await dialog().getByLabel('年度').fill('2023');
    await dialog().getByText('从上年的自评表复制').click();
    await dialog().getByTestId('create-form').click();
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe(last.evaluation.project.name.raw);
    expect(await page.getByTestId('indicator-table').textContent()).toContain('2022 年实际完成值');
    const first = (last.evaluation as Evaluation).indicators[0]!;
    expect(await page.getByLabel('三级指标（第 1 个指标）').inputValue()).toBe(first.name.raw);
    expect(await page.getByLabel('指标值（第 1 个指标）').inputValue()).toBe(first.targetAdjusted?.raw.trim() ? first.targetAdjusted.raw : first.target.raw);
    expect(await page.getByTestId('last-actual-0').textContent()).toBe(first.actual.raw || '—');
    expect(await page.getByLabel('实际完成值（第 1 个指标）').inputValue()).toBe('');
  });

  it('a draft filed under another year, then deleted; its history stays', async () => {
    const id = Number(/evaluations\/(\d+)/.exec(page.url())![1]);
    await page.getByTestId('draft-actions').click();
    await page.getByRole('menuitem', { name: '修改年度' }).click();
    await page.getByLabel('新的年度').fill('2024');
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /修\s*改/ })
      .click();
    await expect.poll(async () => (await app.store.getEvaluation(id))?.year).toBe(2024);
    await expect.poll(() => page.getByTestId('editor').textContent()).toContain('2024 年度');
    await page.getByTestId('draft-actions').click();
    await page.getByRole('menuitem', { name: '删除草稿' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.getByTestId('overview').waitFor();
    expect(await app.store.getEvaluation(id)).toBeNull();
    expect((await app.store.history(id)).map((c) => c.field)).toEqual(['(导入)', 'year', '(删除)']);
  });

  it('the unit’s reviewer sees neither 新建 nor the draft actions', async () => {
    await page.context().clearCookies();
    await login(page, app.url, 'shenhe');
    await page.goto(`${app.url}/#/overview?dept=${dept}&year=2022`);
    await page.getByTestId('summary-table').waitFor();
    expect(await page.getByTestId('new-form').count()).toBe(0);
    const form = (await app.store.listEvaluations({ departmentId: dept, year: 2022 }))[0]!;
    await page.goto(`${app.url}/#/evaluations/${form.id}`);
    await page.getByTestId('workflow-bar').waitFor();
    expect(await page.getByTestId('draft-actions').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
