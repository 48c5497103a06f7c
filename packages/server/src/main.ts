/** `npm start`: the server with settings from the environment (settings.ts; README, "settings"). */
import { serve } from './serve.ts';
import { settingsFromEnv } from './settings.ts';

try {
  await serve(settingsFromEnv());
} catch (e) {
  const err = e as Error & { code?: string };
  process.stderr.write(`启动失败 [${err.code ?? 'STARTUP'}]：${err.message}\n`);
  process.exit(1);
}
