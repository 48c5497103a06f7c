/** The `jixiao` command. */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_BAD_INPUT } from './errors.ts';
import { scoreCommand } from './commands/score.ts';
import { indicatorCommand } from './commands/indicator.ts';
import { importCommand } from './commands/import.ts';
import { auditCommand } from './commands/audit.ts';
import { lintCommand } from './commands/lint.ts';
import { summaryCommand } from './commands/summary.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { exportCommand } from './commands/export.ts';
import { importToDatabase } from './commands/import-db.ts';
import { userCommand } from './commands/user.ts';
import { demoCommand } from './commands/demo.ts';
import { newCommand } from './commands/new.ts';

const out = (s: string) => process.stdout.write(s + '\n');

// `jixiao audit … | head`: the reader has gone, so stop quietly instead of dying on EPIPE with a stack.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

export function buildProgram(): Command {
  const program = new Command('jixiao')
    .description('项目支出绩效自评：导入、评分、审核')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('score')
    .description('按评分规则重新计算自评表得分（R1–R7），与填报得分对照')
    .argument('<files...>', '自评表 .json（docs/evaluation.schema.json）、.txt、.docx、.xlsx、.doc、.xls')
    .option('--json', '输出 JSON')
    .option('--scheme <id>', '评分方案（默认按表式识别：national、hebei、ningxia）')
    .action((files: string[], opts) => scoreCommand(files, opts, out));

  program
    .command('indicator')
    .description('计算单个指标得分并说明计算过程')
    .option('--target <text>', '年度指标值，如 ≥95%')
    .option('--actual <text>', '实际完成值，如 98%')
    .option('--points <n>', '分值')
    .option('--category <name>', '二级指标，如 成本指标（决定未写符号时的方向）', '数量指标')
    .option('--claimed <n>', '填报得分（定性指标在档内时采用）')
    .option('--scheme <id>', '评分方案', 'national')
    .option('--batch <file.tsv>', '批量：首行为表头，列为 target、actual、points、category，每行输出一行 JSON')
    .option('--json', '输出 JSON')
    .action((opts) => indicatorCommand(opts, out));

  program
    .command('import')
    .description('识别文件中的自评表并列出结果与校验问题；给出 --db 时保存到数据库')
    .argument('<files...>', '.txt、.docx、.xlsx、.pdf、.doc、.xls 或 .json')
    .option('--json', '按公开格式输出识别出的自评表')
    .option('--db <path|url>', 'SQLite 文件路径或 postgres:// 地址：保存到该数据库')
    .option('--department-code <code>', '保存到的部门编码（默认取表中的主管部门）')
    .option('--department-name <name>', '部门名称')
    .option('--kind <kind>', '随 --db：文件中表的种类，self-evaluation 或 goal（绩效目标申报表）；不给时按每个文件的标题识别')
    .action(async (files: string[], opts) => {
      if (opts.db) process.exitCode = await importToDatabase(files, opts, out);
      else await importCommand(files, opts, out);
    });

  program
    .command('demo')
    .description('演示数据：seeds 载入四份种子表；province 生成 100 个部门、10 万张自评表（含常见错误，同一 --seed 结果相同）')
    .requiredOption('--db <path|url>', 'SQLite 文件或 postgres:// 地址')
    .option('--scale <scale>', 'seeds（默认）或 province')
    .option('--seed <n>', '随机种子（默认 1）')
    .option('--departments <n>', '部门数（默认 100）')
    .option('--per-department <n>', '每个部门的自评表数（默认 1000）')
    .action((opts) => demoCommand(opts, out));

  program
    .command('new')
    .description('在数据库中新建表：空白（按本部门表式）或从上年复制；--all 为本部门全部项目从上年生成')
    .requiredOption('--db <path|url>', 'SQLite 文件或 postgres:// 地址')
    .requiredOption('--department <code|id>', '部门编码或编号')
    .requiredOption('--year <n>', '年度')
    .option('--project <name>', '项目名称（没有时新建项目）')
    .option('--from <source>', 'blank（默认）或 previous-year')
    .option('--kind <kind>', '表的种类', 'self-evaluation')
    .option('--all', '为本部门上年有表的全部项目生成本年度的表（一个事务）')
    .option('--json', '输出 JSON')
    .action((opts) => newCommand(opts, out));

  program
    .command('user')
    .description('账号管理：add 新建（打印一次初始密码）、reset 重置密码、list 列出')
    .argument('<action>', 'add | reset | list')
    .argument('[username]', '用户名')
    .requiredOption('--db <path|url>', 'SQLite 文件（如 data/jixiao.sqlite）或 postgres:// 地址')
    .option('--name <name>', '姓名')
    .option('--role <role>', '角色：admin、filler（默认）、unit-reviewer、finance')
    .option('--department <code|id>', '所属部门（填报人、单位审核）')
    .option('--assign <codes>', '财政审核负责的部门，逗号分隔')
    .action((action: string, username: string | undefined, opts) => userCommand(action, username, opts, out));

  program
    .command('serve')
    .description('启动网页与接口服务（同 npm start）')
    .option('--port <n>', '端口（默认 3000，或 PORT）')
    .option('--host <address>', '监听地址（默认 127.0.0.1 仅本机；0.0.0.0 对外开放；或 HOST）')
    .option('--data-dir <dir>', '数据目录（默认 ./data，或 JIXIAO_DATA_DIR）')
    .option('--database-url <url>', 'PostgreSQL 地址（或 DATABASE_URL）')
    .option('--no-demo', '首次启动时不载入演示数据')
    .action((opts) => serveCommand(opts));

  program
    .command('audit')
    .description('逻辑校验（A1–A12）：按自评表和规则分组列出问题；有错误时退出码为 1')
    .argument('<files...>', '同一部门的自评表、汇总表、报告（.json、.txt、.docx、.xlsx、.doc、.xls）')
    .option('--json', '输出 JSON')
    .option('--scheme <id>', '评分方案')
    .action(async (files: string[], opts) => {
      process.exitCode = await auditCommand(files, opts, out);
    });

  program
    .command('lint')
    .description('绩效目标申报表校验（G1–G11）：按表和规则列出问题；有错误时退出码为 1')
    .argument('<files...>', '项目支出绩效目标申报表（.docx、.xlsx 全国格式，或 .json）')
    .option('--json', '输出 JSON')
    .option('--scheme <id>', '评分方案（分值与严重程度；默认 national）')
    .option('--previous <file>', '上年自评表（.json、.txt、.docx、.xlsx），用于对照上年实际完成值（G10）')
    .action(async (files: string[], opts) => {
      process.exitCode = await lintCommand(files, opts, out);
    });

  program
    .command('export')
    .description('生成正式文档：自评表、汇总表、整体自评报告、决算公开说明（docx、xlsx、pdf）')
    .argument('<files...>', '同一部门的自评表（.json、.txt、.docx、.xlsx、.doc、.xls）')
    .requiredOption('--what <kind>', 'form（每张自评表一个文件）、summary、report、disclosure')
    .option('--format <fmt>', 'docx、xlsx（自评表与汇总表）或 pdf', 'docx')
    .requiredOption('-o, --out <dir>', '输出目录')
    .option('--scheme <id>', '评分方案')
    .option('--projects <list>', 'disclosure：附表和综述的项目序号，如 1,3,5（默认预算最大的三个）')
    .option('--project-spending <万元>', 'disclosure：一般公共预算项目支出总额')
    .option('--claimed', '得分输出各表填报值（默认输出按规则计算的得分，并提示被更正的填报得分）')
    .option('--computed', '得分输出按规则计算的得分（默认即如此）')
    .option('--zip', '--what form：全部自评表打包为一个 .zip（序号_项目名称_自评表），显示进度')
    .option('--workers <n>', 'pdf：同时运行的 LibreOffice 数', '2')
    .action((files: string[], opts) => exportCommand(files, opts, out));

  program
    .command('summary')
    .description('由自评表生成部门绩效自评情况汇总表')
    .argument('<files...>', '.json、.txt、.docx、.xlsx、.doc、.xls')
    .option('--json', '输出 JSON')
    .option('--scheme <id>', '评分方案')
    .action((files: string[], opts) => summaryCommand(files, opts, out));

  program
    .command('report')
    .description('生成整体绩效自评工作报告（overall）或决算公开绩效情况说明（disclosure）的文字')
    .argument('<files...>', '.json、.txt、.docx、.xlsx、.doc、.xls')
    .requiredOption('--kind <kind>', 'overall 或 disclosure')
    .option('--projects <list>', '公开说明中作综述的项目序号，如 1,3,5（默认预算最大的三个）')
    .option('--project-spending <万元>', '一般公共预算项目支出总额，用于计算覆盖比例')
    .option('--json', '输出章节结构 JSON')
    .option('--scheme <id>', '评分方案')
    .action((files: string[], opts) => reportCommand(files, opts, out));

  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError) {
    process.stderr.write(`错误 [${e.code}]：${e.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  } else {
    const code = (e as { code?: string }).code;
    process.stderr.write(`错误 [${code ?? 'INTERNAL'}]：${(e as Error).message}\n`);
    process.exitCode = code ? EXIT_BAD_INPUT : 70;
  }
}
