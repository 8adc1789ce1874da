import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, expect, it } from "vitest";
import { precompress } from "./precompress";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it("writes a Brotli and a gzip copy of every text file worth compressing, and of nothing else", async () => {
  const dir = mkdtempSync(join(tmpdir(), "precompress-"));
  dirs.push(dir);
  const code = `export const words = ${JSON.stringify("security method ".repeat(200))};\n`;
  const bundle = {
    "app.js": { type: "chunk", fileName: "app.js", code },
    "tiny.css": { type: "asset", fileName: "tiny.css", source: "p{color:red}" },
    "logo.png": { type: "asset", fileName: "logo.png", source: new Uint8Array(4096) },
  };
  const plugin = precompress({});
  const writeBundle = plugin.writeBundle as (
    options: { dir: string },
    bundle: unknown,
  ) => Promise<void>;
  await writeBundle({ dir }, bundle);

  const br = readFileSync(join(dir, "app.js.br"));
  const gz = readFileSync(join(dir, "app.js.gz"));
  expect(brotliDecompressSync(br).toString()).toBe(code);
  expect(gunzipSync(gz).toString()).toBe(code);
  expect(br.length).toBeLessThan(code.length / 10);
  // Under 1 KiB, or not text: sent as it is.
  expect(existsSync(join(dir, "tiny.css.br"))).toBe(false);
  expect(existsSync(join(dir, "logo.png.br"))).toBe(false);
});
