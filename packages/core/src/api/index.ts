/**
 * The API's contract: the zod schema of every answer the server sends, built from the model's schemas
 * (Evaluation, Provenance, Scheme). The server declares them on its routes (they are checked against what
 * a route returns in the tests, and published at /docs); the web client takes its types from them
 * (`z.infer`). Pure, like all of core, so that both may import it. Each answer's schema has an `id`
 * (zod's registry): the OpenAPI document names it once, under components, and refers to it.
 */
export * from './error.ts';
export * from './score.ts';
export * from './finding.ts';
export * from './forms.ts';
export * from './departments.ts';
export * from './accounts.ts';
export * from './imports.ts';
export * from './documents.ts';
export * from './requests.ts';
export * from './todo.ts';
