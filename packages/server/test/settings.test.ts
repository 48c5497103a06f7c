/** The server's settings from the environment: defaults, every setting read, a bad number refused by name. */
import { describe, expect, it } from 'vitest';
import { SettingError, settingsFromEnv } from '../src/index.ts';

describe('settingsFromEnv', () => {
  it('defaults: port 3000, demo on, nothing else set', () => {
    expect(settingsFromEnv({})).toEqual({ port: 3000, host: '127.0.0.1', demo: true, pdfWarm: true, trustProxy: false });
  });

  it('reads every setting of the README', () => {
    expect(
      settingsFromEnv({
        PORT: '8080',
        JIXIAO_DATA_DIR: '/srv/jixiao',
        DATABASE_URL: 'postgres://127.0.0.1/jixiao',
        JIXIAO_DEMO: 'off',
        JIXIAO_MAX_UPLOAD_MB: '50',
        JIXIAO_PDF_WORKERS: '4',
        JIXIAO_PDF_WARM: 'off',
        JIXIAO_KEPT_FORMS: '0',
        JIXIAO_TRUST_PROXY: '1',
        HOST: '0.0.0.0',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/jixiao',
      databaseUrl: 'postgres://127.0.0.1/jixiao',
      demo: false,
      maxUploadBytes: 50 * 1024 * 1024,
      pdfWorkers: 4,
      pdfWarm: false,
      keptForms: 0,
      trustProxy: 1,
    });
  });

  it('a number that is not one, or out of range, is refused with the setting named, in Chinese', () => {
    for (const [name, value] of [
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['JIXIAO_MAX_UPLOAD_MB', '0'],
      ['JIXIAO_PDF_WORKERS', '1.5'],
      ['JIXIAO_KEPT_FORMS', '-1'],
      ['JIXIAO_KEPT_FORMS', '两千'],
      ['JIXIAO_TRUST_PROXY', 'true'],
      ['JIXIAO_TRUST_PROXY', '11'],
      ['JIXIAO_TRUST_PROXY', '10.0.0.0/33'],
      ['HOST', 'example.com'],
    ] as const) {
      let error: unknown;
      try {
        settingsFromEnv({ [name]: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SettingError);
      expect(error).toMatchObject({ code: 'CONFIG.BAD_SETTING', message: expect.stringContaining(`${name}=“${value}”无效`) });
    }
  });

  it('JIXIAO_TRUST_PROXY names the proxies: a hop count or their addresses, never every hop (issue 24)', () => {
    expect(settingsFromEnv({ JIXIAO_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(settingsFromEnv({ JIXIAO_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(settingsFromEnv({ JIXIAO_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });
});

describe('serve binds this machine only unless told otherwise (issue 24)', () => {
  it('127.0.0.1 by default; the HOST / --host address when given', { timeout: 60_000 }, async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { serve } = await import('../src/index.ts');
    const quiet = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write; // the first-start password notice
    try {
      for (const [host, expected] of [
        [undefined, '127.0.0.1'],
        ['0.0.0.0', '0.0.0.0'],
      ] as const) {
        const { app } = await serve({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'jixiao-serve-')), demo: false, pdfWarm: false, ...(host && { host }) });
        expect((app.server.address() as { address: string }).address).toBe(expected);
        await app.close();
      }
    } finally {
      process.stdout.write = quiet;
    }
  });
});
