// Turns zod's findings into Chinese source errors at the right key or value, with "did you mean" for typos.
import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import type { SourceError } from './source-error.ts';
import { didYouMean } from './suggest.ts';
import { errorAt, type FieldPath, type SourceFile } from './yaml-source.ts';

const zh = zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '键值对象',
  array: '列表',
  null: '空值',
  undefined: '空值',
};

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The field names a schema accepts at `path` of `data`, for suggesting the right spelling of an unknown key. */
export function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  const out = new Set<string>();
  const visit = (s: z.ZodType, rest: FieldPath) => {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
      case 'readonly':
        return visit(def.innerType as z.ZodType, rest);
      case 'pipe':
        return visit(def.in as z.ZodType, rest);
      case 'union':
        for (const option of def.options as z.ZodType[]) visit(option, rest);
        return;
      case 'array':
        if (typeof rest[0] === 'number') visit(def.element as z.ZodType, rest.slice(1));
        return;
      case 'record':
        if (rest.length > 0) visit(def.valueType as z.ZodType, rest.slice(1));
        return;
      case 'object': {
        const shape = def.shape as Record<string, z.ZodType>;
        if (rest.length === 0) for (const k of Object.keys(shape)) out.add(k);
        else if (typeof rest[0] === 'string' && shape[rest[0]]) visit(shape[rest[0]]!, rest.slice(1));
        return;
      }
    }
  };
  visit(schema, path);
  return [...out];
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v = data;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** One or more source errors per zod issue (an unknown-keys issue becomes one error per key). */
export function issuesToErrors(
  source: SourceFile,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
): SourceError[] {
  const errors: SourceError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          errors.push(errorAt(source, [...path, key], `是未知的字段${didYouMean(key, known)}`, 'key'));
        }
        break;
      }
      case 'invalid_type': {
        const actual = valueAt(source.data, path);
        if (actual === undefined) {
          const parent = path.slice(0, -1);
          const exists = parent.length === 0 || valueAt(source.data, parent) !== undefined;
          errors.push(
            errorAt(
              source,
              path,
              exists ? '是必填字段，没有写' : `缺少，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`,
              'key',
            ),
          );
        } else {
          const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
          const got = TYPE_NAMES[typeOf(actual)] ?? typeOf(actual);
          errors.push(errorAt(source, path, `应为${expected}，实际是${got}`));
        }
        break;
      }
      case 'invalid_value': {
        const actual = valueAt(source.data, path);
        const allowed = issue.values.map(String);
        const hint = typeof actual === 'string' ? didYouMean(actual, allowed) : '';
        errors.push(
          errorAt(source, path, `的值 ${JSON.stringify(actual)} 无效，可选：${allowed.join(' / ')}${hint}`),
        );
        break;
      }
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const options = (issue as { options?: unknown[] }).options;
        if (discriminator !== undefined && options) {
          const at = path[path.length - 1] === discriminator ? path : [...path, discriminator];
          const actual = valueAt(source.data, at);
          const allowed = options.map(String);
          const hint = typeof actual === 'string' ? didYouMean(actual, allowed) : '';
          const shown = actual === undefined ? '没有写' : `的值 ${JSON.stringify(actual)} 无效`;
          errors.push(
            errorAt(
              source,
              at,
              `${shown}，可选：${allowed.join(' / ')}${hint}`,
              actual === undefined ? 'key' : 'value',
            ),
          );
        } else {
          // A union like "one line or a list of lines": the branch that got furthest explains best.
          const deepest = (branch: readonly z.core.$ZodIssue[]) =>
            Math.max(0, ...branch.map((i) => i.path.length));
          const best = [...issue.errors].sort((a, b) => deepest(b) - deepest(a))[0];
          if (best && best.length > 0) {
            errors.push(
              ...issuesToErrors(
                source,
                schema,
                best.map((i) => ({ ...i, path: [...path, ...i.path] })),
              ),
            );
          } else errors.push(errorAt(source, path, '格式不对'));
        }
        break;
      }
      default:
        // Messages written in schema.ts are Chinese already; the rest come from zod's Chinese locale.
        errors.push(errorAt(source, path, issue.message));
    }
  }
  return errors;
}

/** Validates `source.data` against `schema`: the parsed value, or errors in Chinese at their positions. */
export function validate<T extends z.ZodType>(
  source: SourceFile,
  schema: T,
): { value: z.output<T> | undefined; errors: SourceError[] } {
  const result = schema.safeParse(source.data, { error: zh });
  if (result.success) return { value: result.data, errors: [] };
  return { value: undefined, errors: issuesToErrors(source, schema, result.error.issues) };
}
