/**
 * A message audit of what people see, in chromium (issue 23 items 3, 4, 8): the editor on seed forms with
 * findings (the Xinjiang 访惠聚 form among them) with its findings panel and a finding's detail open, the
 * 汇总表 and the history show no English identifier — no `A5.TOTAL_SUM`, `claimed.total`, `R4.reverse`, no
 * camelCase name — people by their display names, and the editor counts the department's findings across
 * forms (A9) as the 汇总表 does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@jixiao/server';
import { haveBrowser, launchBrowser, login, PASSWORD, startApp } from './harness.ts';

/** What a person must never read on the page. */
const IDENTIFIER = /[A-Za-z]+\.[A-Za-z_]+/;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe.skipIf(!haveBrowser)('messages in plain Chinese, in chromium', { timeout: 120_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let forms: Array<{ id: number; project: string; departmentId: number }>;
  const idOf = (project: string) => forms.find((f) => f.project === project)!.id;

  beforeAll(async () => {
    app = await startApp({ demo: true });
    // people with display names that differ from their login ids
    await app.accounts.addUser({
      username: 'kuaiji',
      displayName: '张会计',
      role: 'admin',
      departmentId: null,
      assigned: [],
      passwordHash: await hashPassword(PASSWORD),
    });
    const list = await app.store.listEvaluations({});
    forms = list.map((s) => ({ id: s.id, project: s.evaluation.project.name.raw, departmentId: s.departmentId }));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, app.url, 'kuaiji');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The visible text of the page, with what it should not show. */
  async function audit(where: string): Promise<string> {
    const text = await page.locator('body').innerText();
    const lines = text.split('\n').filter((l: string) => IDENTIFIER.test(l) || CAMEL.test(l));
    expect(lines, `${where}: identifiers shown to the user`).toEqual([]);
    expect(text, where).not.toMatch(/已已|的的/);
    return text;
  }

  async function openEditor(project: string) {
    await page.goto(`${app.url}/#/evaluations/${idOf(project)}`);
    await page.getByTestId('editor-title').waitFor();
    await page.getByTestId('indicator-table').waitFor();
  }

  it('the Xinjiang 访惠聚 form: the editor, a finding’s detail, the findings panel; the budget 得分 cell is marked', async () => {
    await openEditor('访惠聚工作经费');
    await audit('访惠聚 editor');
    expect(await page.getByTestId('colour-legend').first().textContent()).toContain('颜色说明');
    // the cause of the total's findings, the budget 得分 cell holding just “分”, carries a mark
    const a4 = page.getByTestId('finding-A4').first();
    await a4.click();
    const popover = page.locator('.ant-popover').last();
    await popover.getByText(/预算执行率得分未填/).waitFor();
    await audit('访惠聚 A4 detail');
    // the code is a folded support detail, not part of the text
    expect(await popover.getByTestId('support-detail').first().getAttribute('open')).toBeNull();
    await page.keyboard.press('Escape');
    await page.getByTestId('findings-button').click();
    await page
      .getByTestId('findings-drawer')
      .getByText(/校验结果/)
      .first()
      .waitFor();
    const text = await audit('访惠聚 findings panel');
    expect(text).toContain('预算执行率得分未填');
    expect(text).not.toContain('改为各项合计 88 分');
    expect(text).not.toContain('改为实测值');
    await page.keyboard.press('Escape');
  });

  it('reading comfortably: why 提交 is disabled is written beside it; long 指标值 and 实际完成值 wrap; print leaves out the menu and buttons', async () => {
    await openEditor('访惠聚工作经费');
    expect(await page.getByTestId('action-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('why-disabled-submit').textContent()).toMatch(/^不能提交：还有 \d+ 个问题/);
    // the cells of 指标值 and 实际完成值 are text areas that grow with their text, not one cut-off line
    for (const label of ['指标值（第 1 个指标）', '实际完成值（第 1 个指标）'])
      expect(await page.getByLabel(label).evaluate((e) => e.tagName)).toBe('TEXTAREA');
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(el).display);
    const shown = {
      menu: await display('.shell-header'),
      button: await display('[data-testid="findings-button"]'),
      table: await display('[data-testid="indicator-table"]'),
    };
    expect(shown).toEqual({ menu: 'none', button: 'none', table: 'table' });
    await page.emulateMedia({ media: 'screen' });
  });

  it('a scoring rule is named by what it does (正向指标（R4）), not by its code; a red computed score is explained in words', async () => {
    await openEditor('见义勇为基金');
    const text = await audit('见义勇为基金 editor');
    expect(text).toContain('与填报的');
    await page.getByTestId('finding-A4').first().click();
    const popover = page.locator('.ant-popover').last();
    await popover.getByText(/计分方法/).waitFor();
    expect(await popover.textContent()).toMatch(/正向指标（R4）|反向指标（R4）/);
    await audit('见义勇为基金 A4 detail');
    await page.keyboard.press('Escape');
  });

  it('the editor counts the department’s findings across forms as the 汇总表 does (A9)', async () => {
    const res = await page.evaluate(
      async (ids) => {
        const out: Array<{ id: number; across: number }> = [];
        for (const id of ids) out.push({ id, across: ((await (await fetch(`/api/evaluations/${id}/department-findings`)).json()) as unknown[]).length });
        return out;
      },
      forms.filter((f) => f.departmentId === 1).map((f) => f.id),
    );
    const copied = res.find((r) => r.across > 0);
    expect(copied).toBeDefined();
    await page.goto(`${app.url}/#/evaluations/${copied!.id}`);
    await page.getByTestId('indicator-table').waitFor();
    await page.getByTestId('findings-button').click();
    await page.getByTestId('department-findings').waitFor();
    await audit('editor with findings across forms');
  });

  it('each seed form in the editor with its findings panel', async () => {
    for (const project of ['综治工作经费', '社会治安综合治理工作经费', '雪亮工程']) {
      if (!forms.some((f) => f.project === project)) continue;
      await openEditor(project);
      await page.getByTestId('findings-button').click();
      await page
        .getByTestId('findings-drawer')
        .getByText(/校验结果/)
        .first()
        .waitFor();
      await audit(`${project} findings panel`);
      await page.keyboard.press('Escape');
    }
  });

  it('the 汇总表 of each department', async () => {
    for (const dept of [1, 2, 3, 4]) {
      await page.goto(`${app.url}/#/overview?dept=${dept}`);
      await page.getByTestId('summary-table').waitFor();
      await audit(`汇总表 of department ${dept}`);
    }
  });

  it('the history names fields in Chinese and people by their display names', async () => {
    await openEditor('综治工作经费');
    await page.getByLabel('实际完成值（第 1 个指标）').fill('＝21次');
    await page.getByTestId('save').click();
    await page.getByText('已保存').first().waitFor();
    await page.getByRole('button', { name: '修改记录' }).click();
    await page.getByText('张会计').first().waitFor();
    const text = await audit('history');
    expect(text).toMatch(/实际完成值/);
    expect(text).not.toContain('kuaiji');
    expect(pageErrors).toEqual([]);
  });
});
