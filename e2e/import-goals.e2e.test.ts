/**
 * Goal forms uploaded in the browser (issue 20), in chromium: a 填报人 drops a 绩效目标申报表 (.docx) and
 * a 自评表 together, the preview names each form's kind (the goal form by its title, with the linter's
 * findings counted and no score); saved, it is a goal form of the department. Read as goals (the kind
 * chosen on the page), the 自评表 is refused in Chinese with its code folded under 技术信息.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, login, startApp } from './harness.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const GOAL = { name: 'fanghuiju-2021.goal.docx', mimeType: 'application/octet-stream', buffer: readFileSync(join(fixtures, 'goals/fanghuiju-2021.goal.docx')) };
const SELF = {
  name: 'changji.docx',
  mimeType: 'application/octet-stream',
  buffer: readFileSync(join(fixtures, 'office/xinjiang-changji-zhengfawei-2021.docx')),
};

describe.skipIf(!haveBrowser)('goal forms through the import page, in chromium', { timeout: 120_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let dept: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    dept = (await app.store.ensureDepartment({ code: 'fhj', name: '昌吉州政法委' })).id;
    await app.addUser('tianbao', 'filler', dept);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('recognises the goal form by its title beside a 自评表, shows each kind, and saves the goal form as one', async () => {
    await login(page, app.url, 'tianbao');
    await page.getByRole('link', { name: '导入', exact: true }).click();
    await page.locator('[data-testid="dropzone"] input[type=file]').setInputFiles([GOAL, SELF]);
    await page.getByTestId('recognise').click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const goalRow = preview.locator('tr.ant-table-row').filter({ hasText: '访惠聚工作经费' }).first();
    await expect.poll(() => goalRow.getByTestId('import-form-kind').textContent()).toBe('项目支出绩效目标申报表');
    expect(await goalRow.textContent()).toContain('不评分');
    expect(await goalRow.textContent()).toMatch(/\d+ 个(错误|警告)/);
    const selfRow = preview.locator('tr.ant-table-row').filter({ hasText: '综治工作经费' });
    expect(await selfRow.getByTestId('import-form-kind').textContent()).toBe('项目支出绩效自评表');
    expect(await preview.textContent()).toContain('识别出 1 张绩效目标申报表');
    expect(await preview.textContent()).toContain('识别出 2 张自评表');
    await page.getByTestId('commit').click();
    await expect.poll(() => page.getByText('已保存 1 张绩效目标申报表、2 张自评表').isVisible()).toBe(true);
    const stored = await app.store.listEvaluations({ departmentId: dept });
    expect(stored.map((s) => [s.kind, s.evaluation.project.name.raw]).sort()).toEqual(
      [
        ['goal', '访惠聚工作经费'],
        ['self-evaluation', '综治工作经费'],
        ['self-evaluation', '访惠聚工作经费'],
      ].sort(),
    );
  });

  it('a 自评表 read as goals (the kind chosen) is refused in Chinese, its code under 技术信息', async () => {
    await page.getByRole('button', { name: '继续导入' }).click();
    await page.getByTestId('import-kind').getByText('都是绩效目标申报表').click();
    await page.locator('[data-testid="dropzone"] input[type=file]').setInputFiles([SELF]);
    await page.getByTestId('recognise').click();
    const rejected = page.getByTestId('import-rejected');
    await rejected.waitFor();
    expect(await rejected.textContent()).toMatch(/changji\.docx：未能导入.*不是项目支出绩效目标申报表.*自评表/);
    expect(await rejected.textContent()).toContain('IMPORT.NOT_A_GOAL_FORM');
    expect(await page.getByTestId('import-preview').textContent()).toContain('没有可保存的表');
    expect(pageErrors).toEqual([]);
  });
});
