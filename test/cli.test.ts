import test from 'ava';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './helpers/temp-dir.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
const version = JSON.parse(await readFile('package.json', 'utf8')).version as string;

test('`npx shenbao` runs the built command (npm install builds it; the file must be executable)', (t) => {
  const run = spawnSync('npx', ['--offline', 'shenbao', '--version'], { encoding: 'utf8' });
  t.is(run.status, 0, run.stderr);
  t.is(run.stdout.trim(), version);
});

test('--help, --version and usage errors', (t) => {
  const help = cli('--help');
  t.is(help.status, 0);
  t.regex(help.stdout, /shenbao extract <pdf or folder>/);
  t.is(cli('--version').stdout.trim(), version);
  t.is(cli().status, 2);
  const unknown = cli('frobnicate');
  t.is(unknown.status, 2);
  t.regex(unknown.stderr, /unknown command "frobnicate"/);
  t.is(cli('extract').status, 2);
  t.is(cli('extract', 'samples', '--concurrency', 'zero').status, 2);
  t.is(cli('extract', 'samples', '--no-such-flag').status, 2);
});

test('extract writes the outputs, prints a summary and exits 1 when a file failed', async (t) => {
  const dir = await tempDir(t, 'shenbao-cli-');
  await mkdir(path.join(dir, 'in'));
  await copyFile('samples/portrait-song-05.pdf', path.join(dir, 'in', 'a.pdf'));
  await writeFile(path.join(dir, 'in', 'b.pdf'), 'not a pdf at all');
  const out = path.join(dir, 'out');
  const run = cli('extract', path.join(dir, 'in'), '--out', out, '--json-log');
  t.is(run.status, 1);
  t.regex(run.stdout, /2 file\(s\): 2 read.*1 record\(s\), 1 failed/);
  t.regex(run.stdout, /failures: PDF_INVALID 1/);
  const events = run.stderr.trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: string; error?: { code: string } });
  t.deepEqual(events.map((e) => e.type), ['start', 'file', 'file', 'end']);
  t.is(events.find((e) => e.error)?.error?.code, 'PDF_INVALID');
  t.is((await readFile(path.join(out, 'records.jsonl'), 'utf8')).trim().split('\n').length, 1);
  t.is(JSON.parse(await readFile(path.join(out, 'errors.jsonl'), 'utf8')).code, 'PDF_INVALID');

  const again = cli('extract', path.join(dir, 'in'), '--out', out);
  t.regex(again.stdout, /0 read, 2 reused/, 'both are reused: the failure is a lasting fact about the file');
  t.regex(again.stderr, /b\.pdf: failed PDF_INVALID/, 'plain lines off a terminal');
  const forced = cli('extract', path.join(dir, 'in'), '--out', out, '--force', '--quiet');
  t.regex(forced.stdout, /2 read, 0 reused/);
  t.notRegex(forced.stderr, /a\.pdf/, '--quiet prints failures only');
});

test('tables prints each reconstructed grid with cell boxes', (t) => {
  const run = cli('tables', 'samples/portrait-song-01.pdf');
  t.is(run.status, 0);
  t.regex(run.stdout, /page 1 \(595×842 pt\): 1 table\(s\)/);
  t.regex(run.stdout, /r0 c0 .*\[[\d.]+, [\d.]+, [\d.]+, [\d.]+\] 项目名称/);
  const json = JSON.parse(cli('tables', 'samples/portrait-song-01.pdf', '--json').stdout);
  t.true(json[0].tables[0].cells.some((c: { text: string }) => c.text === '项目名称'));
});
