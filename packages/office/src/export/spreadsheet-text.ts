/**
 * Text for a spreadsheet cell or a CSV field that a spreadsheet will open (issue 24, formula
 * injection): a text a user typed such as `=cmd|' /C calc'!A0` or `=HYPERLINK(…)` must stay text when
 * the file is opened, and when someone edits the cell and presses Enter. A leading `'` is the
 * spreadsheets' own mark for "this is text"; it goes before any text that starts (after blanks) with
 * = + - @, or with a tab or carriage return.
 *
 * Plain numbers (`-0.5`, `+5%`) and dash placeholders (`-`, `--`) are left as they are: entered again
 * they give the same number or nothing, never a formula, and the official forms print them. Full-width
 * ＝ (`＝3类`, common in real targets) starts no formula and is left alone too.
 *
 * Reading a workbook back, the mark is taken off again (plainSpreadsheetText), so that an exported
 * form imports as the same form.
 */
const STARTS_LIKE_FORMULA = /^(\s*[=+\-@]|[\t\r])/;
const HARMLESS = /^[+-]?(\d+(\.\d+)?%?|-+)$/;

export function spreadsheetText(text: string): string {
  return STARTS_LIKE_FORMULA.test(text) && !HARMLESS.test(text) ? `'${text}` : text;
}

/** The text as typed, without the mark spreadsheetText put before a formula-like start. */
export function plainSpreadsheetText(text: string): string {
  return text.startsWith("'") && STARTS_LIKE_FORMULA.test(text.slice(1)) && !HARMLESS.test(text.slice(1)) ? text.slice(1) : text;
}
