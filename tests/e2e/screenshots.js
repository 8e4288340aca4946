// Takes the README's screenshots with headless chromium, driven over the DevTools protocol (no browser download):
// the local page in English and in Chinese, and the Microsoft 365 Agents Playground showing a GtmBot card.
// Usage (tests/e2e/screenshots.sh starts the host and the Playground on loopback and calls this):
//   BOT=http://127.0.0.1:39780 PG=http://127.0.0.1:56150 CHROMIUM=/usr/bin/chromium OUT=docs/screenshots node screenshots.js
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const WebSocket = require('ws');

const BOT = process.env.BOT;
const PG = process.env.PG;
const OUT = process.env.OUT;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const DEVTOOLS_PORT = Number(process.env.DEVTOOLS_PORT || 39222);
const WIDTH = 1280;
const HEIGHT = 800;
const TIMEOUT_MS = 60000; // a loaded machine: the Playground and the host start cold

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- the local page's JSON API: what a person would type and press ------------------------------------------------
async function turn(channel, user, body) {
  const res = await fetch(`${BOT}/local/api/turns`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channel, user, locale: body.locale, ...body }),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`turn ${JSON.stringify(body)} -> ${res.status} ${JSON.stringify(json)}`);
  return json.replies;
}

// The value of the button or form with this action (and a value ending so) in the replies' HTML.
function valueOf(replies, action, ending = '') {
  const html = replies.map((r) => r.html).join('\n');
  const m = html.match(new RegExp(`data-action="${action.replace('.', '\\.')}" data-value="([^"]*${ending})"`));
  if (!m) throw new Error(`no ${action} ${ending} in ${html.slice(0, 500)}`);
  return m[1];
}

async function seed(channel, user, locale, steps) {
  const say = (text) => turn(channel, user, { text, locale });
  for (const command of steps.before) await say(command);
  const canvas = await say('/gtm canvas');
  const form = await turn(channel, user, { action: 'canvas.edit', value: valueOf(canvas, 'canvas.edit', '\\|Who'), locale });
  await turn(channel, user, { action: 'canvas.save', value: valueOf(form, 'canvas.save'), form: { text: steps.who }, locale });
  for (const command of steps.after) await say(command);
}

// --- headless chromium over the DevTools protocol ----------------------------------------------------------------------
async function openBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gtm-shots-'));
  const chrome = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--remote-debugging-port=${DEVTOOLS_PORT}`, '--remote-debugging-address=127.0.0.1',
    `--user-data-dir=${profile}`, `--window-size=${WIDTH},${HEIGHT}`, 'about:blank',
  ], { stdio: 'ignore', detached: true }); // its own process group, so closing stops its helper processes too
  let target;
  for (let i = 0; i < 100 && !target; i++) {
    await sleep(100);
    try { target = (await (await fetch(`http://127.0.0.1:${DEVTOOLS_PORT}/json/list`)).json()).find((t) => t.type === 'page'); } catch (e) { /* not up yet */ }
  }
  if (!target) throw new Error('chromium did not open its DevTools port');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  let next = 0;
  const pending = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id && pending.has(msg.id)) { const { resolve, reject } = pending.get(msg.id); pending.delete(msg.id); if (msg.error) reject(new Error(JSON.stringify(msg.error))); else resolve(msg.result); }
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => { const id = ++next; pending.set(id, { resolve, reject }); ws.send(JSON.stringify({ id, method, params })); });
  const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;
  const waitFor = async (expression, what) => {
    const start = Date.now();
    while (!(await evaluate(expression))) {
      if (Date.now() - start > TIMEOUT_MS) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  };
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false });
  const page = {
    evaluate,
    waitFor,
    goto: async (url) => { await send('Page.navigate', { url }); await waitFor('document.readyState === "complete"', url); },
    type: async (text) => {
      await send('Input.insertText', { text });
      for (const type of ['keyDown', 'keyUp']) await send('Input.dispatchKeyEvent', { type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: type === 'keyDown' ? '\r' : undefined });
    },
    shoot: async (file) => {
      await sleep(500); // fonts and the last layout
      const { data } = await send('Page.captureScreenshot', { format: 'png' });
      fs.writeFileSync(file, Buffer.from(data, 'base64'));
      console.error(`wrote ${file}`);
    },
    // Chromium still writes its profile while it shuts down: wait for it to exit before removing the folder.
    close: async () => {
      ws.close();
      const exited = chrome.exitCode !== null ? Promise.resolve() : new Promise((resolve) => chrome.once('exit', resolve));
      try { process.kill(-chrome.pid, 'SIGTERM'); } catch (e) { if (e.code !== 'ESRCH') throw e; } // ESRCH: already gone
      await Promise.race([exited, sleep(10000)]);
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
  return page;
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  await seed('launch', 'ana', 'en-US', {
    before: [],
    who: 'Heads of sales ops at 200–2,000 seat SaaS firms in APAC',
    after: ['/gtm quote Acme Bank: We spend two days every month reconciling exports by hand'],
  });
  await seed('launch-zh', '李雷', 'zh-CN', {
    before: ['/gtm lang zh'],
    who: '华东地区 200–2000 人 SaaS 企业的销售运营负责人',
    after: ['/gtm quote 招商银行: 每个月要花两天手工核对导出的报表'],
  });

  const page = await openBrowser();
  try {
    for (const [channel, user, file] of [['launch', 'ana', 'local-page-en.png'], ['launch-zh', '李雷', 'local-page-zh.png']]) {
      await page.goto(`${BOT}/?channel=${encodeURIComponent(channel)}&user=${encodeURIComponent(user)}`);
      await page.waitFor('document.querySelectorAll("#artefacts .msg").length > 0 && document.querySelectorAll("#messages .msg").length > 2', 'the local page');
      await page.evaluate('document.getElementById("messages").lastElementChild.scrollIntoView({ block: "end" }), true');
      await page.shoot(path.join(OUT, file));
    }

    if (PG) {
      await page.goto(`${PG}/`);
      await page.waitFor('[...document.querySelectorAll("*")].some((e) => e.textContent.trim() === "Personal Chat")', 'the Playground');
      await page.evaluate('[...document.querySelectorAll("*")].filter((e) => e.textContent.trim() === "Personal Chat").pop().click(), true');
      const compose = 'document.querySelector("[contenteditable=true], textarea, input[placeholder^=\'Type a message\']")';
      await page.waitFor(`!!${compose}`, 'the compose box');
      await page.evaluate(`(${compose}.focus(), true)`);
      await page.type('canvas');
      await page.waitFor('document.body.innerText.includes("4W1H canvas · default")', 'the canvas card');
      // The log panel takes a third of the width: closed, the card has the room it has in Teams.
      await page.evaluate(`(() => {
        const title = [...document.querySelectorAll('*')].filter((e) => e.textContent.trim() === 'Log Panel').pop();
        const buttons = title ? [...title.parentElement.querySelectorAll('button')] : [];
        if (buttons.length) buttons[buttons.length - 1].click();
        return true;
      })()`);
      await page.evaluate('[...document.querySelectorAll("*")].filter((e) => e.textContent.includes("4W1H canvas · default")).pop().scrollIntoView({ block: "end" }), true');
      await page.shoot(path.join(OUT, 'agents-playground.png'));
    }
  } finally {
    await page.close();
  }
})().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
