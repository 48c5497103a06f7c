/**
 * The goal form's workflow in its own words: 填报 → 单位审核 → 财政批复. The steps are the self-evaluation's
 * (the same routes and statuses); the last one approves the goals (批复) and freezes them.
 */
import type { WorkflowTexts } from '../editor/workflow-bar.tsx';

export const GOAL_WORKFLOW: WorkflowTexts = {
  statuses: { draft: '填报中', submitted: '已提交，待单位审核', 'unit-approved': '单位已审核，待财政批复', 'finance-reviewed': '财政已批复' },
  actions: { submit: '提交', approve: '单位审核通过', finalize: '财政批复', return: '退回' },
  confirm: {
    submit: '提交后本表只读，直到审核人退回。确定提交？',
    approve: '确认绩效目标设置合理，报财政批复？',
    finalize: '批复后绩效目标冻结，只能填写调整后指标值和调整原因；当年自评表以批复的目标为准。确定批复？',
    return: '',
  },
};
