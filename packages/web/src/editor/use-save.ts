/**
 * Saving a form with the version it was read at, for every kind's editor: Ctrl+S saves, a 409 is
 * explained with a way to take the newer version and re-apply the user's own edits (or drop them), and
 * leaving with unsaved edits asks first — in the app and when the tab is closed.
 */
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { setLeaveGuard } from '../router.ts';

export interface Saveable<S extends { id: number; version: number }, D> {
  saved: S;
  draft: D;
  dirty: boolean;
  /** how many edits are not saved yet */
  edits: { length: number };
  markSaved: (s: S) => void;
  /** takes the newer version and re-applies the edits on it; returns those that no longer fit */
  rebase: (current: S) => { skipped: readonly unknown[]; applied: number };
}

export function useSave<S extends { id: number; version: number }, D>(
  ed: Saveable<S, D>,
  put: (id: number, version: number, draft: D) => Promise<S>,
  read: (id: number) => Promise<S>,
): { save: () => Promise<void>; saving: boolean } {
  const { message, modal } = AntApp.useApp();
  const [saving, setSaving] = useState(false);

  useEffect(() => setLeaveGuard(() => ed.dirty), [ed.dirty]);
  useEffect(() => {
    if (!ed.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [ed.dirty]);

  const save = useCallback(async () => {
    if (!ed.dirty || saving) return;
    setSaving(true);
    try {
      const saved = await put(ed.saved.id, ed.saved.version, ed.draft);
      ed.markSaved(saved);
      message.success('已保存');
      // an adjustment of approved goals reaches the year's 自评表, or is said not to (handed in already)
      for (const f of (saved as { followUps?: ReadonlyArray<{ message: string; written: boolean }> }).followUps ?? [])
        if (f.written) message.info(f.message);
        else message.warning(f.message, 8);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.details.current as { version?: number } | undefined)?.version;
        modal.confirm({
          title: '此表已被他人修改',
          content: `您打开的是第 ${ed.saved.version} 版，服务器上已是第 ${current ?? '更新的'} 版，您的修改尚未保存。可以载入最新版本并在其上重新应用您的 ${ed.edits.length} 处修改（请核对后再保存），或放弃您的修改。`,
          okText: '载入最新版本并重新应用我的修改',
          cancelText: '放弃我的修改',
          width: 520,
          onOk: async () => {
            const r = ed.rebase(await read(ed.saved.id));
            if (r.skipped.length) message.warning(`有 ${r.skipped.length} 处修改因表格已变化无法重新应用，请核对`);
            else message.info(`已在第 ${current ?? ''} 版上重新应用 ${r.applied} 处修改，请核对后保存`);
          },
          onCancel: async () => ed.markSaved(await read(ed.saved.id)),
        });
      } else message.error(e instanceof ApiError ? e.message : `保存失败：${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  }, [ed, saving, message, modal, put, read]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  return { save, saving };
}
