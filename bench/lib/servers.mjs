// Starting, watching and stopping the servers under test, and sampling their memory.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { memoryOf } from './machine.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The Node runtime flags of `npm start` (package.json: `exec node <flags> dist/src/main.js`), so the
 * benchmark runs our API as production does. Every Node server of the benchmark (ours, the floor,
 * PostGraphile) gets the same flags: the comparison is of the servers, not of their runtime settings.
 */
export function productionNodeFlags(root) {
  const start = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).scripts.start;
  const m = /^exec node((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js$/.exec(start);
  if (!m) throw new Error(`package.json scripts.start is not "exec node [--flags] dist/src/main.js": ${start}`);
  return m[1].trim() ? m[1].trim().split(/\s+/) : [];
}

/**
 * Starts `command args` with env, logs to logFile, and waits until `probe()` resolves true (at
 * most timeoutMs). Returns { pid, url, stop() }. A server that exits early fails the start with the
 * tail of its log.
 */
export async function startServer({ name, command, args, env, cwd, logFile, probe, timeoutMs = 120_000 }) {
  // Output goes straight to the file: a pipe drained by this (busy) process would block the
  // server's synchronous log writes and distort the measurement.
  const fd = openSync(logFile, 'w');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const tailOf = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`${name} exited during start (${JSON.stringify(exited)}):\n${tailOf()}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready within ${timeoutMs} ms:\n${tailOf()}`);
    }
    if (await probe().catch(() => false)) break;
    await sleep(200);
  }
  return {
    name,
    pid: child.pid,
    startMs: Date.now() - started,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exit;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Samples the RSS of pid every intervalMs while a measurement runs and resets the kernel's peak
 * (VmHWM) at the start where allowed (/proc/pid/clear_refs, value 5). stop() returns the highest
 * sampled RSS and VmHWM, in bytes.
 */
export async function sampleMemory(pid, intervalMs = 100) {
  const hwmReset = await writeFile(`/proc/${pid}/clear_refs`, '5').then(() => true, () => false);
  let peak = 0;
  const tick = () => {
    const m = memoryOf(pid);
    if (m && m.rss > peak) peak = m.rss;
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      const m = memoryOf(pid);
      return { peakRssSampledBytes: peak, vmHwmBytes: m?.hwm ?? null, vmHwmResetAtStart: hwmReset };
    },
  };
}

/** POST JSON, returning { status, json }. */
export async function postJson(url, body, headers = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}
