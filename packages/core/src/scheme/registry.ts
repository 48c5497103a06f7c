/** The built-in schemes. A region's scheme is one more JSON file validated by `parseScheme`: no code. */
import { Scheme } from './scheme.ts';
import national from '../schemes/national.json' with { type: 'json' };
import hebei from '../schemes/hebei.json' with { type: 'json' };
import ningxia from '../schemes/ningxia.json' with { type: 'json' };

export class SchemeError extends Error {
  readonly code = 'SCHEME.INVALID';
}

/** Validate scheme data; throws SchemeError (code SCHEME.INVALID) naming the bad field. */
export function parseScheme(data: unknown): Scheme {
  const r = Scheme.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new SchemeError(`评分方案格式错误：${first.path.join('.') || '(根)'} ${first.message}`);
  }
  const s = r.data;
  const last = s.grades[s.grades.length - 1]!;
  if (Number(last.min) !== 0) throw new SchemeError('评分方案格式错误：最低等级的下限必须为 0');
  return s;
}

export const BUILTIN_SCHEMES: ReadonlyMap<string, Scheme> = new Map(
  [national, hebei, ningxia].map((d) => {
    const s = parseScheme(d);
    return [s.id, s] as const;
  }),
);

export function getScheme(id: string): Scheme {
  const s = BUILTIN_SCHEMES.get(id);
  if (!s) throw new SchemeError(`未知的评分方案“${id}”，可用：${[...BUILTIN_SCHEMES.keys()].join('、')}`);
  return s;
}
