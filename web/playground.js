// The voxwire playground: speaks over the realtime WebSocket API (playing PCM
// deltas while they stream), designs, clones, lists and deletes voices over
// the customization API. No libraries; everything goes to this server.
'use strict';

const $ = (id) => document.getElementById(id);
const CUSTOMIZATION = '/api/v1/services/audio/tts/customization';
const MIME = { pcm: 'audio/wav', wav: 'audio/wav', mp3: 'audio/mpeg', opus: 'audio/ogg' };

// What happened, for people (the page) and for the browser test (window.playground).
const playground = (window.playground = {
  catalog: null,
  customVoices: [],
  stats: { deltas: 0, bytes: 0, playbackStarted: false, firstAudioMs: null, done: false, previewPlayed: false },
});

let audioContext = null;
let socket = null;
let recorded = null;  // a microphone recording as WAV bytes

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}
function clearError() { $('error').hidden = true; }
function apiKey() { return $('api-key').value.trim(); }
function eventId() { return 'event_' + Math.random().toString(36).slice(2) + Date.now().toString(36); }

function base64ToBytes(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
function bytesToBase64(bytes) {
  let raw = '';
  for (let i = 0; i < bytes.length; i += 0x8000) raw += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(raw);
}
function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// 16-bit mono PCM in a WAV container.
function wavFile(pcm, sampleRate) {
  const header = new DataView(new ArrayBuffer(44));
  const text = (at, s) => { for (let i = 0; i < s.length; i++) header.setUint8(at + i, s.charCodeAt(i)); };
  text(0, 'RIFF'); header.setUint32(4, 36 + pcm.length, true); text(8, 'WAVE');
  text(12, 'fmt '); header.setUint32(16, 16, true); header.setUint16(20, 1, true); header.setUint16(22, 1, true);
  header.setUint32(24, sampleRate, true); header.setUint32(28, sampleRate * 2, true);
  header.setUint16(32, 2, true); header.setUint16(34, 16, true);
  text(36, 'data'); header.setUint32(40, pcm.length, true);
  return concat([new Uint8Array(header.buffer), pcm]);
}

// The server's answer to a customization call, or an Error with its message.
async function customization(model, input, parameters) {
  const response = await fetch(CUSTOMIZATION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + apiKey() },
    body: JSON.stringify({ model, input, parameters: parameters || {} }),
  });
  let body = {};
  try { body = await response.json(); } catch (e) { /* not JSON: the status says it */ }
  if (!response.ok) throw new Error(body.message || `The server answered ${response.status}.`);
  return body.output;
}

// ---- menus ---------------------------------------------------------------

function fill(select, values, selected) {
  select.innerHTML = '';
  for (const v of values) {
    const option = document.createElement('option');
    option.value = Array.isArray(v) ? v[0] : v;
    option.textContent = Array.isArray(v) ? v[1] : v;
    select.appendChild(option);
  }
  if (selected !== undefined && values.some((v) => (Array.isArray(v) ? v[0] : v) === selected)) select.value = selected;
}

function currentModel() { return playground.catalog.models.find((m) => m.name === $('model').value); }

function onModelChanged() {
  const model = currentModel();
  if (!model) return;
  const voices = model.voice_kind === 'system'
    ? model.voices.map((name) => {
      const info = playground.catalog.voices[name] || {};
      return [name, info.display_name ? `${name} (${info.display_name})` : name];
    })
    : playground.customVoices.filter((v) => v.target_model === model.name).map((v) => [v.voice, v.voice]);
  fill($('voice'), voices, $('voice').value || 'Cherry');
  fill($('language'), ['Auto', ...model.languages], $('language').value || 'Auto');
  fill($('format'), model.formats, $('format').value || 'pcm');
  fill($('sample-rate'), model.sample_rates.map(String), $('sample-rate').value || '24000');
  $('instructions').disabled = !model.instructions;
}

