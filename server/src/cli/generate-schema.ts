// `npm run schema`: writes the draft-07 JSON Schemas generated from the zod schemas to scenarios/schema/, where
// each scenario file's `# yaml-language-server: $schema=…` comment points editors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsonSchemas, jsonSchemaText } from '@kefu/shared/scenario';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios', 'schema');
mkdirSync(schemaDir, { recursive: true });
for (const [kind, schema] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(schemaDir, `${kind}.schema.json`), jsonSchemaText(schema));
  console.log(`已写入 scenarios/schema/${kind}.schema.json`);
}
