/**
 * `npm run check:deps`, second half: no import cycle between the folders of server/domain, counting its root files
 * (deps.ts, errors.ts, clock.ts, transactional.ts) as one more folder. dependency-cruiser's folder-scope rule does not
 * see a cycle between a folder and its parent (root deps.ts → ops/ → root), so this walks the imports itself
 * (type-only imports count) and prints each strongly connected group of folders with the imports inside it.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = "server/domain";
/** The folder of a domain file: its first path segment under server/domain, or "(root)". */
const folderOf = (file) => {
  const parts = path.relative(ROOT, file).split(path.sep);
  return parts.length < 2 ? "(root)" : parts[0];
};
const edges = new Map();
const examples = new Map();
for (const file of fs.readdirSync(ROOT, { recursive: true }).map((f) => path.join(ROOT, f))) {
  if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
  const from = folderOf(file);
  for (const match of fs.readFileSync(file, "utf8").matchAll(/from\s+["'](\.[^"']+)["']/g)) {
    const target = path.normalize(path.join(path.dirname(file), match[1]));
    if (!target.startsWith(ROOT + path.sep)) continue;
    const to = folderOf(target);
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
    if (!examples.has(`${from}>${to}`)) examples.set(`${from}>${to}`, `${file} → ${match[1]}`);
  }
}
// Tarjan's strongly connected components
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const groups = [];
function visit(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const group = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group);
  }
}
for (const v of edges.keys()) if (!index.has(v)) visit(v);
if (groups.length === 0) {
  console.log("✔ no import cycle between the folders of server/domain");
} else {
  for (const group of groups) {
    console.error(`✘ folders of server/domain in a cycle: ${group.join(", ")}`);
    for (const from of group)
      for (const to of edges.get(from) ?? [])
        if (group.includes(to)) console.error(`    ${from} → ${to}  (e.g. ${examples.get(`${from}>${to}`)})`);
  }
  process.exit(1);
}
