import { readFileSync } from 'node:fs';
import { renderErrorCatalogue, withConfigTable } from './render-docs';

describe('generated docs', () => {
  it('docs/errors.md is the error catalogue (run npm run docs)', () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(renderErrorCatalogue());
  });

  it('README documents every configuration variable (run npm run docs)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withConfigTable(readme));
  });
});
