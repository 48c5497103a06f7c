/**
 * 待办 and batch work in chromium (issue 23), each person in their own session on the seed departments:
 * the 填报人 lands on their to-do list and hands in a batch (the forms with errors refused with the
 * reason); the unit's reviewer returns one with a comment and approves a batch in which one form is
 * refused — someone returned it in the meantime — its reason shown and the others approved; the finance
 * bureau sets a deadline and sees its 待复核; the 填报人 sees the return's comment, who wrote it, and the
 * deadline.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, login, startApp } from './harness.ts';

describe.skipIf(!haveBrowser)('待办 and batch work in chromium', { timeout: 120_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let hebei: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ demo: true });
    hebei = (await app.store.listDepartments()).find((d) => d.code.startsWith('hebei'))!.id;
    await app.addUser('tianbao', 'filler', hebei);
    await app.addUser('shenhe', 'unit-reviewer', hebei);
    await app.addUser('caizheng', 'finance', null, [hebei]);
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
    await page.getByTestId('todo').waitFor(); // the first page after login
  };
  const table = () => page.getByTestId('todo-table');
  const rows = () => table().locator('tbody tr.ant-table-row');
  const group = (id: string) => page.getByTestId(`todo-group-${id}`);
  const choose = (project: string) => rows().filter({ hasText: project }).locator('.ant-checkbox-input').check();
  const result = () => page.getByTestId('batch-result');
  const closeResult = () =>
    page
      .locator('.ant-modal')
      .filter({ has: result() })
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();

  it('the 填报人 lands on the to-do list: 待提交 11, the badge in the menu; a batch submission refuses the forms with errors', async () => {
    await as('tianbao');
    await expect.poll(() => group('to-submit').textContent()).toMatch(/待提交\s*11/);
    expect(await group('returned').textContent()).toMatch(/被退回\s*0/);
    await expect.poll(() => page.getByTestId('todo-badge').textContent()).toContain('11');
    await expect.poll(() => rows().count()).toBe(11);
    expect(await rows().first().textContent()).toContain('自评表');
    expect(await rows().first().textContent()).toContain('未设定');
    // the findings fill in after the list
    await expect.poll(() => rows().filter({ hasText: '见义勇为基金' }).locator('.ant-badge').count()).toBeGreaterThan(0);

    await table().locator('thead .ant-checkbox-input').check();
    await page.getByTestId('batch-submit').click();
    await result().waitFor();
    expect(await result().textContent()).toContain('完成 3 张，未通过 8 张');
    expect(await page.getByTestId('batch-outcome-3').textContent()).toMatch(/见义勇为基金.*不能提交/);
    expect(await page.getByTestId('batch-outcome-1').textContent()).toContain('已完成');
    await closeResult();
    await expect.poll(() => group('to-submit').textContent()).toMatch(/待提交\s*8/);
    await expect.poll(() => page.getByTestId('todo-badge').textContent()).toContain('8');
  });

  it('the unit reviewer returns one with a comment, then approves a batch in which one form is refused', async () => {
    await as('shenhe');
    await expect.poll(() => group('to-approve').textContent()).toMatch(/待审核\s*3/);
    await expect.poll(() => rows().count()).toBe(3);

    await choose('社会治安综合治理工作经费');
    await page.getByTestId('batch-return').click();
    await page.getByLabel('退回意见').fill('请补充第1个指标的偏差原因');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /^退\s*回$/ })
      .click();
    await result().waitFor();
    expect(await result().textContent()).toContain('完成 1 张，未通过 0 张');
    await closeResult();
    await expect.poll(() => rows().count()).toBe(2);

    // meanwhile another reviewer of the unit returns one of the two this page still shows
    const other = (await app.store.listEvaluations({ departmentId: hebei, status: 'submitted' })).find(
      (s) => s.evaluation.project.name.raw === '全县扫黑除恶斗争工作经费',
    )!;
    await app.store.setStatus(other.id, 'draft', other.version, 'admin', { comment: '数据需核实' });

    await table().locator('thead .ant-checkbox-input').check();
    await page.getByTestId('batch-approve').click();
    await result().waitFor();
    expect(await result().textContent()).toContain('完成 1 张，未通过 1 张');
    // the refused form with its reason; the other approved
    expect(await page.getByTestId(`batch-outcome-${other.id}`).textContent()).toMatch(/全县扫黑除恶斗争工作经费：“草稿”状态下，shenhe不能执行“单位审核通过”/);
    expect(await result().textContent()).toMatch(/2023年“雪亮安防工程”运行维护费：已完成/);
    await closeResult();
    const statuses = Object.fromEntries((await app.store.listEvaluations({ departmentId: hebei })).map((s) => [s.evaluation.project.name.raw, s.status]));
    expect(statuses).toMatchObject({
      社会治安综合治理工作经费: 'draft',
      '2023年“雪亮安防工程”运行维护费': 'unit-approved',
      全县扫黑除恶斗争工作经费: 'draft',
    });
    await expect.poll(() => group('to-approve').textContent()).toMatch(/待审核\s*0/);
  });

  it('finance sets the department’s deadline and sees its 待复核', async () => {
    await as('caizheng');
    await expect.poll(() => group('to-review').textContent()).toMatch(/待复核\s*1/);
    expect(await rows().first().textContent()).toContain('2023年“雪亮安防工程”运行维护费');
    const deadlines = page.getByTestId('deadlines');
    await deadlines.getByLabel('截止日期的年度').fill('2023');
    await deadlines.getByLabel('截止日期', { exact: true }).fill('2099-03-31');
    await page.getByTestId('set-deadline').click();
    await expect.poll(() => deadlines.textContent()).toContain('2023 年度 大厂县政法委（河北） 2099-03-31');
    await expect.poll(() => rows().first().textContent()).toContain('2099-03-31');
    // a search that matches nothing says so
    await page.getByLabel('搜索项目名称').fill('没有这个项目');
    await page.getByLabel('搜索项目名称').press('Enter');
    await expect.poll(() => table().textContent()).toContain('没有符合条件的表');
  });

  it('the 填报人 sees what came back: the comment, who wrote it, the deadline', async () => {
    await as('tianbao');
    await expect.poll(() => group('returned').textContent()).toMatch(/被退回\s*2/);
    await expect.poll(() => rows().count()).toBe(2);
    const note = rows().filter({ hasText: '社会治安综合治理工作经费' });
    expect(await note.textContent()).toContain('请补充第1个指标的偏差原因');
    expect(await note.textContent()).toContain('shenhe');
    expect(await note.textContent()).toContain('2099-03-31');
    expect(await rows().filter({ hasText: '全县扫黑除恶斗争工作经费' }).textContent()).toContain('数据需核实');
    // the link opens the form
    await rows().filter({ hasText: '社会治安综合治理工作经费' }).getByRole('link').click();
    await page.getByTestId('editor').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('the 汇总表 comes first on 部门总览 and filters by status, findings and name', async () => {
    await page.goto(`${app.url}/#/overview?dept=${hebei}&year=2023`);
    const summary = page.getByTestId('summary-table');
    await summary.waitFor();
    // in view at 1366×768, above the charts
    const box = (await summary.boundingBox())!;
    expect(box.y).toBeLessThan(768);
    const summaryRows = () => summary.locator('tbody tr.ant-table-row');
    await expect.poll(() => summaryRows().count()).toBe(11);
    await page.getByLabel('按状态筛选').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '单位已审核' }).click();
    await expect.poll(() => summaryRows().count()).toBe(1);
    await page.getByLabel('按状态筛选').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '草稿' }).click();
    await expect.poll(() => summaryRows().count()).toBe(10);
    await page.getByLabel('搜索项目名称').fill('基金');
    await page.getByLabel('搜索项目名称').press('Enter');
    await expect.poll(() => summaryRows().count()).toBe(1);
    expect(await summaryRows().first().textContent()).toContain('见义勇为基金');
    expect(pageErrors).toEqual([]);
  });
});
