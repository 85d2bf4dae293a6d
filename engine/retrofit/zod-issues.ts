/**
 * Turns zod issues into coded Issues (`<prefix>.<kind>`) whose message names the field and the allowed
 * values, so a Dutch UI or the CLI can point at the exact JSON path of a bad input.
 */
import { z } from 'zod';
import type { Issue } from '../result.ts';

type Path = (string | number)[];

/** Keys the object schema at `path` accepts (empty when the path leads elsewhere). */
function keysAt(schema: z.ZodType, path: Path): string[] {
  let s: z.ZodType | undefined = schema;
  for (const seg of path) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(seg)];
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return [];
    while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
      s = s.unwrap() as z.ZodType;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

const where = (path: Path): string => (path.length ? path.join('.') : '(top level)');

/** The kinds of problem a zod issue becomes: the part of the code after the caller's prefix. */
export const ZOD_ISSUE_KINDS = [
  'unknown-key',
  'invalid-value',
  'missing',
  'invalid-type',
  'out-of-range',
  'invalid-key',
  'invalid',
] as const;
/** The codes `zodIssues(prefix, …)` sends: `<prefix>.<kind>`, a literal union the caller declares with its own. */
export type ZodIssueCode<P extends string> = `${P}.${(typeof ZOD_ISSUE_KINDS)[number]}`;

/** The codes of one prefix as a list (for a module's declared code list). */
export const zodIssueCodes = <P extends string>(prefix: P): ZodIssueCode<P>[] =>
  ZOD_ISSUE_KINDS.map((k) => `${prefix}.${k}` as const);

/** One coded Issue per zod issue. */
export function zodIssues<P extends string>(prefix: P, schema: z.ZodType, error: z.ZodError): Issue<ZodIssueCode<P>>[] {
  const out: Issue<ZodIssueCode<P>>[] = [];
  for (const i of error.issues) {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
    switch (i.code) {
      case 'unrecognized_keys':
        for (const key of i.keys) {
          const allowed = keysAt(schema, path);
          out.push({
            code: `${prefix}.unknown-key`,
            path: [...path, key],
            message: `${where([...path, key])}: unknown key "${key}"; allowed: ${allowed.join(', ')}`,
          });
        }
        break;
      case 'invalid_value':
        out.push({
          code: `${prefix}.invalid-value`,
          path,
          message: `${where(path)}: expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      case 'invalid_type':
        out.push({
          code: `${prefix}.${(i as { input?: unknown }).input === undefined && i.message.endsWith('undefined') ? ('missing' as const) : ('invalid-type' as const)}`,
          path,
          message: `${where(path)}: ${i.message.endsWith('undefined') ? 'required' : 'wrong type'}; expected ${i.expected === 'int' ? 'an integer' : i.expected}`,
        });
        break;
      case 'too_small':
      case 'too_big': {
        const bound = i.code === 'too_small' ? i.minimum : i.maximum;
        const op = i.code === 'too_small' ? (i.inclusive ? '≥' : '>') : i.inclusive ? '≤' : '<';
        out.push({
          code: `${prefix}.out-of-range`,
          path,
          message: `${where(path)}: expected a value ${op} ${String(bound)}`,
        });
        break;
      }
      case 'invalid_key':
        out.push({
          code: `${prefix}.invalid-key`,
          path,
          message: `${where(path)}: invalid key; ${i.issues[0]?.message ?? ''}`,
        });
        break;
      default:
        out.push({ code: `${prefix}.invalid`, path, message: `${where(path)}: ${i.message}` });
    }
  }
  return out;
}
