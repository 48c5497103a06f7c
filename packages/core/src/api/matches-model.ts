/**
 * Compile-time proof that the contract describes the types the code computes with: each schema's
 * inferred type and the core's interface must be assignable both ways, so a field added to one and not
 * the other fails `tsc` (root typecheck), before any test runs. No runtime code.
 */
import type { z } from 'zod';
import type { Finding } from '../audit/finding.ts';
import type { DepartmentSummary, SummaryLine } from '../department/summary.ts';
import type { ProvinceOverview } from '../department/province-overview.ts';
import type { ReportContent } from '../department/report-content.ts';
import type { FormCheck } from '../kinds/form-kind.ts';
import type { User } from '../ports/accounts.ts';
import type { Change, Department, Project, ReviewOpinion, ReviewScore, Snapshot } from '../ports/store.ts';
import type { BudgetExecution } from '../scoring/budget-execution.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import type { IndicatorScore } from '../scoring/score-indicator.ts';
import type { ParsedValue } from '../values/parse-value.ts';
import type * as contract from './index.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
type Out<S extends z.ZodType> = z.infer<S>;

export type ContractMatchesModel = [
  Expect<Same<Out<typeof contract.ParsedValue>, ParsedValue>>,
  Expect<Same<Out<typeof contract.IndicatorScore>, IndicatorScore>>,
  Expect<Same<Out<typeof contract.BudgetExecution>, BudgetExecution>>,
  Expect<Same<Out<typeof contract.EvaluationScore>, EvaluationScore>>,
  Expect<Same<Out<typeof contract.Finding>, Finding>>,
  Expect<Same<Out<typeof contract.FormCheck>, FormCheck>>,
  Expect<Same<Out<typeof contract.ReviewScore>, ReviewScore>>,
  Expect<Same<Out<typeof contract.ReviewOpinion>, ReviewOpinion>>,
  Expect<Same<Out<typeof contract.Change>, Change>>,
  Expect<Same<Out<typeof contract.Snapshot>, Snapshot>>,
  Expect<Same<Out<typeof contract.Department>, Department>>,
  Expect<Same<Out<typeof contract.Project>, Project>>,
  Expect<Same<Out<typeof contract.SummaryLine>, SummaryLine>>,
  Expect<Same<Out<typeof contract.DepartmentSummary>, DepartmentSummary>>,
  Expect<Same<Out<typeof contract.ProvinceOverview>, ProvinceOverview>>,
  Expect<Same<Out<typeof contract.ReportContent>, ReportContent>>,
  Expect<Same<Out<typeof contract.User>, User>>,
];
