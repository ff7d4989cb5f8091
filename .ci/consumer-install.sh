#!/usr/bin/env bash
# What a consumer gets from `npm install gongwen`: pack this checkout, install the tarball into an
# empty project with an empty npm cache and without this repository's .npmrc, then use the
# library and the command from there. Fails if the install needs a toolchain trick of ours.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/consumer"
cd "$work/consumer"
npm init -y >/dev/null
# An empty cache, and no `yes`: the project's .npmrc (yes=true for nodejieba's build) does not ship.
npm install --cache "$work/cache" --yes=false --no-audit --no-fund "$work/$tarball"
test ! -e node_modules/nodejieba || { echo "consumer-install: nodejieba was installed, but it is an optional peer" >&2; exit 1; }
npx --no-install gongwen --version
npx --no-install gongwen parse "$root/fixtures/seed-000.txt" | head -n 3
cat > use.mjs <<'JS'
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, parse, toString, GongwenError } from 'gongwen';
import { analyzeFiles } from 'gongwen/archive';
const text = readFileSync(process.argv[2], 'utf8');
const analysis = analyze(text);
assert.equal(toString(analysis.tree), text);
assert.equal(analysis.title, '2021年落实全面从严治党主体责任情况报告');
assert.ok(analysis.slogans.some((slogan) => slogan.canonical === '两个维护'));
assert.equal(typeof analyzeFiles, 'function');
// Asking for the optional peer that is not installed is a typed error that says what to do.
assert.throws(() => parse(text, { segmenter: 'nodejieba' }), (error) => error instanceof GongwenError && error.code === 'SEGMENTER' && /optional peer dependency/.test(error.message));
console.log(`consumer-install: analyze() works without nodejieba: ${analysis.slogans.length} slogans, ${analysis.metrics.length} metrics`);
JS
node use.mjs "$root/fixtures/seed-000.txt"
