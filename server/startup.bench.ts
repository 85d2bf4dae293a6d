import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, type BenchFigure } from '../bench/measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds from spawning a command until GET <url-from-stdout>/api/health answers 200. */
async function timeToFirst200(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /(http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) =>
        reject(new Error(`${cmd} ${args.join(' ')} exited with ${code} before printing a URL`)),
      );
    });
    for (;;) {
      const res = await fetch(new URL('api/health', url)).catch(() => null);
      if (res?.status === 200) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    // npm starts node as a grandchild: kill the whole process group, or the server keeps its port.
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }
}

/** `npm start` to first 200 on an installed checkout, against a minimal Hono server started the same way. */
export async function benchStartup(runs = 5): Promise<BenchFigure> {
  const port = () => String(20000 + Math.floor(performance.now() % 20000));
  const minimal = `import('@hono/node-server').then(({serve})=>{const s=serve({fetch:()=>new Response('ok'),port:0,hostname:'127.0.0.1'},(i)=>console.log('http://127.0.0.1:'+i.port+'/'))})`;
  await timeToFirst200('npm', ['start', '--silent'], { PORT: port() });
  const a: number[] = [],
    b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await timeToFirst200('npm', ['start', '--silent'], { PORT: port() }));
    b.push(await timeToFirst200(process.execPath, ['-e', minimal], {}));
  }
  const ms = median(a),
    baselineMs = median(b);
  return {
    name: 'npm start → first HTTP 200 (installed checkout, data built)',
    ms,
    baselineName: 'bare node + @hono/node-server → first 200',
    baselineMs,
    ratio: ms / baselineMs,
    runs,
  };
}
