/**
 * Finds keys in a response that a confluence.js zod schema does not declare (its objects are
 * loose, so safeParse alone never reports them). Used to keep the emulator from inventing fields.
 */
import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i += 1) {
    const d = defOf(s);
    if (
      (d.type === 'optional' ||
        d.type === 'nullable' ||
        d.type === 'default' ||
        d.type === 'readonly') &&
      d.innerType
    )
      s = d.innerType;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

/** Paths of keys present in `value` that `schema` does not declare. */
export function undeclaredKeys(schema: z.ZodType, value: unknown, path = '$'): string[] {
  const s = unwrap(schema);
  const d = defOf(s);
  if (value === null || value === undefined) return [];
  if (d.type === 'array' && d.element && Array.isArray(value)) {
    return value
      .flatMap((v) => undeclaredKeys(d.element as z.ZodType, v, `${path}[]`))
      .filter((p, i, all) => all.indexOf(p) === i);
  }
  if (d.type === 'object' && d.shape && typeof value === 'object' && !Array.isArray(value)) {
    const out: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const child = d.shape[k];
      if (!child) out.push(`${path}.${k}`);
      else out.push(...undeclaredKeys(child, v, `${path}.${k}`));
    }
    return out;
  }
  return [];
}
