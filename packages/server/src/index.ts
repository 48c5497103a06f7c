export * from './app.ts';
export * from './errors.ts';
export * from './serve.ts';
export * from './settings.ts';
export * from './demo.ts';
export { hashPassword, randomPassword, weakPassword } from './auth/password.ts';
export { ensureAdmin } from './routes/auth.routes.ts';
export { tokenId } from './auth/guard.ts';