async function loadCatalog() {
  const response = await fetch('/playground/catalog.json');
  playground.catalog = await response.json();
  const models = playground.catalog.models;
  fill($('model'), models.map((m) => [m.name, m.voice_kind === 'system' ? m.name : `${m.name} (${m.voice_kind} voices)`]),
    'qwen3-tts-flash-realtime');
  fill($('design-target'), playground.catalog.design_targets);
  fill($('clone-target'), playground.catalog.clone_targets);
  onModelChanged();
}

// ---- speaking ------------------------------------------------------------

function drawWaveform(peaks) {
  const canvas = $('waveform');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#4fd1a5';
  const columns = Math.min(peaks.length, canvas.width);
  const per = peaks.length / Math.max(columns, 1);
  for (let x = 0; x < columns; x++) {
    let peak = 0;
    for (let i = Math.floor(x * per); i < Math.floor((x + 1) * per); i++) peak = Math.max(peak, peaks[i]);
    const h = Math.max(1, peak * canvas.height);
    g.fillRect(x * (canvas.width / columns), (canvas.height - h) / 2, Math.max(1, canvas.width / columns - 1), h);
  }
}

// Peaks of 10 ms blocks of 16-bit PCM, appended to `peaks`.
function addPeaks(pcm, sampleRate, peaks) {
  const samples = new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.length / 2));
  const block = Math.max(1, Math.floor(sampleRate / 100));
  for (let i = 0; i < samples.length; i += block) {
    let peak = 0;
    for (let j = i; j < Math.min(i + block, samples.length); j++) peak = Math.max(peak, Math.abs(samples[j]));
    peaks.push(peak / 32768);
  }
}

// Plays PCM deltas back to back as they arrive.
class PcmPlayer {
  constructor(context, sampleRate) {
    this.context = context;
    this.sampleRate = sampleRate;
    this.playhead = 0;
    this.carry = null;  // an odd byte left from the last delta
  }
  play(bytes) {
    if (this.carry) { bytes = concat([this.carry, bytes]); this.carry = null; }
    if (bytes.length % 2) { this.carry = bytes.slice(-1); bytes = bytes.slice(0, -1); }
    if (!bytes.length) return;
    const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    const buffer = this.context.createBuffer(1, samples.length, this.sampleRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) channel[i] = samples[i] / 32768;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    this.playhead = Math.max(this.playhead, this.context.currentTime + 0.03);
    source.start(this.playhead);
    this.playhead += buffer.duration;
    playground.stats.playbackStarted = true;
  }
}

async function playWhole(bytes) {
  const buffer = await audioContext.decodeAudioData(bytes.buffer.slice(0));
  const source = audioContext.createBufferSource();
  source.buffer = buffer;
  source.connect(audioContext.destination);
  source.start();
  return buffer;
}

function setSpeaking(speaking) {
  $('speak').disabled = speaking;
  $('stop').disabled = !speaking;
}

// Why a WebSocket closed before it opened: the browser is not told, so ask
// the customization API whether the key is good.
async function explainRefusal() {
  if (!apiKey()) return showError('Enter an API key first.');
  try {
    await customization('qwen-voice-design', { action: 'list', page_size: 1 });
    showError('The server refused the realtime connection (unknown model, or too many sessions or requests for this key).');
  } catch (e) {
    showError(e.message);
  }
}

