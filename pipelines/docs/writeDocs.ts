// `npm run docs`: writes the generated pages of docs/ (see renderDocs.ts).
import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_DOCS } from './renderDocs';

const docsDir = path.resolve(import.meta.dirname, '../../docs');
for (const [name, render] of Object.entries(GENERATED_DOCS)) {
	fs.writeFileSync(path.join(docsDir, name), render());
	console.log(`wrote docs/${name}`);
}
