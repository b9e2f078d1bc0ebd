// The playground in a real browser: Playwright (playwright-core from npm)
// drives Debian's chromium, headless, against `voxwire serve` on 127.0.0.1.
// It types text, presses Speak and checks that audio deltas arrived, playback
// started and the time to first audio is shown; designs a voice, sees it
// listed, deletes it; and checks that a bad key is explained in plain words.
// Set SCREENSHOT=path to save a screenshot of the page (for the README).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.VOXWIRE_BINARY || path.join(repo, 'build/release/voxwire');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const KEY = 'sk-playground-test';

let server;
let dataDir;
let baseUrl;
let browser;

// Starts the server and resolves with its URL once it logs the port.
function startServer() {
  dataDir = mkdtempSync(path.join(tmpdir(), 'voxwire-browser-'));
  server = spawn(binary, ['serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--api-key', KEY,
    '--no-rate-limits'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('voxwire did not start:\n' + log)), 20000);
    const onData = (chunk) => {
      log += chunk;
      const match = /event=listening host=\S+ port=(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`voxwire exited (${code}):\n${log}`)));
  });
}

before(async () => {
  if (!existsSync(browserPath)) throw new Error(`chromium is not installed at ${browserPath} (apt-get install chromium)`);
  baseUrl = await startServer();
  browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream', '--no-sandbox'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openPlayground(key = KEY) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  await page.goto(baseUrl + '/');
  await page.fill('#api-key', key);
  await page.dispatchEvent('#api-key', 'change');
  await page.waitForFunction(() => document.querySelectorAll('#voice option').length > 10, null, { timeout: 10000 });
  return page;
}

test('Speak streams audio, plays it while it arrives and shows the time to first audio', async () => {
  const page = await openPlayground();
  await page.fill('#text', 'Good morning. The playground plays this sentence while the audio streams in, ' +
    'chunk by chunk, over the realtime WebSocket API.');
  await page.selectOption('#voice', 'Ethan');
  await page.click('#speak');
  await page.waitForFunction(() => window.playground.stats.done, null, { timeout: 30000 });
  const stats = await page.evaluate(() => window.playground.stats);
  assert.ok(stats.deltas > 1, `audio came in ${stats.deltas} deltas`);
  assert.ok(stats.bytes > 24000 * 2, `${stats.bytes} bytes of audio (more than a second at 24 kHz)`);
  assert.equal(stats.playbackStarted, true);
  assert.match(await page.textContent('#first-audio'), /^first audio after \d+ ms$/);
  assert.ok(stats.firstAudioMs >= 0 && stats.firstAudioMs < 5000, `first audio after ${stats.firstAudioMs} ms`);
  assert.equal(await page.isVisible('#download'), true);
  assert.equal(await page.isVisible('#error'), false);
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  await page.close();
});

test('A compressed format plays once it is whole and downloads as that format', async () => {
  const page = await openPlayground();
  await page.fill('#text', 'This one comes as MP3.');
  await page.selectOption('#format', 'mp3');
  await page.click('#speak');
  await page.waitForFunction(() => window.playground.stats.done, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.playground.stats.playbackStarted), true);
  assert.equal(await page.getAttribute('#download', 'download'), 'voxwire.mp3');
  await page.close();
});

test('A designed voice plays its preview, is listed, and can be deleted', async () => {
  const page = await openPlayground();
  await page.fill('#design-name', 'browsertest');
  await page.click('#design');
  await page.waitForFunction(() => window.playground.stats.previewPlayed, null, { timeout: 60000 });
  const row = page.locator('#voice-list tr', { hasText: 'browsertest' });
  await row.waitFor({ timeout: 10000 });
  assert.match(await page.textContent('#design-status'), /^saved as qwen-tts-vd-browsertest-/);
  await row.locator('button.delete-voice').click();
  await row.waitFor({ state: 'detached', timeout: 10000 });
  assert.equal(await page.locator('#voice-list tr', { hasText: 'browsertest' }).count(), 0);
  await page.close();
});

test('A wrong key is explained in plain words', async () => {
  const page = await openPlayground('sk-wrong');
  await page.click('#speak');
  await page.waitForSelector('#error:not([hidden])', { timeout: 10000 });
  assert.match(await page.textContent('#error'), /Invalid API-key/);
  await page.close();
});
