// The virtual phone: the LCD and LEDs live from the phone, and its keys and hook under the mouse, a finger
// or the keyboard. Keys go down and up as they are pressed, so the phone measures long presses itself.
import { get, post } from './api.js';
import { h, clear, page, problem, toast } from './ui.js';

const FUNCTION_KEYS = [['hold', 'Hold'], ['transfer', 'Transfer'], ['conference', 'Conf'], ['redial', 'Redial'], ['dnd', 'DND'],
  ['mute', 'Mute'], ['headset', 'Headset'], ['speaker', 'Speaker'], ['message', 'Msg'], ['menu', 'Menu'], ['volume_down', 'Vol −'], ['volume_up', 'Vol +']];
const PAD = [['1', ''], ['2', 'ABC'], ['3', 'DEF'], ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'], ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'], ['*', ''], ['0', '+'], ['#', '']];
const KEYBOARD = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', Enter: 'ok', Escape: 'cancel', Backspace: 'cancel' };

export function phone(info) {
  const lcd = h('div', { class: 'lcd', id: 'lcd', role: 'img', 'aria-label': 'LCD' });
  const hook = h('button', { type: 'button', class: 'hook', id: 'hook' }, 'Lift handset');
  const status = h('p', { class: 'muted small', id: 'phone-link' }, 'Connecting…');
  const leds = new Map();
  let offHook = false;
  let pressable = false;
  let queue = Promise.resolve();

  const send = (path, body) => {
    queue = queue.then(() => post(path, body)).catch((error) => toast(error.message, 'error'));
    return queue;
  };
  const keyButton = (key, text, extra = {}) => {
    const button = h('button', { type: 'button', class: `key ${extra.class || ''}`, dataset: { key }, 'aria-label': extra.label || text }, text, extra.sub ? h('small', {}, extra.sub) : null);
    let down = false;
    button.addEventListener('pointerdown', (e) => { if (!pressable) return; e.preventDefault(); down = true; button.classList.add('down'); send('/api/phone/key', { key, action: 'down' }); });
    const release = () => { if (!down) return; down = false; button.classList.remove('down'); send('/api/phone/key', { key, action: 'up' }); };
    button.addEventListener('pointerup', release);
    button.addEventListener('pointerleave', release);
    button.addEventListener('keydown', (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); if (!e.repeat) send('/api/phone/key', { key, action: 'press' }); } });
    if (extra.led) {
      const led = h('span', { class: 'led', 'aria-hidden': 'true' });
      leds.set(extra.led, led);
      button.prepend(led);
    }
    return button;
  };

  const render = (state) => {
    clear(lcd, state.lcd.map((line) => h('div', { class: 'lcd-row' }, line)));
    offHook = state.offHook;
    hook.textContent = offHook ? 'Hang up' : 'Lift handset';
    hook.classList.toggle('off', offHook);
    for (const [name, led] of leds) {
      const s = state.leds[name];
      led.className = s ? `led on ${s.color} ${s.pattern}` : 'led';
    }
  };

  const body = h('div', { class: 'virtual-phone' }, h('p', { class: 'muted' }, 'Loading…'));
  page(info.title, body, status);

  let source = null;
  let closed = false;
  get('/api/phone').then((state) => {
    pressable = state.pressable;
    const l = state.layout;
    const range = (n) => Array.from({ length: n }, (_, i) => i + 1);
    lcd.style.setProperty('--cols', l.columns);
    clear(body,
      h('div', { class: 'column keys-left' }, range(l.lineKeys).map((i) => keyButton(`line ${i}`, `Line ${i}`, { led: `line ${i}`, class: 'line' }))),
      h('div', { class: 'column center' },
        lcd,
        h('div', { class: 'softkeys' }, range(l.softKeys).map((i) => keyButton(`soft ${i}`, '▔▔', { label: `Soft key ${i}`, class: 'soft' }))),
        h('div', { class: 'nav-cluster' }, keyButton('up', '▲', { label: 'Up' }), keyButton('left', '◀', { label: 'Left' }), keyButton('ok', 'OK'),
          keyButton('right', '▶', { label: 'Right' }), keyButton('down', '▼', { label: 'Down' }), keyButton('cancel', '✕', { label: 'Cancel' })),
        h('div', { class: 'pad' }, PAD.map(([k, sub]) => keyButton(k, k, { sub, class: 'digit' }))),
        h('div', { class: 'functions' }, FUNCTION_KEYS.map(([k, text]) => keyButton(k, text, { led: ['mute', 'headset', 'speaker', 'message'].includes(k) ? (k === 'message' ? 'message' : k) : null })))),
      h('div', { class: 'column keys-right' }, range(l.programmableKeys).map((i) => keyButton(`programmable ${i}`, `P${i}`, { led: `programmable ${i}`, class: 'line', label: `Programmable key ${i}` })),
        hook));
    if (!pressable) {
      body.classList.add('read-only');
      status.textContent = 'This board\'s keys are real: the LCD shows here, the keys are on the phone.';
    }
    hook.addEventListener('click', () => pressable && send('/api/phone/hook', { offHook: !offHook }));
    render(state);
    if (closed) return;
    source = new EventSource('/api/phone/events');
    source.addEventListener('panel', (e) => render(JSON.parse(e.data)));
    source.onopen = () => { if (pressable) status.textContent = 'Live. Keys 0-9 * # and the arrows work from the keyboard too.'; };
    source.onerror = () => { status.textContent = 'The link to the phone dropped; reconnecting…'; };
  }).catch((error) => clear(body, problem(error)));

  const typed = new Set();
  const keyOf = (e) => (/^[0-9*#]$/.test(e.key) ? e.key : KEYBOARD[e.key]);
  const onKeyDown = (e) => {
    const key = keyOf(e);
    if (!key || !pressable || e.target.closest('input,select,textarea,button') || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    if (typed.has(key)) return;
    typed.add(key);
    send('/api/phone/key', { key, action: 'down' });
  };
  const onKeyUp = (e) => {
    const key = keyOf(e);
    if (!key || !typed.delete(key)) return;
    send('/api/phone/key', { key, action: 'up' });
  };
  document.addEventListener('keydown', onKeyDown);
  document.addEventListener('keyup', onKeyUp);
  return () => {
    closed = true;
    if (source) source.close();
    document.removeEventListener('keydown', onKeyDown);
    document.removeEventListener('keyup', onKeyUp);
  };
}
