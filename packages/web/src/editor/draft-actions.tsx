/**
 * What a draft's 填报人 may do with the form as a whole: file it under another year, or delete it (its
 * history and frozen copies stay). Shown only when the server says this user may (permissions.delete).
 */
import { MoreOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, InputNumber } from 'antd';
import { useRef } from 'react';
import { api, ApiError, type EvaluationFull, type FormFull } from '../api.ts';
import { navigate } from '../router.ts';

export function DraftActions<F extends FormFull = EvaluationFull>({ saved, dirty, onChanged }: { saved: F; dirty: boolean; onChanged: (s: F) => void }) {
  const { message, modal } = AntApp.useApp();
  // read when the dialog is confirmed: the dialog's content is rendered once, outside this component's state
  const year = useRef<number | null>(saved.year);
  const failed = (e: unknown) => message.error(e instanceof ApiError ? e.message : (e as Error).message);

  const changeYear = () => {
    if (dirty) return void message.warning('请先保存或放弃未保存的修改，再修改年度');
    modal.confirm({
      title: '修改年度',
      content: (
        <InputNumber aria-label="新的年度" min={1990} max={2100} precision={0} defaultValue={saved.year ?? undefined} onChange={(v) => (year.current = v)} />
      ),
      okText: '修改',
      cancelText: '取消',
      onOk: async () => {
        const y = year.current;
        if (y === null) return;
        try {
          onChanged(await api.changeYear<F>(saved.id, saved.version, y));
          message.success(`已改为 ${y} 年度`);
        } catch (e) {
          failed(e);
        }
      },
    });
  };

  const remove = () =>
    modal.confirm({
      title: `删除“${saved.project}”${saved.year ?? ''} 年度的草稿？`,
      content: '删除后表从列表中消失；修改记录和已冻结的副本保留，管理员可查看。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.deleteForm(saved.id, saved.version);
          message.success('草稿已删除');
          navigate({ page: 'overview', dept: saved.departmentId, ...(saved.year !== null && { year: saved.year }) });
        } catch (e) {
          failed(e);
        }
      },
    });

  return (
    <Dropdown
      menu={{
        items: [
          { key: 'year', label: '修改年度' },
          { key: 'delete', label: '删除草稿', danger: true },
        ],
        onClick: ({ key }) => (key === 'year' ? changeYear() : remove()),
      }}
    >
      <Button icon={<MoreOutlined />} data-testid="draft-actions">
        草稿
      </Button>
    </Dropdown>
  );
}
