/** Where a value was read: 文件 x，第 2 个表格，第 3 行，第 4 列 (or 第 12 行 of a text dump), as the file counts. */
export function location(details: { [k: string]: unknown } | undefined, withFile = true): string {
  if (!details) return '';
  const parts = [
    withFile && details.file && `文件 ${String(details.file)}`,
    details.table && `第 ${String(details.table)} 个表格`,
    details.row && `第 ${String(details.row)} 行`,
    details.col && `第 ${String(details.col)} 列`,
    details.line && `第 ${String(details.line)} 行`,
  ];
  return parts.filter(Boolean).join('，');
}
