/**
 * 新建表: start a project (or pick one of the department's) and create its form for a year — a 绩效目标申报表
 * (blank, or from last year's goals) or a 自评表 (blank in the department's own layout, from the project's
 * form of the year before, or from the year's approved goals: indicators and targets carried over by id,
 * actuals left empty). Also: this year's 自评表 of every project from last year's at once.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError, type Project } from '../api.ts';
import { KIND_LABELS } from '../format.ts';
import { navigate } from '../router.ts';
import { useAsync } from '../use-async.ts';

const NEW = -1;

type Kind = 'goal' | 'self-evaluation';
type From = 'blank' | 'previous-year' | 'goals';

interface Values {
  kind: Kind;
  projectId: number;
  name?: string;
  year: number;
  from: From;
}

const FROM_OPTIONS: Record<Kind, ReadonlyArray<{ value: From; label: string; needsProject: boolean }>> = {
  goal: [
    { value: 'blank', label: '空白表', needsProject: false },
    { value: 'previous-year', label: '从上年的绩效目标复制（上年实际完成值列在旁边）', needsProject: true },
  ],
  'self-evaluation': [
    { value: 'blank', label: '空白表（按本部门的表式）', needsProject: false },
    { value: 'previous-year', label: '从上年的自评表复制（指标和目标带入，实际值留空）', needsProject: true },
    { value: 'goals', label: '从已批复的绩效目标开始（指标和目标带入，实际值留空）', needsProject: true },
  ],
};

export function NewFormButton({ departmentId, year }: { departmentId: number; year: number | undefined }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const projects = useAsync(() => (open ? api.projects(departmentId) : Promise.resolve([] as Project[])), [open, departmentId]);
  const projectId = Form.useWatch('projectId', form);
  const kind: Kind = Form.useWatch('kind', form) ?? 'self-evaluation';
  const thisYear = year ?? new Date().getFullYear();

  const create = async (v: Values) => {
    setBusy(true);
    try {
      const made = await api.createForm({
        kind: v.kind,
        year: v.year,
        from: v.projectId === NEW ? 'blank' : v.from,
        ...(v.projectId === NEW ? { newProject: { departmentId, name: v.name!.trim() } } : { projectId: v.projectId }),
      });
      message.success(`已新建“${made.project}”${made.year} 年度的${KIND_LABELS[v.kind]}`);
      setOpen(false);
      navigate({ page: 'editor', id: made.id });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const carryOver = async () => {
    const y = form.getFieldValue('year') as number;
    setBusy(true);
    try {
      const r = await api.carryOver(departmentId, y);
      message.success(`已从 ${y - 1} 年度生成 ${y} 年度的自评表 ${r.created} 张${r.existing ? `（${r.existing} 个项目本年度已有，未动）` : ''}`);
      setOpen(false);
      navigate({ page: 'overview', dept: departmentId, year: y });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-form">
        新建表
      </Button>
      <Modal
        title={`新建${KIND_LABELS[kind]}`}
        open={open}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Space>
            {kind === 'self-evaluation' && (
              <Button onClick={() => void carryOver()} loading={busy} data-testid="carry-over-all">
                为全部项目从上年生成
              </Button>
            )}
            <Button type="primary" onClick={() => form.submit()} loading={busy} data-testid="create-form">
              新建
            </Button>
          </Space>
        }
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'self-evaluation', projectId: NEW, year: thisYear, from: 'blank' }}
          onFinish={(v) => void create(v)}
          onValuesChange={(changed: Partial<Values>) => {
            // a way of starting that the chosen kind does not have falls back to a blank form
            if (changed.kind && !FROM_OPTIONS[changed.kind].some((o) => o.value === form.getFieldValue('from'))) form.setFieldValue('from', 'blank');
          }}
          preserve={false}
        >
          <Form.Item label="表" name="kind">
            <Radio.Group
              aria-label="表"
              optionType="button"
              options={[
                { value: 'goal', label: '绩效目标申报表' },
                { value: 'self-evaluation', label: '自评表' },
              ]}
            />
          </Form.Item>
          <Form.Item label="项目" name="projectId">
            <Select
              aria-label="项目"
              showSearch={{ optionFilterProp: 'label' }}
              loading={projects.loading}
              options={[{ value: NEW, label: '（新项目）' }, ...(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            />
          </Form.Item>
          {projectId === NEW && (
            <Form.Item
              label="新项目名称"
              name="name"
              rules={[
                { required: true, whitespace: true, message: '请填写项目名称' },
                { max: 200, message: '项目名称不超过 200 字' },
              ]}
            >
              <Input aria-label="新项目名称" placeholder="如：社会治安综合治理工作经费" />
            </Form.Item>
          )}
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber aria-label="年度" min={1990} max={2100} precision={0} />
          </Form.Item>
          <Form.Item label="从哪里开始" name="from">
            <Radio.Group>
              {FROM_OPTIONS[kind].map((o) => (
                <Radio key={o.value} value={o.value} disabled={o.needsProject && projectId === NEW}>
                  {o.label}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