function speak() {
  clearError();
  const text = $('text').value;
  if (!text.trim()) return showError('Type some text to speak.');
  const model = $('model').value;
  const format = $('format').value;
  const sampleRate = Number($('sample-rate').value);
  audioContext = audioContext || new AudioContext();
  audioContext.resume();
  const player = new PcmPlayer(audioContext, sampleRate);
  const chunks = [];
  const peaks = [];
  const stats = (playground.stats = { ...playground.stats, deltas: 0, bytes: 0, playbackStarted: false,
    firstAudioMs: null, done: false });
  let committedAt = 0;
  let opened = false;
  $('first-audio').textContent = '';
  $('download').hidden = true;
  $('status').textContent = 'connecting…';
  setSpeaking(true);

  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(`${scheme}//${location.host}/api-ws/v1/realtime?model=${encodeURIComponent(model)}`,
    ['voxwire.key.' + apiKey()]);
  const send = (event) => socket.send(JSON.stringify({ event_id: eventId(), ...event }));
  socket.onopen = () => { opened = true; };
  socket.onmessage = async (message) => {
    const event = JSON.parse(message.data);
    switch (event.type) {
      case 'session.created': {
        const session = { mode: 'commit', voice: $('voice').value, response_format: format, sample_rate: sampleRate,
          speech_rate: Number($('speech-rate').value), pitch_rate: Number($('pitch').value),
          volume: Number($('volume').value) };
        if ($('language').value !== 'Auto') session.language_type = $('language').value;
        if (!$('instructions').disabled && $('instructions').value.trim()) session.instructions = $('instructions').value;
        send({ type: 'session.update', session });
        break;
      }
      case 'session.updated':
        if (committedAt) break;
        send({ type: 'input_text_buffer.append', text });
        committedAt = performance.now();
        send({ type: 'input_text_buffer.commit' });
        send({ type: 'session.finish' });
        $('status').textContent = 'speaking…';
        break;
      case 'response.audio.delta': {
        const bytes = base64ToBytes(event.delta);
        if (stats.firstAudioMs === null) {
          stats.firstAudioMs = Math.round(performance.now() - committedAt);
          $('first-audio').textContent = `first audio after ${stats.firstAudioMs} ms`;
        }
        stats.deltas += 1;
        stats.bytes += bytes.length;
        chunks.push(bytes);
        if (format === 'pcm') {
          player.play(bytes);
          addPeaks(bytes, sampleRate, peaks);
          drawWaveform(peaks);
        }
        break;
      }
      case 'error':
        showError(event.error && event.error.message ? event.error.message : 'The server reported an error.');
        break;
      case 'session.finished': {
        const audio = concat(chunks);
        const file = format === 'pcm' ? wavFile(audio, sampleRate) : audio;
        if (format !== 'pcm' && audio.length) {  // compressed formats play once whole
          try {
            const buffer = await playWhole(file);
            const pcm = new Int16Array(buffer.length);
            buffer.getChannelData(0).forEach((v, i) => { pcm[i] = v * 32767; });
            addPeaks(new Uint8Array(pcm.buffer), buffer.sampleRate, peaks);
            drawWaveform(peaks);
            stats.playbackStarted = true;
          } catch (e) {
            showError('The browser could not play this format; download it instead.');
          }
        }
        const link = $('download');
        link.href = URL.createObjectURL(new Blob([file], { type: MIME[format] }));
        link.download = `voxwire.${format === 'pcm' ? 'wav' : format === 'opus' ? 'opus' : format}`;
        link.hidden = !audio.length;
        stats.done = true;
        $('status').textContent = `done: ${(stats.bytes / 1024).toFixed(0)} KiB in ${stats.deltas} deltas`;
        socket.close();
        break;
      }
      default:
        break;
    }
  };
  socket.onclose = (event) => {
    setSpeaking(false);
    if (!opened) return explainRefusal().then(() => { $('status').textContent = ''; });
    if (!stats.done) {
      $('status').textContent = 'stopped';
      if (event.code !== 1000 && event.code !== 1005) showError(`The connection closed: ${event.reason || event.code}.`);
    }
  };
}

function stop() {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ event_id: eventId(), type: 'response.cancel' }));
    socket.close(1000);
  }
}

// ---- voices --------------------------------------------------------------

async function refreshVoices() {
  if (!apiKey()) return;
  try {
    const [designed, cloned] = await Promise.all([
      customization('qwen-voice-design', { action: 'list', page_size: 100 }),
      customization('qwen-voice-enrollment', { action: 'list', page_size: 100 }),
    ]);
    playground.customVoices = [
      ...designed.voice_list.map((v) => ({ ...v, kind: 'designed', model: 'qwen-voice-design' })),
      ...cloned.voice_list.map((v) => ({ ...v, kind: 'cloned', model: 'qwen-voice-enrollment' })),
    ];
  } catch (e) {
    return showError(e.message);
  }
  const body = $('voice-list');
  body.innerHTML = '';
  for (const v of playground.customVoices) {
    const row = document.createElement('tr');
    for (const cell of [v.voice, v.kind, v.target_model, v.gmt_create]) {
      const td = document.createElement('td');
      td.textContent = cell;
      row.appendChild(td);
    }
    const button = document.createElement('button');
    button.textContent = 'Delete';
    button.className = 'delete-voice';
    button.onclick = async () => {
      clearError();
      try {
        await customization(v.model, { action: 'delete', voice: v.voice });
      } catch (e) {
        showError(e.message);
      }
      refreshVoices();
    };
    const td = document.createElement('td');
    td.appendChild(button);
    row.appendChild(td);
    body.appendChild(row);
  }
  onModelChanged();
}

