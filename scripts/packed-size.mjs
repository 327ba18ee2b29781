// `npm run size`: what electron-builder would pack into the desktop app, measured without electron-builder (it needs
// Electron's dist from the network, see electron-builder.yml). Two parts, as electron-builder assembles them:
// - the app's own files: the `files` globs of electron-builder.yml over the project (run `npm run build` first so
//   out/ exists; `npm run size -- --build` builds it);
// - node_modules: the production dependency closure of the root package.json (`dependencies` and
//   `optionalDependencies`, recursively, resolved the way Node resolves them), minus electron-builder's default
//   exclusions for node_modules (README/CHANGELOG, test and example folders, .d.ts, .bin, maps are not dropped).
// It cross-checks the closure against npm's own production tree read the way electron-builder's npm collector reads
// it, so a workspace package (packages/central-server) leaking into the app would show up here.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The `files:` list of electron-builder.yml (a flat list of quoted or bare globs, one per line). */
export function filesGlobs(yamlText) {
  const lines = yamlText.split('\n');
  const start = lines.findIndex((l) => /^files:\s*$/.test(l));
  if (start < 0) throw new Error('electron-builder.yml has no files: list');
  const globs = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const item = /^\s+-\s+(.+?)\s*$/.exec(line);
    if (!item) break;
    globs.push(item[1].replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1'));
  }
  return globs;
}

/** A glob (`**`, `*`, `?`, `{a,b}`) as a RegExp over '/'-separated relative paths. */
export function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(escape)
        .join('|')})`;
      i = end;
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(text) {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}

/** electron-builder's matching: a path is packed when the last glob that matches it is not a negation. */
export function matcher(globs) {
  const rules = globs.map((g) => ({ exclude: g.startsWith('!'), re: globToRegExp(g.replace(/^!/, '')) }));
  return (path) => rules.reduce((packed, rule) => (rule.re.test(path) ? !rule.exclude : packed), false);
}

/** Files electron-builder drops from every dependency by default (its documented node_modules exclusions). */
const dependencyExclusions = matcher([
  '**',
  '!{CHANGELOG.md,README.md,README,readme.md,readme,HISTORY.md,History.md,CHANGES.md}',
  '!{test,__tests__,tests,powered-test,example,examples}/**',
  '!**/*.d.ts',
  '!.bin/**',
  '!**/*.{iml,o,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,xproj}',
  '!**/{.DS_Store,.git,.hg,.svn,CVS,RCS,SCCS,.gitignore,.gitattributes,.editorconfig,.npmignore,.travis.yml}',
]);

/** Every file under dir (relative, '/'-separated), skipping nested node_modules unless asked. */
function walk(dir, { intoNodeModules = false } = {}, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' && !intoNodeModules) continue;
      if (prefix === '' && ['.git', 'node_modules'].includes(entry.name)) continue;
      out.push(...walk(join(dir, entry.name), { intoNodeModules }, `${rel}/`));
    } else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The directory Node would load `name` from when required inside `fromDir`. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The production closure of the package in `dir`: every package directory it loads at run time. */
export function productionClosure(dir) {
  const seen = new Map();
  const visit = (pkgDir, optional) => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
    for (const name of Object.keys(deps)) {
      const found = resolvePackage(name, pkgDir);
      if (found === undefined) {
        if (!optional && !(name in (pkg.optionalDependencies ?? {}))) throw new Error(`${name} not installed`);
        continue;
      }
      if (seen.has(found)) continue;
      seen.set(found, name);
      visit(found, name in (pkg.optionalDependencies ?? {}));
    }
  };
  visit(dir, false);
  return seen;
}

function sizeOf(base, files) {
  return files.reduce((bytes, f) => bytes + statSync(join(base, f)).size, 0);
}

const mb = (bytes) => `${(bytes / 1_000_000).toFixed(2)} MB`;

/**
 * npm's production tree as electron-builder's npm collector reads it (`npm list --json --long`): from the root, only
 * the children each package declares in `dependencies`/`optionalDependencies` (npm's `_dependencies`). Workspaces and
 * installed optional peers appear in npm's tree but not there, so they are not packed.
 */
function npmProductionPaths() {
  const args = ['list', '-a', '--include', 'prod', '--include', 'optional', '--omit', 'dev', '--json', '--long'];
  const tree = JSON.parse(execFileSync('npm', [...args, '--silent'], { cwd: root, encoding: 'utf8' }));
  // npm prints a package's children once; its other ("deduped") appearances carry none, so keep the full node.
  const full = new Map();
  const collect = (node) => {
    for (const child of Object.values(node.dependencies ?? {})) {
      if (child.path === undefined || full.has(child.path)) continue;
      if (Object.keys(child.dependencies ?? {}).length > 0 || Object.keys(child._dependencies ?? {}).length === 0) {
        full.set(child.path, child);
        collect(child);
      }
    }
  };
  collect(tree);
  const paths = new Set();
  const visit = (node) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (node._dependencies?.[name] === undefined || child.path === undefined) continue;
      const real = realpathSync(child.path);
      if (paths.has(real)) continue;
      paths.add(real);
      visit(full.get(child.path) ?? child);
    }
  };
  visit(tree);
  return paths;
}

function main() {
  if (process.argv.includes('--build'))
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  const isPacked = matcher(filesGlobs(readFileSync(join(root, 'electron-builder.yml'), 'utf8')));
  const appFiles = walk(root).filter(isPacked);
  const appBytes = sizeOf(root, appFiles);
  if (!existsSync(join(root, 'out/main/index.js'))) console.log('(out/ is not built: run npm run build, or --build)');
  console.log(`app files (electron-builder.yml files): ${appFiles.length} files, ${mb(appBytes)}`);
  for (const top of [...new Set(appFiles.map((f) => f.split('/').slice(0, 2).join('/')))].sort()) {
    const part = appFiles.filter((f) => f === top || f.startsWith(`${top}/`));
    console.log(`  ${top}: ${part.length} files, ${mb(sizeOf(root, part))}`);
  }
  const closure = productionClosure(root);
  let depFiles = 0;
  let depBytes = 0;
  const perPackage = [];
  for (const dir of closure.keys()) {
    const files = walk(dir).filter(dependencyExclusions);
    const bytes = sizeOf(dir, files);
    depFiles += files.length;
    depBytes += bytes;
    perPackage.push({ name: relative(root, dir), bytes });
  }
  console.log(`node_modules (production closure): ${closure.size} packages, ${depFiles} files, ${mb(depBytes)}`);
  for (const p of perPackage.sort((a, b) => b.bytes - a.bytes).slice(0, 12)) console.log(`  ${p.name}: ${mb(p.bytes)}`);
  console.log(`total: ${appFiles.length + depFiles} files, ${mb(appBytes + depBytes)}`);
  const npmPaths = npmProductionPaths();
  const differ = [...npmPaths]
    .filter((p) => !closure.has(p))
    .concat([...closure.keys()].filter((p) => !npmPaths.has(p)));
  const names = differ.map((p) => relative(root, p)).join(', ') || 'none';
  console.log(
    `cross-check, npm's production tree as electron-builder reads it: ${npmPaths.size} packages; differ: ${names}`,
  );
}

if (process.argv[1] === import.meta.filename) main();
