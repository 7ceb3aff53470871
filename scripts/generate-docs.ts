/** `npm run docs`: regenerates docs/errors.md and README's configuration table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderErrorCatalogue, withConfigTable } from '../kit/docs/render-docs';

writeFileSync('docs/errors.md', renderErrorCatalogue());
writeFileSync('README.md', withConfigTable(readFileSync('README.md', 'utf8')));
console.log('wrote docs/errors.md and README.md configuration table');
