/** Departments, projects, the 汇总表 and 各部门汇总, as the API sends them (department/*.ts, ports/store.ts). */
import { z } from 'zod';
import { Finding } from './finding.ts';
import { Status } from './forms.ts';

export const Department = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), parentId: z.number().int().nullable() })
  .meta({ id: 'Department', description: '部门' });
export type Department = z.infer<typeof Department>;

export const Project = z
  .object({ id: z.number().int(), departmentId: z.number().int(), name: z.string(), code: z.string().nullable(), fundType: z.string().nullable() })
  .meta({ id: 'Project', description: '项目' });
export type Project = z.infer<typeof Project>;

const GradeCounts = z.record(z.string(), z.number().int()).describe('各等级的表数');

export const SummaryLine = z.object({
  seq: z.number().int().describe('序号（从 1 起）'),
  project: z.string(),
  budget: z.string().nullable().describe('全年预算数，万元'),
  executed: z.string().nullable().describe('全年执行数，万元'),
  received: z.string().nullable().describe('到位数，万元'),
  rate: z.string().nullable().describe('执行率，%'),
  fundType: z.string(),
  score: z.string().describe('计算得分，分'),
  grade: z.string(),
  claimedScore: z.string().nullable(),
  claimedGrade: z.string().nullable(),
  form: z.number().int(),
});
export type SummaryLine = z.infer<typeof SummaryLine>;

export const DepartmentSummary = z.object({
  year: z.number().int().nullable(),
  rows: z.array(SummaryLine),
  total: z.object({ budget: z.string(), executed: z.string(), rate: z.string().nullable() }),
  gradeCounts: GradeCounts,
  evaluated: z.number().int().describe('已自评项目数'),
  expected: z.number().int().describe('应评项目数'),
  selfEvaluationRate: z.string().describe('自评率，%'),
  averageScore: z.string().nullable(),
  overallGrade: z.string().nullable(),
});
export type DepartmentSummary = z.infer<typeof DepartmentSummary>;

/** A 汇总表 row with its form's id, status, version, 复核得分 and its findings counted. */
export const SummaryRow = SummaryLine.extend({
  evaluationId: z.number().int(),
  status: Status,
  version: z.number().int(),
  reviewedScore: z.string().nullable().describe('复核后的总分，分'),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const DepartmentSummaryView = z
  .object({ department: Department, summary: DepartmentSummary.extend({ rows: z.array(SummaryRow) }) })
  .meta({ id: 'DepartmentSummaryView', description: '绩效自评情况汇总表' });
export type DepartmentSummaryView = z.infer<typeof DepartmentSummaryView>;

const OverviewFigures = {
  forms: z.number().int(),
  budget: z.string().describe('万元'),
  executed: z.string().describe('万元'),
  rate: z.string().nullable().describe('执行率，%'),
  gradeCounts: GradeCounts,
};
export const ProvinceOverview = z
  .object({
    year: z.number().int().nullable(),
    rows: z.array(z.object({ departmentId: z.number().int(), code: z.string(), name: z.string(), ...OverviewFigures })),
    total: z.object({ ...OverviewFigures, departments: z.number().int() }),
  })
  .meta({ id: 'ProvinceOverview', description: '各部门汇总' });
export type ProvinceOverview = z.infer<typeof ProvinceOverview>;

/** A department's finding, with the id of the form it is about (null: about the department's documents). */
export const DepartmentFinding = Finding.extend({ evaluationId: z.number().int().nullable() }).meta({
  id: 'DepartmentFinding',
  description: '部门的校验结果（含所属表的编号；部门文档的为 null）',
});
export type DepartmentFinding = z.infer<typeof DepartmentFinding>;

export { GradeCounts };
