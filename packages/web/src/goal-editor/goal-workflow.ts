/**
 * The goal form's workflow in its own words (core's GOAL_STATUS_LABELS, GOAL_ACTION_LABELS): 填报 → 单位审核
 * → 财政批复. The steps are the self-evaluation's, on the same routes; the last one approves the goals (批复)
 * and freezes them, and what each confirmation says follows from that.
 */
import { GOAL_ACTION_LABELS, GOAL_STATUS_LABELS } from '@jixiao/core';
import type { WorkflowTexts } from '../editor/workflow-bar.tsx';

export const GOAL_WORKFLOW: WorkflowTexts = {
  statuses: GOAL_STATUS_LABELS,
  actions: GOAL_ACTION_LABELS,
  confirm: {
    submit: '提交后本表只读，直到审核人退回。确定提交？',
    approve: '确认绩效目标设置合理，报财政批复？',
    finalize: '批复后绩效目标冻结，只能填写调整后指标值和调整原因；当年自评表以批复的目标为准。确定批复？',
    return: '',
  },
};
