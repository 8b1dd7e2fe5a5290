// A signal every 10 ms for 5 s while operations wait: no EINTR reaches the
// user, no timeout breaks (none restarts, none fires early or late), and data
// still crosses intact.
import { runChild } from './helpers';

test('SIGUSR1 every 10 ms for 5 s: no EINTR, timeouts on time, data intact', async () => {
  const result = await runChild(`
    const { spawn } = require('node:child_process');
    let delivered = 0;
    process.on('SIGUSR1', () => { delivered++; });
    // Without the sanitizer runtime npm run test:asan preloads: loaded into
    // every date and sleep the loop starts, it slowed the storm to 88 signals.
    const pinger = spawn('sh', ['-c', 'end=$(($(date +%s) + 5)); while [ $(date +%s) -lt $end ]; do kill -USR1 $1 || exit; sleep 0.01; done', 'sh', String(process.pid)], { stdio: 'ignore', env: { ...process.env, LD_PRELOAD: '' } });
    const stopped = new Promise((r) => pinger.on('exit', r));
    const udp = (blocking) => {
      const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
      s.bind({ address: '127.0.0.1', port: 0 });
      s.setblocking(blocking);
      return s;
    };
    const late = [];
    const errors = [];
    const timed = async (name, fn, ms) => {
      const start = performance.now();
      try { await fn(); errors.push(name + ': no timeout'); }
      catch (e) {
        const took = performance.now() - start;
        if (e.code !== 'ETIMEDOUT') errors.push(name + ': ' + e.code);
        else if (took < ms - 1 || took > ms + 150) late.push(name + ' ' + Math.round(took));
      }
    };
    (async () => {
      const a = udp(true), b = udp(true), c = udp(false), d = udp(true);
      let echoed = 0;
      const start = performance.now();
      while (performance.now() - start < 4500) {
        await Promise.all([
          timed('threadpool', () => a.recv(10, 0, { timeout: 200 }), 200),
          timed('event loop', () => c.recv(10, 0, { timeout: 200 }), 200),
          (async () => {
            const pending = b.recv(100);
            await c.sendto('ping ' + echoed, b.getsockname());
            if ((await pending).toString() === 'ping ' + echoed) echoed++;
          })(),
        ]);
        d.settimeout(50);
        await timed('sync', async () => d.recvSync(10), 50);
      }
      await stopped;
      for (const s of [a, b, c, d]) s.close();
      console.log(JSON.stringify({ delivered, echoed, late, errors }));
    })();
  `, { timeoutMs: 20000 });
  expect(result.stderr).toBe('');
  const out = JSON.parse(result.stdout) as { delivered: number; echoed: number; late: string[]; errors: string[] };
  expect(out.errors).toEqual([]);
  expect(out.late).toEqual([]);
  expect(out.delivered).toBeGreaterThan(100); // the storm really happened
  expect(out.echoed).toBeGreaterThan(10);
  process.stdout.write(`signals delivered: ${out.delivered}, round trips: ${out.echoed}\n`);
}, 30000);
