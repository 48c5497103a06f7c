/**
 * Accounts and the finance review of the whole score in chromium (issue 23, items 6 and 7): the
 * administrator edits a user's role and disables them, and the user can no longer log in; a user changes
 * their own password; each role's menu shows only what it may use and /docs answers the administrator
 * only; finance records the budget-execution 复核得分 and a 复核意见, and the downloaded form prints both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedSelfEvaluations } from '@jixiao/app';
import { importBytes } from '@jixiao/office';
import { haveBrowser, launchBrowser, login, PASSWORD, startApp } from './harness.ts';

const SEED = join(import.meta.dirname, '../fixtures/office/xinjiang-changji-zhengfawei-2021.docx');

describe.skipIf(!haveBrowser)('accounts and the finance review in chromium', { timeout: 90_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let formId: number;
  let dept: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    dept = (await app.store.ensureDepartment({ code: 'changji', name: '昌吉州政法委' })).id;
    await app.store.ensureDepartment({ code: 'other', name: '其他部门' });
    const { evaluations } = await importBytes(new Uint8Array(readFileSync(SEED)), 'xinjiang.docx');
    const saved = await app.store.importEvaluations({ departmentId: dept, forms: preparedSelfEvaluations(evaluations), actor: 'setup' });
    const form = saved.find((s) => s.evaluation.project.name.raw === '综治工作经费')!;
    formId = form.id;
    // handed in and approved by the unit, ready for finance
    const submitted = await app.store.setStatus(formId, 'submitted', form.version, 'setup', {});
    await app.store.setStatus(formId, 'unit-approved', submitted.version, 'setup', {});
    await app.addUser('guanli', 'admin');
    await app.addUser('tianbao', 'filler', dept);
    await app.addUser('shenhe', 'unit-reviewer', dept);
    await app.addUser('caizheng', 'finance', null, [dept]);
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
  };
  // the menu's items without the 待办 badge's count (which depends on the demo's forms)
  const menu = async () => (await page.locator('.shell-header .ant-menu-item').allTextContents()).map((t) => t.replace(/\s*\d+$/, '').trim());
  const loginError = async (username: string, password: string) => {
    await page.context().clearCookies();
    await page.goto(`${app.url}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    return page.getByTestId('login-error').textContent();
  };

  it('each role’s menu shows only what it may use; /docs is the administrator’s', async () => {
    await as('caizheng');
    expect(await menu()).toEqual(['待办', '部门总览', '文档']);
    expect(await page.getByText('接口文档').count()).toBe(0);
    expect((await page.request.get(`${app.url}/docs/json`)).status()).toBe(403);
    await as('shenhe');
    expect(await menu()).toEqual(['待办', '部门总览', '文档']);
    await as('tianbao');
    expect(await menu()).toEqual(['待办', '部门总览', '导入', '文档']);
    await as('guanli');
    expect(await menu()).toEqual(['待办', '部门总览', '导入', '文档', '用户与部门']);
    expect(await page.getByText('接口文档').count()).toBe(1);
    expect((await page.request.get(`${app.url}/docs/json`)).status()).toBe(200);
  });

  it('the administrator makes a 填报人 a 单位审核, then disables them: they cannot log in', async () => {
    await as('tianbao'); // a session of theirs that the disabling must end
    const theirs = await page.context().cookies();
    await as('guanli');
    await page.goto(`${app.url}/#/users`);
    await page.getByTestId('edit-user-tianbao').click();
    const dialog = page.getByTestId('edit-user');
    await dialog.getByLabel('姓名').fill('田宝');
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '单位审核' }).click();
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(async () => (await app.accounts.findUser('tianbao'))?.role).toBe('unit-reviewer');
    expect(await app.accounts.findUser('tianbao')).toMatchObject({ displayName: '田宝', departmentId: dept });
    await page
      .getByRole('row', { name: /tianbao/ })
      .getByText('单位审核')
      .waitFor();

    await page.getByTestId('enable-user-tianbao').click();
    await expect.poll(async () => (await app.accounts.findUser('tianbao'))?.disabled).toBe(true);
    // their old session is gone
    const old = await browser.newContext();
    await old.addCookies(theirs);
    expect((await old.request.get(`${app.url}/api/session`)).status()).toBe(401);
    await old.close();
    expect(await loginError('tianbao', PASSWORD)).toContain('该账号已停用');
  });

  it('the administrator renames a department; a taken code is refused in Chinese', async () => {
    await as('guanli');
    await page.goto(`${app.url}/#/users`);
    await page.getByTestId('edit-department-other').click();
    await page.getByTestId('departments').getByLabel('部门名称').fill('其他部门（更名）');
    await page.getByTestId('save-department').click();
    await page.getByTestId('departments').getByText('其他部门（更名）').waitFor();
    await page.getByPlaceholder('部门编码').fill('changji');
    await page.getByPlaceholder('部门名称').fill('重名的部门');
    await page.getByRole('button', { name: '新建部门' }).click();
    await page.getByText(/部门编码“changji”已被“昌吉州政法委”使用/).waitFor();
    expect((await app.store.listDepartments()).map((d) => d.name)).not.toContain('重名的部门');
  });

  it('a user changes their own password: the new one logs in, the old one does not', async () => {
    await as('shenhe');
    await page.getByTestId('current-user').hover();
    await page.getByTestId('menu-change-password').click();
    const dialog = page.getByTestId('change-password');
    await dialog.getByLabel('当前密码').fill(PASSWORD);
    await dialog.getByLabel('新密码', { exact: true }).fill('Lvse-qiao-2026x');
    await dialog.getByLabel('再次输入新密码').fill('Lvse-qiao-2026x');
    await page.getByRole('button', { name: /^修\s*改$/ }).click();
    await page.getByText('密码已修改').waitFor();
    expect(await loginError('shenhe', PASSWORD)).toContain('用户名或密码不正确');
    await page.getByLabel('密码').fill('Lvse-qiao-2026x');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByTestId('current-user').waitFor();
  });

  it('finance sets the budget 复核得分 and a 复核意见; the downloaded form prints them', async () => {
    await as('caizheng');
    await page.goto(`${app.url}/#/evaluations/${formId}`);
    await page.getByTestId('review-card').waitFor();
    await page.getByLabel('复核得分（预算执行率）').fill('8');
    await page.getByLabel('复核理由（预算执行率）').fill('年末集中支付，执行进度偏慢');
    await page.getByTestId('save-reviews').click();
    // the form's total was 100 with the budget at its 10: now 98
    await expect.poll(() => page.getByTestId('reviewed-total').textContent()).toBe('98.00');
    await page.getByLabel('复核意见').fill('资金使用规范，请加快执行进度。');
    await page.getByTestId('save-opinion').click();
    await page.getByText('复核意见已保存').waitFor();
    expect((await app.store.reviewOpinion(formId))?.text).toBe('资金使用规范，请加快执行进度。');

    await page.getByTestId('download').hover();
    await page.getByText('下载 .docx').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByText('下载 .docx').click()]);
    const { strFromU8, unzipSync } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await download.path())!)))['word/document.xml']!).replace(/<[^>]+>/g, '');
    for (const text of [
      '财政复核',
      '预算执行率得分',
      '年末集中支付，执行进度偏慢',
      '8.00',
      '复核后总分',
      '98.00',
      '复核意见',
      '资金使用规范，请加快执行进度。',
    ])
      expect(xml).toContain(text);

    // the 填报人's view shows the opinion, read-only
    await app.addUser('tianbao2', 'filler', dept);
    await as('tianbao2');
    await page.goto(`${app.url}/#/evaluations/${formId}`);
    expect(await page.getByTestId('review-opinion').textContent()).toContain('资金使用规范，请加快执行进度。');
    expect(pageErrors).toEqual([]);
  });
});
