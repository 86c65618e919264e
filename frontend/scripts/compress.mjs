// Writes a Brotli form (name.br) beside every built script, style sheet and SVG over 1 KB, at the
// highest quality; the server sends it to browsers that accept br. Node's zlib has Brotli built
// in, so no package is needed for it.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dir = new URL("../dist/assets/", import.meta.url).pathname;
let before = 0;
let after = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg)$/.test(name)) continue;
  const file = join(dir, name);
  if (statSync(file).size < 1024) continue;
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(file + ".br", br);
  before += data.length;
  after += br.length;
}
console.log(`brotli: ${Math.round(before / 1024)} kB of assets -> ${Math.round(after / 1024)} kB`);
