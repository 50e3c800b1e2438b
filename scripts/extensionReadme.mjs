// Writes dist/EXTENSION.md, the page the Extensions view shows (vsce package --readme-path): the
// user guide EXTENSION.md with its pictures inlined as data: URIs. VS Code's extension page only
// loads images over https: or from data: URIs (its content security policy), and the repository
// URL in package.json is not a published site, so pictures from images/ would show broken; inlined
// they load offline, from the package itself.
import MarkdownIt from 'markdown-it';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_README = join(root, 'dist', 'EXTENSION.md');

/** Every image source of the Markdown, as the parser reads it. */
function imageSources(markdown) {
  const sources = new Set();
  const walk = (tokens) => {
    for (const t of tokens) {
      if (t.type === 'image') sources.add(t.attrGet('src'));
      if (t.children) walk(t.children);
    }
  };
  walk(new MarkdownIt().parse(markdown, {}));
  return [...sources];
}

export function writeExtensionReadme() {
  let text = readFileSync(join(root, 'EXTENSION.md'), 'utf8');
  for (const src of imageSources(text)) {
    if (/^[a-z]+:/i.test(src)) continue; // already absolute
    const file = normalize(join(root, src));
    if (!src.endsWith('.png')) throw new Error(`EXTENSION.md: only PNG pictures are inlined, not ${src}`);
    const uri = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    text = text.split(`](${src})`).join(`](${uri})`);
  }
  mkdirSync(dirname(EXTENSION_README), { recursive: true });
  writeFileSync(EXTENSION_README, text);
  return EXTENSION_README;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`wrote ${writeExtensionReadme()}`);
