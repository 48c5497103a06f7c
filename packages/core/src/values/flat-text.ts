/**
 * A text built from pieces (a template literal, `+`), stored as one flat string.
 *
 * V8 keeps a concatenation as a tree of "cons" nodes (32 bytes each) over its pieces until something
 * reads it character by character. Explanations and finding messages are built from six to ten pieces
 * each and then kept as long as the department's results are: 1,000 forms kept ≈ 12 MB of results, a
 * fifth of it such trees. Reading one character flattens the string in place (one copy of its
 * characters); the collector then drops the tree and keeps only the flat text. Measured on the
 * synthetic department (`bench/README.md`, audit section): 12.0 → 10.0 MB kept per 1,000 forms.
 *
 * The read is stored in a module variable so that an optimizing compiler cannot drop it as unused.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- written, never read: that is the point
let lastCode = 0;

export function flatText(s: string): string {
  lastCode = s.charCodeAt(0);
  return s;
}
