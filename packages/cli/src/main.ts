/** The `jixiao` command. */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_BAD_INPUT } from './errors.ts';
import { scoreCommand } from './commands/score.ts';
import { indicatorCommand } from './commands/indicator.ts';
import { importCommand } from './commands/import.ts';

const out = (s: string) => process.stdout.write(s + '\n');

export function buildProgram(): Command {
  const program = new Command('jixiao')
    .description('项目支出绩效自评：导入、评分、审核')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('score')
    .description('按评分规则重新计算自评表得分（R1–R7），与填报得分对照')
    .argument('<files...>', '自评表 .json（docs/evaluation.schema.json）或 .txt')
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
    .description('识别文件中的自评表并列出结果')
    .argument('<files...>', '.txt 或 .json')
    .option('--json', '按公开格式输出识别出的自评表')
    .action((files: string[], opts) => importCommand(files, opts, out));

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
