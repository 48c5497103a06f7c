/**
 * 用户与部门 (管理员): accounts with their role and departments, a new account's password shown once,
 * password resets; a user's name, role and department edited, disabled and enabled again; and the
 * departments: listed with their parent, new ones, renamed and moved (a taken code or a parent below
 * itself is refused by the server, in Chinese).
 */
import { App as AntApp, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type Role } from '@jixiao/core';
import { api, ApiError, type Department, type User } from '../api.ts';
import { Loaded } from '../components/state-views.tsx';
import { useAsync } from '../use-async.ts';

const ROLES = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export function UsersPage({ me }: { me: User }) {
  const { message, modal } = AntApp.useApp();
  const users = useAsync(() => api.users(), []);
  const departments = useAsync(() => api.departments(), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [form] = Form.useForm();
  const [deptForm] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;
  const deptName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const showPassword = (username: string, password: string) =>
    modal.info({
      title: `${username} 的初始密码`,
      content: (
        <>
          <Typography.Paragraph copyable={{ text: password }} code data-testid="new-password">
            {password}
          </Typography.Paragraph>
          只显示这一次，请转交本人。
        </>
      ),
      okText: '已记下',
    });
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : (e as Error).message);

  const add = async () => {
    const v = (await form.validateFields()) as { username: string; displayName: string; role: Role; departmentId?: number; assigned?: number[] };
    try {
      const r = await api.addUser(v);
      setAdding(false);
      form.resetFields();
      users.reload();
      showPassword(r.user.username, r.password);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div data-testid="users">
      <div className="page-head">
        <Typography.Title level={3}>用户与部门</Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-user">
          新建用户
        </Button>
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="用户">
          <Loaded state={users}>
            {(list) => (
              <Table<User>
                size="small"
                rowKey="id"
                dataSource={list}
                pagination={{ defaultPageSize: 20 }}
                columns={[
                  { title: '用户名', dataIndex: 'username' },
                  { title: '姓名', dataIndex: 'displayName' },
                  { title: '角色', dataIndex: 'role', render: (r: Role) => <Tag>{ROLE_LABELS[r]}</Tag> },
                  {
                    title: '部门',
                    key: 'd',
                    render: (_: unknown, u) =>
                      (u.role === 'finance' ? u.assigned : u.departmentId === null ? [] : [u.departmentId]).map((d) => deptName.get(d) ?? d).join('、') || '—',
                  },
                  {
                    title: '启用',
                    key: 'on',
                    width: 70,
                    render: (_: unknown, u) => (
                      <Switch
                        size="small"
                        checked={!u.disabled}
                        disabled={u.id === me.id}
                        aria-label={`启用 ${u.username}`}
                        data-testid={`enable-user-${u.username}`}
                        onChange={(on) => void api.updateUser(u.id, { disabled: !on }).then(users.reload, fail)}
                      />
                    ),
                  },
                  {
                    title: '操作',
                    key: 'op',
                    width: 180,
                    render: (_: unknown, u) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(u)} data-testid={`edit-user-${u.username}`}>
                          编辑
                        </Button>
                        <Button
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: `重置 ${u.username} 的密码？`,
                              content: '将生成新的随机密码，并注销其所有登录。',
                              okText: '重置',
                              cancelText: '取消',
                              onOk: () => api.updateUser(u.id, { resetPassword: true }).then((r) => void showPassword(u.username, r.password!), fail),
                            })
                          }
                        >
                          重置密码
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Loaded>
        </Card>
        <Card size="small" title="部门">
          <Loaded state={departments}>{(list) => <DepartmentTable list={list} onChanged={departments.reload} fail={fail} />}</Loaded>
          <Form
            form={deptForm}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={(v: { code: string; name: string; parentId?: number }) =>
              void api.addDepartment(v).then(() => {
                deptForm.resetFields();
                departments.reload();
                message.success('部门已建立');
              }, fail)
            }
          >
            <Form.Item name="code" rules={[{ required: true, message: '编码' }]}>
              <Input placeholder="部门编码" aria-label="部门编码" />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: '名称' }]}>
              <Input placeholder="部门名称" style={{ width: 260 }} aria-label="部门名称" />
            </Form.Item>
            <Form.Item name="parentId">
              <Select allowClear placeholder="上级部门（可不选）" style={{ width: 260 }} options={deptOptions} />
            </Form.Item>
            <Button htmlType="submit">新建部门</Button>
          </Form>
        </Card>
      </Space>
      <Modal title="新建用户" open={adding} onOk={() => void add()} onCancel={() => setAdding(false)} okText="建立" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ role: 'filler' }}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, message: '2–32 个字母、数字、汉字或 _ . -' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="角色" name="role">
            <Select options={ROLES} />
          </Form.Item>
          {(role === 'filler' || role === 'unit-reviewer') && (
            <Form.Item label="所属部门" name="departmentId" rules={[{ required: true, message: '填报人和单位审核必须属于一个部门' }]}>
              <Select options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          )}
          {role === 'finance' && (
            <Form.Item label="负责复核的部门" name="assigned">
              <Select mode="multiple" options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      {editing && (
        <EditUserDialog
          user={editing}
          me={me}
          deptOptions={deptOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
            message.success('用户已修改');
          }}
          fail={fail}
        />
      )}
    </div>
  );
}

