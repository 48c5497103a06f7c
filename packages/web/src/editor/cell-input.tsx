/**
 * One editable cell of the form. Its position (`data-row`, `data-col`) lets the table move the focus
 * with the arrow keys; its status comes from the findings about it (a border, never a size change).
 */
import { Input } from 'antd';
import { createContext, memo, useContext } from 'react';
import type { EditAction } from '@jixiao/core';

export interface CellInputProps {
  path: string;
  value: string;
  edit: (a: EditAction) => void;
  status?: 'error' | 'warning' | undefined;
  align?: 'right';
  row?: number;
  col?: number;
  placeholder?: string;
  label: string;
  multiline?: boolean;
}

/** True when the form may not be changed by this user now (submitted, or not theirs to edit). */
export const ReadOnly = createContext(false);

export const CellInput = memo(function CellInput({ path, value, edit, status, align, row, col, placeholder, label, multiline }: CellInputProps) {
  const readOnly = useContext(ReadOnly);
  const common = {
    readOnly,
    value,
    status,
    placeholder,
    'aria-label': label,
    'data-path': path,
    'data-row': row,
    'data-col': col,
    onChange: (e: { target: { value: string } }) => edit({ type: 'set', path, raw: e.target.value }),
  };
  return multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 1, maxRows: 6 }} />
  ) : (
    <Input {...common} style={align ? { textAlign: 'right' } : undefined} />
  );
});

/**
 * Arrow keys between the cells of a table: up/down (and Enter) to the same column of the row above or
 * below; left/right to the neighbouring cell once the caret is at the text's edge.
 */
export function onGridKeyDown(e: React.KeyboardEvent<HTMLElement>): void {
  const t = e.target as HTMLInputElement | HTMLTextAreaElement;
  const row = Number(t.dataset.row);
  const col = Number(t.dataset.col);
  if (!Number.isFinite(row) || !Number.isFinite(col) || t.dataset.row === undefined) return;
  const atStart = t.selectionStart === 0 && t.selectionEnd === 0;
  const atEnd = t.selectionStart === t.value.length;
  let target: [number, number] | null = null;
  if (e.key === 'ArrowDown' || (e.key === 'Enter' && t.tagName === 'INPUT')) target = [row + 1, col];
  else if (e.key === 'ArrowUp') target = [row - 1, col];
  else if (e.key === 'ArrowLeft' && atStart) target = [row, col - 1];
  else if (e.key === 'ArrowRight' && atEnd) target = [row, col + 1];
  // In a multi-line text the arrows move the caret inside it, unless it sits on the first/last line.
  if (t.tagName === 'TEXTAREA' && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    const before = t.value.slice(0, t.selectionStart ?? 0);
    const onFirst = !before.includes('\n');
    const onLast = !t.value.slice(t.selectionEnd ?? 0).includes('\n');
    if ((e.key === 'ArrowUp' && !onFirst) || (e.key === 'ArrowDown' && !onLast)) target = null;
  }
  if (!target) return;
  const next = e.currentTarget.querySelector<HTMLElement>(`[data-row="${target[0]}"][data-col="${target[1]}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
    if (next instanceof HTMLInputElement) next.select();
  }
}
