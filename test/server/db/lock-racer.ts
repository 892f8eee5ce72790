import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeLock } from '../../../server/db/lock-file.ts';

// One of two processes racing for the stale lock of each round's folder (lock-file.test.ts). Both wait for each
// other at a barrier of files, then call takeLock at the same moment, and record whether they took the lock.
const [root = '', me = '', other = '', roundsText = '0'] = process.argv.slice(2);
const rounds = Number(roundsText);
const deadline = Date.now() + 60_000;
const results: string[] = [];
for (let i = 0; i < rounds; i++) {
  const dir = join(root, `round-${i}`);
  writeFileSync(join(dir, `ready-${me}`), '');
  while (!existsSync(join(dir, `ready-${other}`))) {
    if (Date.now() > deadline) throw new Error('the other racer never came');
  }
  try {
    takeLock(dir);
    results.push('took');
  } catch {
    results.push('refused');
  }
}
process.stdout.write(JSON.stringify(results));
