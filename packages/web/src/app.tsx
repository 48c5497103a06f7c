/** The shell: a top bar with the pages, the current page below, the antd zh_CN locale around it all. */
import { App as AntApp, Badge, Button, ConfigProvider, Dropdown, Layout, Menu, Modal, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS, type Role } from '@jixiao/core';
import { api, setCsrf, setOnUnauthorized, type User } from './api.ts';
import { ChangePasswordDialog } from './components/change-password.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { UsersPage } from './pages/users.page.tsx';
import { DocumentsPage } from './pages/documents.page.tsx';
import { EditorPage } from './pages/editor.page.tsx';
import { ImportPage } from './pages/import.page.tsx';
import { OverviewPage } from './pages/overview.page.tsx';
import { MENU, mayUse } from './menu-roles.ts';
import { TodoPage } from './pages/todo.page.tsx';
import { href, navigate, setLeaveConfirm, useRoute, type Route } from './router.ts';

function Page({ route, me, onTodoChange }: { route: Route; me: User; onTodoChange: () => void }) {
  switch (route.page) {
    case 'todo':
      return <TodoPage me={me} onChange={onTodoChange} />;
    case 'users':
      return mayUse(me.role, 'users') ? <UsersPage me={me} /> : <Result status="403" title="只有管理员可以管理用户" />;
    case 'overview':
      return <OverviewPage route={route} me={me} />;
    case 'editor':
      return <EditorPage id={route.id} />;
    case 'import':
      return mayUse(me.role, 'import') ? <ImportPage me={me} /> : <Result status="403" title="导入由填报人或管理员进行" />;
    case 'documents':
      return <DocumentsPage route={route} />;
    case 'not-found':
      return (
        <Result status="404" title="没有这个页面" subTitle={route.path} extra={<Button onClick={() => navigate({ page: 'overview' })}>返回部门总览</Button>} />
      );
  }
}

function menuItems(role: Role, todoCount: number | null) {
  return MENU.filter((m) => m.roles.includes(role)).map((m) => ({
    key: m.page,
    label:
      m.page === 'todo' ? (
        <a href={href({ page: 'todo' })}>
          {m.label} <Badge count={todoCount ?? 0} overflowCount={9999} size="small" offset={[2, -2]} data-testid="todo-badge" />
        </a>
      ) : (
        <a href={href({ page: m.page })}>{m.label}</a>
      ),
  }));
}

/** How many forms wait for this person (the menu's badge): asked again on every change of page. */
function useTodoCount(route: Route): [number | null, () => void] {
  const [n, setN] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api.todo({ limit: 0 }).then(
      (t) => live && setN(t.groups.reduce((s, g) => s + g.count, 0)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [route.page, tick]);
  return [n, useCallback(() => setTick((t) => t + 1), [])];
}

function Shell({ me, onLogout }: { me: User; onLogout: () => void }) {
  const route = useRoute();
  const [todoCount, refreshTodo] = useTodoCount(route);
  const [modal, holder] = Modal.useModal();
  useEffect(
    () =>
      setLeaveConfirm(
        (go) =>
          void modal.confirm({
            title: '有未保存的修改',
            content: '离开此页，未保存的修改将丢失。',
            okText: '离开',
            okButtonProps: { danger: true },
            cancelText: '留下',
            onOk: go,
          }),
      ),
    [modal],
  );
  const selected = route.page === 'editor' ? 'overview' : route.page;
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <Layout className="shell">
      {holder}
      <Layout.Header className="shell-header">
        <a className="brand" href={href({ page: 'overview' })}>
          绩效自评 <small>jixiao</small>
        </a>
        <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} style={{ flex: 1, minWidth: 0 }} items={menuItems(me.role, todoCount)} />
        {/* the API documents are for administrators only; the server refuses /docs to the others too */}
        {me.role === 'admin' && (
          <a className="api-docs" href="/docs" target="_blank" rel="noreferrer">
            接口文档
          </a>
        )}
        <Dropdown
          menu={{
            items: [
              { key: 'password', label: <span data-testid="menu-change-password">修改密码</span> },
              { key: 'logout', label: '退出登录' },
            ],
            onClick: ({ key }) => (key === 'password' ? setChangingPassword(true) : onLogout()),
          }}
        >
          <span className="current-user" data-testid="current-user">
            {/* the role beside the name, unless the name is the role (no “管理员（管理员）”, issue 23) */}
            {me.displayName}
            {me.displayName !== ROLE_LABELS[me.role] && `（${ROLE_LABELS[me.role]}）`}
          </span>
        </Dropdown>
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Page route={route} me={me} onTodoChange={refreshTodo} />
      </Layout.Content>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}

/** Who is logged in: asked once at start; a 401 from any request brings the login back. */
function Session() {
  const [me, setMe] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    setOnUnauthorized(() => setMe(null));
    api.session().then(
      (s) => {
        setCsrf(s.csrf);
        setMe(s.user);
      },
      () => setMe(null),
    );
  }, []);
  const logout = useCallback(() => {
    void api.logout().finally(() => setMe(null));
  }, []);
  if (me === undefined)
    return (
      <div className="login">
        <Spin size="large" />
      </div>
    );
  if (me === null)
    return (
      <LoginPage
        onLogin={(user, csrf) => {
          setCsrf(csrf);
          setMe(user);
        }}
      />
    );
  return <Shell key={me.id} me={me} onLogout={logout} />;
}

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif", borderRadius: 4 } }}
    >
      <AntApp>
        <Session />
      </AntApp>
    </ConfigProvider>
  );
}