/** A user's name, role and department (or, for 财政审核, the departments they review). */
function EditUserDialog({
  user,
  me,
  deptOptions,
  onClose,
  onSaved,
  fail,
}: {
  user: User;
  me: User;
  deptOptions: Array<{ value: number; label: string }>;
  onClose: () => void;
  onSaved: () => void;
  fail: (e: unknown) => void;
}) {
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;
  const save = async () => {
    const v = (await form.validateFields()) as { displayName: string; role: Role; departmentId?: number; assigned?: number[] };
    try {
      await api.updateUser(user.id, {
        displayName: v.displayName,
        role: v.role,
        ...(v.role === 'filler' || v.role === 'unit-reviewer' ? { departmentId: v.departmentId ?? null } : {}),
        ...(v.role === 'finance' ? { assigned: v.assigned ?? [] } : {}),
      });
      onSaved();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal title={`编辑用户 ${user.username}`} open onOk={() => void save()} onCancel={onClose} okText="保存" cancelText="取消" destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        data-testid="edit-user"
        initialValues={{ displayName: user.displayName, role: user.role, departmentId: user.departmentId ?? undefined, assigned: user.assigned }}
      >
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" extra={user.id === me.id ? '不能取消自己的管理员身份' : undefined}>
          <Select options={ROLES} disabled={user.id === me.id} aria-label="角色" />
        </Form.Item>
        {(role === 'filler' || role === 'unit-reviewer') && (
          <Form.Item label="所属部门" name="departmentId" rules={[{ required: true, message: '填报人和单位审核必须属于一个部门' }]}>
            <Select options={deptOptions} showSearch={{ optionFilterProp: 'label' }} aria-label="所属部门" />
          </Form.Item>
        )}
        {role === 'finance' && (
          <Form.Item label="负责复核的部门" name="assigned">
            <Select mode="multiple" options={deptOptions} showSearch={{ optionFilterProp: 'label' }} aria-label="负责复核的部门" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The departments with their codes and parents; a name and a parent edited in place. */
function DepartmentTable({ list, onChanged, fail }: { list: Department[]; onChanged: () => void; fail: (e: unknown) => void }) {
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<{ id: number; name: string; parentId: number | null } | null>(null);
  const name = new Map(list.map((d) => [d.id, d.name]));
  const save = () => {
    if (!editing) return;
    void api.updateDepartment(editing.id, { name: editing.name, parentId: editing.parentId }).then(() => {
      setEditing(null);
      onChanged();
      message.success('部门已修改');
    }, fail);
  };
  return (
    <Table<Department>
      size="small"
      rowKey="id"
      dataSource={list}
      pagination={{ defaultPageSize: 20 }}
      data-testid="departments"
      columns={[
        { title: '编码', dataIndex: 'code', width: 200 },
        {
          title: '名称',
          key: 'name',
          render: (_: unknown, d) =>
            editing?.id === d.id ? (
              <Input size="small" value={editing.name} aria-label="部门名称" onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
            ) : (
              d.name
            ),
        },
        {
          title: '上级部门',
          key: 'parent',
          width: 280,
          render: (_: unknown, d) =>
            editing?.id === d.id ? (
              <Select
                size="small"
                allowClear
                style={{ width: '100%' }}
                aria-label="上级部门"
                placeholder="无（顶级部门）"
                value={editing.parentId ?? undefined}
                onChange={(v: number | undefined) => setEditing({ ...editing, parentId: v ?? null })}
                options={list.filter((o) => o.id !== d.id).map((o) => ({ value: o.id, label: o.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            ) : d.parentId === null ? (
              '—'
            ) : (
              (name.get(d.parentId) ?? d.parentId)
            ),
        },
        {
          title: '操作',
          key: 'op',
          width: 140,
          render: (_: unknown, d) =>
            editing?.id === d.id ? (
              <Space size={4}>
                <Button size="small" type="primary" onClick={save} data-testid="save-department">
                  保存
                </Button>
                <Button size="small" onClick={() => setEditing(null)}>
                  取消
                </Button>
              </Space>
            ) : (
              <Button size="small" onClick={() => setEditing({ id: d.id, name: d.name, parentId: d.parentId })} data-testid={`edit-department-${d.code}`}>
                编辑
              </Button>
            ),
        },
      ]}
    />
  );
}
