/** 登录: the only page without a session. Too many failures are refused for a while (the server says how long). */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, type User } from '../api.ts';

export function LoginPage({ onLogin }: { onLogin: (user: User, csrf: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(v.username.trim(), v.password);
      onLogin(r.user, r.csrf);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login">
      <Card style={{ width: 380 }} data-testid="login">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          绩效自评 · 登录
        </Typography.Title>
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          首次启动时管理员密码打印在服务器终端；其他账号由管理员在“用户管理”中建立。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
