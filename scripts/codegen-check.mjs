// Fails when test/generated/ is not what `npm run codegen` would write now (codegen 5 has no --check).
import { readFileSync, existsSync } from 'node:fs';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const { config } = await loadCodegenConfig({ configFilePath: 'codegen.ts' });
const outputs = await generate({ ...config, silent: true }, false);
let stale = false;
for (const { filename, content } of outputs) {
  const current = existsSync(filename) ? readFileSync(filename, 'utf8') : null;
  if (current !== content) {
    console.error(`error: ${filename} is stale: run \`npm run codegen\` and commit the result`);
    stale = true;
  }
}
if (stale) process.exit(1);
console.log('generated operations are up to date');
