/** The real `jixiao` binary, run as a user runs it. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isAlive, until } from '../../office/test/processes.ts';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/jixiao');
const run = (...args: string[]) => spawnSync(bin, args, { cwd: root, encoding: 'utf8' });
const golden = (n: string) => join(root, 'fixtures/golden', n);

describe('jixiao score', () => {
  it('prints the table, the explanations, totals and grade', () => {
    const r = run('score', golden('hebei-dachang-zhengfawei-2023.form-03.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('见义勇为基金');
    expect(r.stdout).toContain('正向指标：实际 1 ÷ 目标 5 × 20分 = 4.00分');
    expect(r.stdout).toMatch(/总分：计算 74\.26 \/ 100（中）\s+填报 70/);
  });

  it('--json gives the scored form', () => {
    const out = JSON.parse(execFileSync(bin, ['score', '--json', golden('shanxi-yunzhou-zhengfawei-2022.form-03.json')], { encoding: 'utf8' }));
    expect(out.score.total).toBe('99.56');
    expect(out.score.budget.score).toBe('9.56');
    expect(out.score.indicators).toHaveLength(6);
  });

  it('reads a seed text file directly', () => {
    const r = run('score', '--json', join(root, 'fixtures/seeds/xinjiang-changji-zhengfawei-2021.txt'));
    expect(JSON.parse(r.stdout).map((x: { score: { total: string } }) => x.score.total)).toEqual(['100.00', '98.00']);
  });

  it('bad input: exit code 2 and a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    writeFileSync(join(dir, 'bad.json'), '{"formatVersion": 1, "indicators": 3}');
    writeFileSync(join(dir, 'broken.json'), '{not json');
    for (const [file, msg] of [
      [join(dir, 'bad.json'), /不符合自评表格式/],
      [join(dir, 'broken.json'), /不是有效的 JSON/],
      [join(dir, 'missing.json'), /找不到文件/],
    ] as const) {
      const r = run('score', file);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
  });
});

describe('jixiao indicator', () => {
  it('scores one indicator and explains it', () => {
    const r = run('indicator', '--target', '≥95%', '--actual', '90%', '--points', '10');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('9.47分');
    expect(r.stdout).toContain('正向指标：实际 90 ÷ 目标 95 × 10分 = 9.47分');
  });

  it('--category 成本指标 decides the direction of an unsigned target; --json', () => {
    const out = JSON.parse(
      execFileSync(bin, ['indicator', '--target', '28.272万元', '--actual', '21.855万元', '--points', '10', '--category', '成本指标', '--json'], {
        encoding: 'utf8',
      }),
    );
    expect(out).toMatchObject({ score: 10, rule: 'R4.reverse' });
  });

  it('--batch prints one JSON line per row, in order, unparseable rows included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const tsv = join(dir, 'rows.tsv');
    writeFileSync(
      tsv,
      'target\tactual\tpoints\tcategory\n≥95%\t98%\t10\t质量指标\n≥5\t1\t20\t数量指标\n约三成\t30%\t10\t质量指标\n≤100\t125\t10\t成本指标\n≥1\t1\tabc\t数量指标\n',
    );
    const lines = execFileSync(bin, ['indicator', '--batch', tsv], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.score)).toEqual([10, 4, null, 8, null]);
    expect(lines[2].unparseable).toBe(true);
    expect(lines[2].explanation).toContain('约数');
    for (const l of lines) expect(typeof l.explanation).toBe('string');
  });

  it('an unreadable target is bad input: the result and why, exit code 2 with a stable code', () => {
    const r = run('indicator', '--target', '约三成', '--actual', '30%', '--points', '10');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('无法计分');
    expect(r.stderr).toContain('错误 [INPUT.UNPARSEABLE_VALUE]：--target “约三成”无法识别：约数无法计算');
  });

  it('missing options: exit code 2', () => {
    const r = run('indicator', '--target', '≥95%');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--points');
  });
});

describe('jixiao import', () => {
  it('lists the recognised forms of a file', () => {
    const r = run('import', join(root, 'fixtures/seeds/hebei-dachang-zhengfawei-2023.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('识别出 11 张自评表，1 张汇总表');
    expect(r.stdout).toContain('IMPORT.TARGET_SHIFTED');
  });
});

describe('jixiao audit, summary, report', () => {
  const hebei = join(root, 'fixtures/seeds/hebei-dachang-zhengfawei-2023.txt');

  it('output into a pipe that closes early (`| head`) ends quietly, without an EPIPE stack', () => {
    const r = spawnSync('sh', ['-c', `"${bin}" audit "${hebei}" | head -n 1`], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toContain('【1】');
    expect(r.stderr).not.toContain('EPIPE');
  });

  it('audit prints findings grouped by form and rule, exit code 1 with errors', () => {
    const r = run('audit', hebei);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('【3】见义勇为基金');
    expect(r.stdout).toContain('A4 错误 “人次”填报得分 5 分，按规则应为 4.00 分');
    expect(r.stdout).toMatch(/11 张自评表：\d+ 个错误/);
  });

  it('audit --json: objects with rule, severity, message and a location naming the project', () => {
    const r = run('audit', '--json', hebei);
    const findings = JSON.parse(r.stdout) as Array<{ rule: string; severity: string; message: string; location: { form?: { project: string } } }>;
    const a5 = findings.find((f) => f.rule === 'A5' && f.location.form?.project === '特困干警补贴');
    expect(a5).toMatchObject({ severity: 'error' });
    expect(a5!.message).toContain('70');
  });

  it('audit of a clean form exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const ev = JSON.parse(execFileSync(bin, ['import', '--json', join(root, 'fixtures/seeds/xinjiang-changji-zhengfawei-2021.txt')], { encoding: 'utf8' }))[0]
      .evaluations[0];
    // 综治工作经费 has only notes (A7/A12 info): no error
    writeFileSync(join(dir, 'f.json'), JSON.stringify(ev));
    const r = run('audit', join(dir, 'f.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 个错误');
  });

  it('summary prints the 汇总表 with 合计', () => {
    const r = run('summary', hebei);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/合计\s+459\.11\s+453\.64\s+98\.81%/);
    expect(r.stdout).toContain('优 9，良 0，中 1，差 1');
  });

  it('report --kind overall|disclosure prints the generated text', () => {
    expect(run('report', hebei, '--kind', 'overall').stdout).toContain('四、综合评价结论\n本单位11个项目绩效自评为9个优、1个中、1个差');
    const d = run('report', hebei, '--kind', 'disclosure', '--projects', '3,5,9');
    expect(d.stdout).toContain('见义勇为基金项目绩效自评综述');
    expect(run('report', hebei, '--kind', 'weekly').status).toBe(2);
  });
});

describe('jixiao with Office files', () => {
  it('import of a .docx prints the forms and their findings, located by table, row and column', () => {
    const r = run('import', join(root, 'fixtures/office/hebei-dachang-zhengfawei-2023.docx'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('识别出 11 张自评表，1 张汇总表，2023年度政法委整体绩效自评工作报告');
    expect(r.stdout).toMatch(/A4 错误 “人次”填报得分 5 分，按规则应为 4\.00 分.*（表\d+ 第\d+行 第\d+列）/);
  });

  it('import --json gives the evaluations in the published schema and the findings', () => {
    const out = JSON.parse(run('import', '--json', join(root, 'fixtures/office/xinjiang-changji-zhengfawei-2021.xlsx')).stdout);
    expect(out[0].evaluations).toHaveLength(2);
    expect(out[0].evaluations[0].indicators[0].name.raw).toBe('支持县市政法委数量（个，含3个园区）');
    expect(out[0].findings.some((f: { rule: string }) => f.rule === 'A12')).toBe(true);
  });

  it('score, audit, summary and report read .docx and .xlsx directly', () => {
    expect(
      JSON.parse(run('score', '--json', join(root, 'fixtures/office/shanxi-yunzhou-zhengfawei-2022.xlsx')).stdout).map(
        (x: { score: { total: string } }) => x.score.total,
      ),
    ).toEqual(['95.84', '98.00', '99.56']);
    expect(run('audit', join(root, 'fixtures/office/hebei-dachang-zhengfawei-2023.xlsx')).status).toBe(1);
    expect(run('summary', join(root, 'fixtures/office/hebei-dachang-zhengfawei-2023.docx')).stdout).toMatch(/合计\s+459\.11\s+453\.64/);
    expect(run('report', join(root, 'fixtures/office/hebei-dachang-zhengfawei-2023.docx'), '--kind', 'overall').stdout).toContain('四、综合评价结论');
  });

  it('a broken file: exit code 2 and the importer’s code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    writeFileSync(join(dir, 'x.docx'), 'not a zip');
    const r = run('import', join(dir, 'x.docx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('IMPORT.NOT_A_ZIP');
  });
});

describe('jixiao export', () => {
  const seed = (n: string) => join(root, 'fixtures/seeds', n);

  it('--what form writes one .docx per form that imports back; corrected claimed scores are pointed out', () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-export-'));
    const r = run('export', '--what', 'form', '--format', 'docx', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('共导出 11 个文件');
    // computed scores by default (issue 22), the claim named; forms with errors are marked as drafts
    expect(r.stdout).toContain('提示：见义勇为基金 总分填报 70.00，已按规则输出 74.26（--claimed 改为输出填报值）');
    expect(r.stdout).toMatch(/注意：\d+张自评表仍有错误；生成的文档每页标注“草稿（未审核）”/);
    const claimed = run(
      'export',
      '--what',
      'form',
      '--claimed',
      seed('hebei-dachang-zhengfawei-2023.txt'),
      '-o',
      mkdtempSync(join(tmpdir(), 'jixiao-export-')),
    );
    expect(claimed.stdout).toContain('提示：见义勇为基金 总分填报 70.00，按规则应为 74.26；已按填报值输出');
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(11);
    expect(files[2]).toBe('03-见义勇为基金绩效自评表.docx');
    const back = JSON.parse(execFileSync(bin, ['import', '--json', join(out, files[2]!)], { encoding: 'utf8' }));
    expect(back[0].evaluations[0].project.name.raw).toBe('见义勇为基金');
    expect(back[0].evaluations[0].layout).toBe('hebei');
  });

  it('--what summary --format xlsx and the disclosure of chosen projects', () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-export-'));
    expect(run('export', '--what', 'summary', '--format', 'xlsx', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', out).status).toBe(0);
    expect(run('export', '--what', 'disclosure', '--projects', '1,3', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', out).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2023年度绩效自评情况汇总表.xlsx', '政法委2023年度决算公开绩效情况说明.docx']);
  });

  it('--zip: every form in one .zip named 序号_项目名称_自评表, with a progress line', () => {
    const out = mkdtempSync(join(tmpdir(), 'jixiao-export-'));
    const r = run('export', '--what', 'form', '--zip', '--format', 'xlsx', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['政法委_自评表.zip']);
    const names = Object.keys(unzipSync(readFileSync(join(out, '政法委_自评表.zip')))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toHaveLength(11);
    expect(names[2]).toBe('3_见义勇为基金_自评表.xlsx');
    expect(r.stderr).toContain('导出 11/11（100%）');
    expect(run('export', '--what', 'summary', '--zip', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', out).status).toBe(2);
  });

  it('bad options: exit 2 with a coded Chinese message', () => {
    const r = run('export', '--what', 'report', '--format', 'xlsx', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', tmpdir());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/EXPORT\.FORMAT_UNSUPPORTED.*\.docx 和 \.pdf/);
    const k = run('export', '--what', 'letter', seed('hebei-dachang-zhengfawei-2023.txt'), '-o', tmpdir());
    expect(k.status).toBe(2);
    expect(k.stderr).toContain('--what 只能是 form、summary、report、disclosure');
  });
});

describe('jixiao user', () => {
  it('adds users with a password shown once, lists them, resets a password; bad input exits 2', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'jixiao-user-')), 'jixiao.sqlite');
    expect(run('import', '--db', db, join(root, 'fixtures/seeds/hebei-dachang-zhengfawei-2023.txt')).status).toBe(0);
    const add = run('user', 'add', 'zhang', '--db', db, '--name', '张会计', '--role', 'filler', '--department', '1');
    expect(add.status).toBe(0);
    const password = /初始密码：(\S+)/.exec(add.stdout)?.[1];
    expect(password).toHaveLength(16);
    const list = run('user', 'list', '--db', db);
    expect(list.stdout).toMatch(/zhang\s+张会计\s+填报人/);
    expect(list.stdout).not.toContain(password);
    const reset = run('user', 'reset', 'zhang', '--db', db);
    expect(reset.stdout).toMatch(/已重置 zhang 的密码：\S{16}/);
    const noDept = run('user', 'add', 'li', '--db', db, '--role', 'unit-reviewer');
    expect(noDept.status).toBe(2);
    expect(noDept.stderr).toContain('USER.NO_DEPARTMENT');
    expect(run('user', 'add', 'zhang', '--db', db, '--department', '1').stderr).toContain('已存在');
  });
});

describe('jixiao new', () => {
  it('makes a blank form, one from last year, then this year for the whole department; bad input exits 2 with its code', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'jixiao-new-')), 'jixiao.sqlite');
    expect(run('import', '--db', db, join(root, 'fixtures/seeds/hebei-dachang-zhengfawei-2023.txt')).status).toBe(0);
    const blank = run('new', '--db', db, '--department', '1', '--project', '新项目', '--year', '2024');
    expect(blank.status).toBe(0);
    expect(blank.stdout).toMatch(/已新建“新项目”2024 年度的表（编号 \d+，空白，\d+ 个指标）/);
    const copied = JSON.parse(
      run('new', '--db', db, '--department', '1', '--project', '见义勇为基金', '--year', '2024', '--from', 'previous-year', '--json').stdout,
    );
    expect(copied).toMatchObject({ project: '见义勇为基金', year: 2024, status: 'draft', previousYear: { year: 2023 } });
    expect(copied.evaluation.indicators.every((i: { actual: { raw: string } }) => i.actual.raw === '')).toBe(true);
    // the other ten projects of 2023 get their 2024 forms in one go; the two made above are left alone
    const all = run('new', '--db', db, '--department', '1', '--year', '2024', '--all');
    expect(all.stdout).toBe('已为“政法委”从 2023 年度生成 2024 年度的表 10 张（2 个项目本年度已有，未动）\n');
    const none = run('new', '--db', db, '--department', '1', '--project', '见义勇为基金', '--year', '2030', '--from', 'previous-year');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('[FORM.NO_PREVIOUS_YEAR]');
    expect(none.stderr).toContain('没有 2029 年度的自评表');
    const twice = run('new', '--db', db, '--department', '1', '--project', '新项目', '--year', '2024');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('STORE.DUPLICATE');
    expect(run('new', '--db', db, '--department', '1', '--project', 'x', '--year', '2024', '--kind', 'weekly').stderr).toContain('FORM.UNKNOWN_KIND');
    expect(run('new', '--db', db, '--department', 'nope', '--project', 'x', '--year', '2024').stderr).toContain('INPUT.NO_DEPARTMENT');
    expect(run('new', '--db', db, '--department', '1', '--project', 'x', '--year', '-5').stderr).toContain('INPUT.BAD_YEAR');
  }, 180_000); // eleven runs of the binary, each starting tsx
});

describe('jixiao demo', () => {
  it('generates a (small) province deterministically, with mistakes for the audit to find, and reports its memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-demo-'));
    const a = run('demo', '--db', join(dir, 'a.sqlite'), '--scale', 'province', '--seed', '3', '--departments', '2', '--per-department', '50');
    const b = run('demo', '--db', join(dir, 'b.sqlite'), '--scale', 'province', '--seed', '3', '--departments', '2', '--per-department', '50');
    expect(a.status).toBe(0);
    const grades = (s: string) => /等级 (.+)/.exec(s)?.[1];
    expect(grades(a.stdout)).toBeTruthy();
    expect(grades(a.stdout)).toBe(grades(b.stdout));
    expect(a.stdout).toMatch(/完成：100 张自评表/);
    expect(a.stdout).toMatch(/内存峰值（RSS）：\d+ MB/);
    // a second run into the same database is refused rather than doubling the data
    const again = run('demo', '--db', join(dir, 'a.sqlite'), '--scale', 'province', '--departments', '1', '--per-department', '1');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('DEMO.EXISTS');
    expect(run('demo', '--db', join(dir, 'c.sqlite'), '--scale', 'city').stderr).toContain('INPUT.BAD_SCALE');
  });
});

describe('jixiao serve', () => {
  // The server keeps a LibreOffice waiting for PDF work; CI installs LibreOffice (.ci/run).
  const soffice = spawnSync('soffice', ['--version']).status === 0;
  if (!soffice && process.env.CI) throw new Error('CI must have LibreOffice for the serve test');
  /** The LibreOffice processes under `root` (node → oosplash → soffice.bin). */
  const officeUnder = (root: number) => {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm ?? '' }));
    const under = new Set([root]);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of rows)
        if (under.has(r.ppid) && !under.has(r.pid)) {
          under.add(r.pid);
          grew = true;
        }
    }
    return rows.filter((r) => under.has(r.pid) && /soffice|oosplash/.test(r.comm)).map((r) => r.pid);
  };

  it.skipIf(!soffice)(
    'serves, keeps a LibreOffice waiting for PDFs, and on SIGTERM closes and leaves no LibreOffice behind',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-serve-'));
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const child = spawn(bin, ['serve', '--port', String(port), '--data-dir', dir], {
        cwd: root,
        env: { ...process.env, JIXIAO_PDF_WORKERS: '1' },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      try {
        await until(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok === true, 60_000);
        await until(() => officeUnder(child.pid!).length >= 2, 60_000);
        const office = officeUnder(child.pid!);
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        for (const pid of office) expect(isAlive(pid)).toBe(false);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  );
});

describe('jixiao import --kind goal', () => {
  it('stores goal forms read from .docx; a 自评表 given as goals is refused with its code and stores nothing', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'jixiao-goals-')), 'jixiao.sqlite');
    const ok = run(
      'import',
      '--db',
      db,
      '--kind',
      'goal',
      '--department-code',
      'goal-dept',
      '--department-name',
      '县政法委',
      join(root, 'fixtures/goals/well-set.goal.docx'),
    );
    expect(ok.stdout).toMatch(/已保存 1 张绩效目标申报表到“县政法委”/);
    expect(ok.status).toBe(0);
    const wrong = run('import', '--db', db, '--kind', 'goal', join(root, 'fixtures/office/xinjiang-changji-zhengfawei-2021.docx'));
    expect(wrong.stdout).toContain('未保存 [IMPORT.NOT_A_GOAL_FORM]');
    expect(wrong.stdout).toContain('这是项目支出绩效自评表');
    expect(wrong.status).toBe(2);
  }, 60_000);

  it('without --kind, each file is stored as the kind its title names (a 目标申报表 as goals, a 自评表 as a self-evaluation)', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'jixiao-kinds-')), 'jixiao.sqlite');
    const r = run(
      'import',
      '--db',
      db,
      '--department-code',
      'mixed',
      '--department-name',
      '县政法委',
      join(root, 'fixtures/goals/well-set.goal.docx'),
      join(root, 'fixtures/office/xinjiang-changji-zhengfawei-2021.docx'),
    );
    expect(r.stdout).toMatch(/well-set\.goal\.docx：已保存 1 张绩效目标申报表到“县政法委”/);
    expect(r.stdout).toMatch(/xinjiang-changji-zhengfawei-2021\.docx：已保存 \d+ 张自评表到“县政法委”/);
    expect(r.status).toBe(0);
  }, 60_000);
});
