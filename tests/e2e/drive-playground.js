// Drives the Microsoft 365 Agents Playground headlessly (its own HTTP + websocket API, no browser) against GtmBot:
// a channel post "@bot help", a personal-chat "help" and a canvas edit through Action.Execute; prints one JSON line with what the bot answered.
// Usage: PG=http://127.0.0.1:56150 node drive-playground.js
const WebSocket = require('ws');
const PG = process.env.PG || 'http://127.0.0.1:56150';
const TIMEOUT_MS = 20000;

async function call(method, path, body) {
  const res = await fetch(PG + path, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const frames = [];
function waitFor(match) {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const timer = setInterval(() => {
      const found = frames.find(match);
      if (found) { clearInterval(timer); resolve(found); } else if (Date.now() - start > TIMEOUT_MS) { clearInterval(timer); reject(new Error('no bot message in time; frames: ' + JSON.stringify(frames).slice(0, 2000))); }
    }, 50);
  });
}

function cardTexts(message) {
  const out = [];
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') { if (typeof node.text === 'string') out.push(node.text); Object.values(node).forEach(walk); }
  };
  (message.attachments || []).forEach((a) => walk(a.content));
  return out;
}

(async () => {
  const { config } = await call('GET', '/_internal/v1/config');
  const bot = config.bot, me = config.currentUser, personal = config.personalChat.id;
  const general = config.teams[0].channels[0].id;
  const ws = new WebSocket(PG.replace('http', 'ws') + '/_ws_conversation/v1/conversations/stream');
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });

  const at = `<at>${bot.name}</at>`;
  const post = await call('POST', `/_conversation/v1/conversations/${encodeURIComponent(general)}/messages`, {
    from: { id: me.id }, text: `${at} help`, textFormat: 'plain', mentions: [{ mentioned: { id: bot.id }, text: at }],
  });
  const channelReply = await waitFor((f) => f.action === 'createMessage' && f.actionConversationId === post.postConversationId && (f.message.attachments || []).length);

  await call('POST', `/_conversation/v1/conversations/${encodeURIComponent(personal)}/messages`, { from: { id: me.id }, text: 'help', textFormat: 'plain' });
  const personalReply = await waitFor((f) => f.action === 'createMessage' && f.actionConversationId === personal && (f.message.attachments || []).length);

  // A canvas edit: "@bot canvas" in the channel, Edit "Who" on the card (Action.Execute), save the form.
  const canvasPost = await call('POST', `/_conversation/v1/conversations/${encodeURIComponent(general)}/messages`, {
    from: { id: me.id }, text: `${at} canvas`, textFormat: 'plain', mentions: [{ mentioned: { id: bot.id }, text: at }],
  });
  const executeActions = (node, found = []) => {
    if (Array.isArray(node)) node.forEach((n) => executeActions(n, found));
    else if (node && typeof node === 'object') { if (node.type === 'Action.Execute') found.push(node); Object.values(node).forEach((n) => executeActions(n, found)); }
    return found;
  };
  // The first "canvas" posts one living card: the outbox starts a new thread in the channel for it.
  const canvasCard = await waitFor((f) => f.action === 'createMessage' && (f.message.attachments || []).length
    && executeActions(f.message.attachments.map((a) => a.content)).some((a) => a.verb === 'canvas.edit'));
  if (canvasPost.postConversationId === undefined) throw new Error('the canvas command was not posted');
  const edit = executeActions(canvasCard.message.attachments[0].content).find((a) => a.verb === 'canvas.edit');
  if (!edit) throw new Error('no canvas.edit button on the card');
  // A thread's conversation id is "<channel>;messageid=<root>"; a new thread's root message is the card itself.
  const thread = canvasCard.actionConversationId.includes(';messageid=')
    ? canvasCard.actionConversationId
    : `${canvasCard.actionConversationId};messageid=${canvasCard.message.messageId}`;
  const execute = (action, data) => call('POST', '/_conversation/v1/invoke', {
    name: 'adaptiveCard/action', from: { id: me.id }, conversation: { id: thread }, replyToId: canvasCard.message.messageId,
    value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' },
  });
  const form = await execute(edit, edit.data);
  const saveActions = [];
  const collectSave = (node) => {
    if (Array.isArray(node)) node.forEach(collectSave);
    else if (node && typeof node === 'object') { if (node.type === 'Action.Execute' && node.verb === 'canvas.save') saveActions.push(node); Object.values(node).forEach(collectSave); }
  };
  collectSave(form.value);
  if (!saveActions.length) throw new Error('the edit did not answer with a form: ' + JSON.stringify(form).slice(0, 500));
  const answer = 'SMB owners in tier-2 cities';
  const saved = await execute(saveActions[0], { ...saveActions[0].data, text: answer });
  const savedTexts = cardTexts({ attachments: [{ content: saved.value }] });
  // The channel's living canvas card: posted by the outbox as a new thread, or updated in place.
  const living = await waitFor((f) => (f.action === 'createMessage' || f.action === 'updateMessage') && cardTexts(f.message).some((t) => t.includes(answer)));

  ws.close();
  console.log(JSON.stringify({
    canvas: { formType: form.type, savedType: saved.type, savedTexts, living: { action: living.action, conversation: living.actionConversationId } },
    ok: true,
    channel: { conversation: post.postConversationId, contentType: channelReply.message.attachments[0].contentType, texts: cardTexts(channelReply.message) },
    personal: { conversation: personal, texts: cardTexts(personalReply.message) },
  }));
})().catch((e) => { console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) })); process.exit(1); });
