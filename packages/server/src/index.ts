export * from './app.ts';
export * from './errors.ts';
export * from './serve.ts';
export * from './demo.ts';
