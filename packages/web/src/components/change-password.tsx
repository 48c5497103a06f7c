/**
 * 修改密码: the current password and a new one, twice. The server checks the current one (limited like a
 * login), refuses a weak new one in Chinese, and ends this account's other sessions; this one goes on.
 */
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api.ts';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ current: string; next: string; again: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(v.current, v.next);
      form.resetFields();
      onClose();
      message.success('密码已修改；本账号在其他地方的登录已全部退出');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="修改密码"
      open={open}
      okText="修改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="change-password">
        <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="next" extra="至少 10 位，含字母和数字，不要用常见密码或用户名" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="again"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === undefined || v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} data-testid="change-password-error" />}
      </Form>
    </Modal>
  );
}