async function design() {
  clearError();
  $('design-status').textContent = 'designing…';
  try {
    const output = await customization('qwen-voice-design', {
      action: 'create', target_model: $('design-target').value, voice_prompt: $('design-description').value,
      preview_text: $('design-preview-text').value, preferred_name: $('design-name').value,
    }, { response_format: 'wav', sample_rate: 24000 });
    $('design-status').textContent = `saved as ${output.voice}; playing the preview`;
    audioContext = audioContext || new AudioContext();
    await audioContext.resume();
    await playWhole(base64ToBytes(output.preview_audio.data));
    playground.stats.previewPlayed = true;
  } catch (e) {
    $('design-status').textContent = '';
    showError(e.message);
  }
  refreshVoices();
}

async function toggleRecording() {
  if (toggleRecording.stop) {
    toggleRecording.stop();
    toggleRecording.stop = null;
    $('record').textContent = 'Record from microphone';
    return;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(4096, 1, 1);
    const parts = [];
    processor.onaudioprocess = (e) => parts.push(new Float32Array(e.inputBuffer.getChannelData(0)));
    source.connect(processor);
    processor.connect(context.destination);
    $('record').textContent = 'Stop recording';
    $('clone-status').textContent = 'recording…';
    toggleRecording.stop = () => {
      processor.disconnect();
      stream.getTracks().forEach((t) => t.stop());
      const length = parts.reduce((n, p) => n + p.length, 0);
      const pcm = new Int16Array(length);
      let at = 0;
      for (const p of parts) for (const v of p) pcm[at++] = Math.max(-1, Math.min(1, v)) * 32767;
      recorded = wavFile(new Uint8Array(pcm.buffer), context.sampleRate);
      $('clone-status').textContent = `recorded ${(length / context.sampleRate).toFixed(1)} s`;
      context.close();
    };
  } catch (e) {
    showError('The microphone is not available: ' + e.message);
  }
}

async function clone() {
  clearError();
  let data;
  const file = $('clone-file').files[0];
  if (file) {
    data = `data:${file.type || 'audio/wav'};base64,` + bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  } else if (recorded) {
    data = 'data:audio/wav;base64,' + bytesToBase64(recorded);
  } else {
    return showError('Choose a recording or record one first.');
  }
  $('clone-status').textContent = 'creating…';
  try {
    const output = await customization('qwen-voice-enrollment', {
      action: 'create', target_model: $('clone-target').value, preferred_name: $('clone-name').value, audio: { data },
    });
    $('clone-status').textContent = `created ${output.voice}`;
  } catch (e) {
    $('clone-status').textContent = '';
    showError(e.message);
  }
  refreshVoices();
}

// ---- wiring --------------------------------------------------------------

for (const id of ['speech-rate', 'pitch', 'volume']) {
  $(id).addEventListener('input', () => { document.querySelector(`output[for=${id}]`).textContent = $(id).value; });
}
$('api-key').value = localStorage.getItem('voxwire.apiKey') || '';
$('api-key').addEventListener('change', () => { localStorage.setItem('voxwire.apiKey', apiKey()); refreshVoices(); });
$('model').addEventListener('change', onModelChanged);
$('speak').addEventListener('click', speak);
$('stop').addEventListener('click', stop);
$('design').addEventListener('click', design);
$('record').addEventListener('click', toggleRecording);
$('clone').addEventListener('click', clone);
$('refresh-voices').addEventListener('click', refreshVoices);
loadCatalog().then(refreshVoices).catch((e) => showError('Could not load the catalogue: ' + e.message));
