/**
 * The year begins with goals (issue 20), in chromium, each person in their own session: a 填报人 starts a
 * project and its 绩效目标申报表, sees the linter's findings while typing — a vague 逐步提高 on a 数量
 * indicator, a missing 成本 indicator — and fixes them, saves (a 409 re-applies their edits on the newer
 * version) and submits; the unit's reviewer approves; the finance bureau approves (批复) and the form is
 * frozen but for adjustments, one of which the 填报人 makes with its reason; the 填报人 starts the year's
 * 自评表 from the approved goals, and it holds those targets (the adjusted one beside the approved) with the
 * actuals empty; next year's goals start from this year's, with this year's actuals beside them (G10).
 */
import { prepareForm } from '@jixiao/app';
import type { GoalForm } from '@jixiao/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, login, startApp } from './harness.ts';

const PROJECT = '平安乡村网格化服务管理项目';
/** the rows the 填报人 fills: 三级指标 and 年度指标值, in the blank tree's order once the unneeded rows are gone */
const TARGETS: ReadonlyArray<[name: string, target: string]> = [
  ['培训网格员人次', '≥600人次'],
  ['网格事件按期办结率', '≥95%'],
  ['年度培训完成时间', '2025年10月31日前'],
  ['矛盾纠纷调解成功率', '≥90%'],
  ['群众满意度', '≥90%'],
];

