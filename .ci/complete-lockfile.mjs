#!/usr/bin/env node
// Completes package-lock.json after `npm install`.
//
// Why: @node-rs/jieba ships one binary package per platform as optional
// dependencies, and the registry mirror of these machines serves only the
// linux-x64 ones. `npm install` then leaves the others out of the lockfile, and
// `npm ci` refuses that lockfile ("Missing: @node-rs/jieba-darwin-x64@ from lock
// file"). Entries with the platform's os/cpu/libc let `npm ci` skip them, as it
// does on a full registry. Run after any `npm install` that rewrites the lock:
//   node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

/** napi-rs platform package suffixes: `darwin-arm64`, `linux-x64-gnu`, `win32-ia32-msvc`, `android-arm-eabi`… */
function platformOf(name) {
  const match = /-(android|darwin|freebsd|linux|win32)-(arm64|arm|x64|ia32|riscv64|s390x|ppc64)(?:-(gnu|musl|gnueabihf|msvc|eabi))?$/.exec(name);
  if (!match) return null;
  const [, os, cpu, abi] = match;
  const entry = { os: [os], cpu: [cpu] };
  if (abi === 'gnu') entry.libc = ['glibc'];
  if (abi === 'musl') entry.libc = ['musl'];
  return entry;
}

let added = 0;
for (const [key, info] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(info.optionalDependencies ?? {})) {
    const location = `node_modules/${name}`;
    if (packages[location] || packages[`${key}/${location}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[location] = { version, ...platform, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: ${added} platform entries added`);
