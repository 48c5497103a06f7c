/**
 * Hash routes (`#/evaluations/3`): the server serves one index.html and never needs to know the UI's
 * paths. A page with unsaved changes registers a guard; leaving it — by a link, the menu or the
 * browser's back button — asks first.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'todo' }
  | { page: 'overview'; dept?: number; year?: number }
  | { page: 'editor'; id: number }
  | { page: 'import' }
  | { page: 'users' }
  | { page: 'documents'; dept?: number; year?: number }
  | { page: 'not-found'; path: string };

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const p = new URLSearchParams(query);
  const opt = (k: string) => {
    const v = num(p.get(k));
    return v === undefined ? {} : { [k]: v };
  };
  // the first page after login is the person's to-do list (issue 23)
  if (path === '' || path === '/' || path === '/todo') return { page: 'todo' };
  if (path === '/overview') return { page: 'overview', ...opt('dept'), ...opt('year') };
  const m = /^\/evaluations\/(\d+)$/.exec(path);
  if (m) return { page: 'editor', id: Number(m[1]) };
  if (path === '/import') return { page: 'import' };
  if (path === '/users') return { page: 'users' };
  if (path === '/documents') return { page: 'documents', ...opt('dept'), ...opt('year') };
  return { page: 'not-found', path };
}

export function href(r: Route): string {
  const qs = (o: Record<string, number | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) if (v !== undefined) s.set(k, String(v));
    const t = s.toString();
    return t ? `?${t}` : '';
  };
  switch (r.page) {
    case 'todo':
      return '#/todo';
    case 'overview':
      return `#/overview${qs({ dept: r.dept, year: r.year })}`;
    case 'editor':
      return `#/evaluations/${r.id}`;
    case 'import':
      return '#/import';
    case 'users':
      return '#/users';
    case 'documents':
      return `#/documents${qs({ dept: r.dept, year: r.year })}`;
    case 'not-found':
      return `#${r.path}`;
  }
}

type Guard = () => boolean;
let guard: Guard | null = null;
let confirmLeave: (go: () => void) => void = (go) => {
  if (window.confirm('有未保存的修改，离开后将丢失。确定离开吗？')) go();
};

/** A page with unsaved work: `blocked()` says whether leaving needs asking. Returns the release. */
export function setLeaveGuard(blocked: Guard): () => void {
  guard = blocked;
  return () => {
    if (guard === blocked) guard = null;
  };
}

/** How the app asks (an antd modal instead of window.confirm). */
export function setLeaveConfirm(fn: (go: () => void) => void): void {
  confirmLeave = fn;
}

export function navigate(r: Route | string): void {
  window.location.hash = typeof r === 'string' ? r : href(r);
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    let current = window.location.hash;
    let restoring = false;
    const onChange = () => {
      const next = window.location.hash;
      if (restoring) {
        restoring = false;
        return;
      }
      if (guard?.()) {
        // Put the old address back while asking; leave only when the user says so.
        restoring = true;
        window.location.hash = current;
        confirmLeave(() => {
          guard = null;
          window.location.hash = next;
        });
        return;
      }
      current = next;
      setHash(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