describe.skipIf(!haveBrowser)('goals in chromium: 填报 → 单位审核 → 财政批复 → the year’s 自评表', { timeout: 180_000 }, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let dept: number;
  let goalId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    dept = (await app.store.ensureDepartment({ code: 'zfw', name: '某县委政法委' })).id;
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

  const dialog = () => page.locator('.ant-modal').filter({ hasText: '新建' });
  const confirm = (name: RegExp) => page.locator('.ant-modal-confirm').getByRole('button', { name }).click();
  const cell = (label: string, row: number) => page.getByLabel(`${label}（第 ${row + 1} 个指标）`, { exact: true });
  const rowFindings = (row: number) => page.getByTestId(`goal-row-${row}`).locator('.finding-tag');
  const remove = async (row: number) => {
    await page.getByLabel(`删除第 ${row + 1} 个指标`).click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /删\s*除/ })
      .click();
  };
  const as = async (username: string, path: string) => {
    await page.context().clearCookies();
    await login(page, app.url, username);
    await page.goto(`${app.url}/#${path}`);
  };

  it('a 填报人 starts a project and its goal form: a blank tree of 101号’s dimensions', async () => {
    await as('tianbao', `/overview?dept=${dept}&year=2025`);
    await page.getByTestId('new-form').click();
    await dialog().getByText('绩效目标申报表', { exact: true }).click();
    await expect.poll(() => dialog().locator('.ant-modal-title').textContent()).toBe('新建绩效目标申报表');
    await dialog().getByLabel('新项目名称').fill(PROJECT);
    await dialog().getByLabel('年度').fill('2025');
    await dialog().getByTestId('create-form').click();
    await page.getByTestId('goal-editor').waitFor();
    expect(await page.getByTestId('editor-title').textContent()).toBe(PROJECT);
    expect(await page.getByTestId('goal-editor').textContent()).toContain('项目支出绩效目标申报表 · 2025 年度');
    goalId = Number(/#\/evaluations\/(\d+)/.exec(page.url())![1]);
    // every empty target is an error (G3.EMPTY): nothing can be submitted yet, and the bar says why
    expect(await rowFindings(0).first().textContent()).toBe('G3');
    expect(await page.getByTestId('why-disabled-submit').textContent()).toMatch(/问题/);
  });

  it('sees a vague target on a 数量 indicator while typing (G4) and fixes it', async () => {
    await cell('三级指标', 0).fill(TARGETS[0]![0]);
    await cell('年度指标值', 0).pressSequentially('逐步提高');
    await expect.poll(() => rowFindings(0).allTextContents()).toEqual(['G4']);
    expect(await page.getByTestId('goal-row-0').getByTestId('finding-G4').getAttribute('title')).toContain('逐步提高');
    await cell('年度指标值', 0).fill(TARGETS[0]![1]);
    await expect.poll(() => rowFindings(0).count()).toBe(0);
  });

  it('sees a missing 成本 indicator (G2) when the empty cost row goes, and adds one back', async () => {
    // the blank tree: 数量 质量 时效 成本 | 经济 社会 生态 可持续 | 满意度; the unit needs neither 经济, 生态 nor 可持续
    await remove(3);
    await expect.poll(() => page.getByTestId('tree-findings').textContent()).toContain('缺少成本指标');
    expect(await page.getByTestId('tree-findings').getByTestId('finding-G2').count()).toBe(1);
    await remove(3);
    await remove(4);
    await remove(4);
    for (const [row, [name, target]] of TARGETS.entries()) {
      if (row === 0) continue;
      await cell('三级指标', row).fill(name);
      await cell('年度指标值', row).fill(target);
    }
    await page.getByTestId('add-成本指标').click();
    await cell('三级指标', 5).fill('人均培训成本');
    await cell('年度指标值', 5).fill('≤800元/人次');
    await expect.poll(() => page.getByTestId('tree-findings').count()).toBe(0);
    await page.getByLabel('年度目标', { exact: true }).fill('2025年培训网格员600人次，网格事件按期办结率不低于95%，调解成功率不低于90%，群众满意度不低于90%。');
    await page.getByLabel('年度资金总额（万元）').fill('120');
    await page.getByLabel('其中：财政拨款（万元）').fill('100');
    await page.getByLabel('其中：上年结转（万元）').fill('15');
    await page.getByLabel('其中：其他资金（万元）').fill('5');
    expect(await page.getByTestId('findings-button').textContent()).toContain('校验通过');
  });

  it('saves with the version: a 409 is explained and the 填报人’s edits re-applied on the newer version; then submits', async () => {
    // someone else saved the form meanwhile (the 中长期目标)
    const before = (await app.store.getEvaluation(goalId))!;
    const theirs = { ...(before.evaluation as GoalForm), goals: { longTerm: { raw: '到2027年全县行政村全部实行网格化服务管理' }, annual: { raw: '' } } };
    await app.store.updateEvaluation(goalId, prepareForm('goal', theirs).prepared, before.version, 'someone');
    await page.getByTestId('save').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '此表已被他人修改' }).waitFor();
    await page.getByRole('button', { name: '载入最新版本并重新应用我的修改' }).click();
    await expect.poll(() => page.getByLabel('中长期目标', { exact: true }).inputValue()).toBe('到2027年全县行政村全部实行网格化服务管理');
    expect(await cell('年度指标值', 0).inputValue()).toBe(TARGETS[0]![1]);
    expect(await cell('三级指标', 5).inputValue()).toBe('人均培训成本');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toMatch(/已保存/);
    const stored = (await app.store.getEvaluation(goalId))!;
    expect(stored.kind).toBe('goal');
    expect(stored.version).toBe(before.version + 2);
    const saved = stored.evaluation as GoalForm;
    expect(saved.goals.longTerm?.raw).toBe('到2027年全县行政村全部实行网格化服务管理');
    expect(saved.indicators.map((i) => i.name.raw)).toEqual([...TARGETS.map(([name]) => name), '人均培训成本']);
    expect(await page.getByTestId('why-disabled-submit').count()).toBe(0);
    await page.getByTestId('action-submit').click();
    await confirm(/提\s*交/);
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('已提交');
    // submitted: read-only for the 填报人
    expect(await cell('年度指标值', 0).getAttribute('readonly')).not.toBeNull();
  });

  it('the unit’s reviewer approves, the finance bureau approves (批复), and the form is frozen but for adjustments', async () => {
    await as('shenhe', `/evaluations/${goalId}`);
    await page.getByTestId('action-approve').click();
    await confirm(/单位审核通过/);
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('单位已审核');

    await as('caizheng', `/evaluations/${goalId}`);
    await page.getByTestId('action-finalize').click();
    await confirm(/财政批复/);
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('财政已批复');

    await as('tianbao', `/evaluations/${goalId}`);
    await page.getByTestId('approved-note').waitFor();
    expect(await cell('年度指标值', 0).getAttribute('readonly')).not.toBeNull();
    expect(await cell('调整后指标值', 0).getAttribute('readonly')).toBeNull();
  });

  it('after 批复 a target is adjusted with its reason, the approved one kept beside it', async () => {
    await cell('调整后指标值', 0).fill('≥550人次');
    // without a reason the server would refuse it: said at once, and the save waits
    await expect.poll(() => page.getByTestId('frozen-problems').textContent()).toContain('没有填写调整原因');
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
    await cell('调整原因', 0).fill('上级统一调整培训计划，年度名额减少');
    await expect.poll(() => page.getByTestId('frozen-problems').count()).toBe(0);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toMatch(/已保存/);
    const stored = (await app.store.getEvaluation(goalId))!.evaluation as GoalForm;
    expect(stored.indicators[0]).toMatchObject({
      target: { raw: '≥600人次' },
      adjusted: { target: { raw: '≥550人次' }, reason: { raw: '上级统一调整培训计划，年度名额减少' } },
    });
    expect(await cell('年度指标值', 0).inputValue()).toBe('≥600人次');
  });

  it('the 填报人 starts the year’s 自评表 from the approved goals: the same targets, actuals empty', async () => {
    await page.goto(`${app.url}/#/overview?dept=${dept}&year=2025`);
    expect(await page.getByTestId('goal-forms').textContent()).toContain('绩效目标申报表');
    await page.getByTestId('new-form').click();
    await dialog().getByRole('combobox', { name: '项目', exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: PROJECT }).first().click();
    await dialog().getByLabel('年度').fill('2025');
    await dialog().getByText('从已批复的绩效目标开始').click();
    await dialog().getByTestId('create-form').click();
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('editor-title').textContent()).toBe(PROJECT);
    const names = page.locator('[aria-label^="三级指标（第 "]');
    const rows = await names.count();
    const carried = new Map<string, { target: string; adjusted: string; actual: string }>();
    for (let i = 0; i < rows; i++)
      carried.set(await names.nth(i).inputValue(), {
        target: await cell('指标值', i).inputValue(),
        adjusted: await cell('调整后指标值', i).inputValue(),
        actual: await cell('实际完成值', i).inputValue(),
      });
    // the approved target and its adjustment both carried; the adjusted one is what the year is scored by
    expect(carried.get(TARGETS[0]![0])).toEqual({ target: TARGETS[0]![1], adjusted: '≥550人次', actual: '' });
    for (const [name, target] of [...TARGETS.slice(1), ['人均培训成本', '≤800元/人次'] as const])
      expect(carried.get(name)).toEqual({ target, adjusted: '', actual: '' });
  });

  it('next year’s goals start from this year’s, this year’s actuals beside the targets and checked against them (G10)', async () => {
    // the year's 自评表 records an actual above the (adjusted) target
    const names = await page.locator('[aria-label^="三级指标（第 "]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    const row = names.indexOf(TARGETS[0]![0]);
    await cell('实际完成值', row).fill('800人次');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toMatch(/已保存/);

    await page.goto(`${app.url}/#/overview?dept=${dept}&year=2025`);
    await page.getByTestId('new-form').click();
    await dialog().getByText('绩效目标申报表', { exact: true }).click();
    await dialog().getByRole('combobox', { name: '项目', exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: PROJECT }).first().click();
    await dialog().getByLabel('年度').fill('2026');
    await dialog().getByText('从上年的绩效目标复制').click();
    await dialog().getByTestId('create-form').click();
    await page.getByTestId('goal-editor').waitFor();
    expect(await page.getByTestId('goal-editor').textContent()).toContain('2026 年度');
    expect(await page.getByTestId('goal-indicator-table').textContent()).toContain('2025 年实际完成值');
    // the target that counted (the adjusted ≥550人次) carried; last year's 800人次 beat it by more than 30%
    expect(await cell('年度指标值', 0).inputValue()).toBe('≥550人次');
    expect(await page.getByTestId('last-actual-0').textContent()).toBe('800人次');
    await expect.poll(() => page.getByTestId('goal-row-0').getByTestId('finding-G10').getAttribute('title')).toContain('30%');
    await cell('年度指标值', 0).fill('≥800人次');
    await expect.poll(() => page.getByTestId('goal-row-0').getByTestId('finding-G10').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
