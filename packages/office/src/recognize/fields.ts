/** Turning grid cells into model fields, keeping the text as written and where it came from. */
import { cleanCell, parseNumberCell, type NumberField, type TextField } from '@jixiao/core';
import type { Cell } from '../grid.ts';

export const cellText = (c: Cell | undefined): string => (c ? cleanCell(c.text) : '');

export function textField(c: Cell | undefined): TextField {
  return c ? { raw: cleanCell(c.text), src: c.src } : { raw: '' };
}

export function numberField(c: Cell | undefined): NumberField {
  const raw = c ? cleanCell(c.text) : '';
  return c ? { raw, value: parseNumberCell(raw), src: c.src } : { raw, value: null };
}

export const isBlank = (c: Cell | undefined): boolean => cellText(c) === '';

export const isNumeric = (c: Cell | undefined): boolean => parseNumberCell(cellText(c)) !== null;
