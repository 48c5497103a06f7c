/**
 * What a goal form says about its project that decides whether some indicators are expected:
 * G1 expects 满意度 where the project serves people, G2 a 社会成本/生态环境成本 indicator where it has
 * negative externalities (101号: "对于具有负外部性的支出项目，还应选取负作用成本指标"). Read from the
 * project's name, category and goals text; the words are those of real projects, and the findings
 * they lead to say that the project may be an exception.
 */
import type { GoalForm } from './goal-form.ts';

const SERVES_PEOPLE =
  /群众|居民|市民|村民|农户|农民|学生|患者|病人|老人|老年|儿童|妇女|残疾|困难|救助|补助|补贴|慰问|培训|服务对象|受益|就业|帮扶|优抚|退役军人|见义勇为|信访|调解|法律援助|宣传教育|公共服务/;
// construction and works, not 建设 alone (平安建设, 队伍建设 are programmes, not building sites)
const EXTERNALITIES = /施工|新建|改建|扩建|土建|基建|修缮|维修改造|道路|桥梁|管网|拆迁|征地|采矿|污水|垃圾|排放|填埋|砍伐|开挖|工程建设|建设工程|基础设施建设/;

function describe(form: GoalForm): string {
  return [form.project.name.raw, form.project.category?.raw ?? '', form.goals.annual?.raw ?? '', form.goals.longTerm?.raw ?? ''].join('\n');
}

/** The words of the project that show it serves people directly, or null. */
export function servesPeople(form: GoalForm): string | null {
  return SERVES_PEOPLE.exec(describe(form))?.[0] ?? null;
}

/** The words of the project that show negative externalities (construction, waste, digging), or null. */
export function hasExternalities(form: GoalForm): string | null {
  return EXTERNALITIES.exec(describe(form))?.[0] ?? null;
}
