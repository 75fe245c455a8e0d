import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas, jsonSchemaText } from '../../../shared/src/scenario/json-schema.ts';
import { FILE_KINDS } from '../../../shared/src/scenario/schema.ts';

describe('generated JSON Schemas', () => {
  const schemas = generateJsonSchemas();

  it('has one draft-07 schema per file kind', () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(FILE_KINDS).sort());
    for (const schema of Object.values(schemas)) {
      expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
    }
  });

  it('carries the zod descriptions so editors show them', () => {
    const text = JSON.stringify(schemas.buyer);
    expect(text).toContain('标准答案：必须 ≥90 分且零违规');
    expect(text).toContain('"additionalProperties":false');
  });

  it('treats fields with defaults as optional, as authors write them', () => {
    const step = (schemas.script as { items: { required?: string[] } }).items;
    expect(step.required ?? []).not.toContain('wait');
  });

  it('matches the committed files in scenarios/schema (run `npm run schema` after changing schema.ts)', () => {
    for (const [kind, schema] of Object.entries(schemas)) {
      const committed = readFileSync(`scenarios/schema/${kind}.schema.json`, 'utf8');
      expect(committed, `scenarios/schema/${kind}.schema.json is stale`).toBe(jsonSchemaText(schema));
    }
  });
});
