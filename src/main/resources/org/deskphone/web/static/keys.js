// Keys: a picture of the phone's keys; clicking one opens the settings it reads. Below, every key setting.
import { get } from './api.js';
import { h, clear, page, card, problem } from './ui.js';
import { sections, section, filter } from './settings.js';

export function keys(info) {
  const picture = h('div', { class: 'phone-picture', id: 'keys-picture' }, h('p', { class: 'muted' }, 'Loading…'));
  const editor = h('div', { id: 'key-editor' }, h('p', { class: 'muted' }, 'Click a key to see and change what it does.'));
  const byId = new Map(info.sections.map((s) => [s.id, s]));

  const open = (name, prefixes, button) => {
    document.querySelectorAll('.phone-picture .key.selected').forEach((k) => k.classList.remove('selected'));
    button.classList.add('selected');
    clear(editor, h('h3', {}, name));
    for (const prefix of prefixes) {
      const [family, index] = prefix.split('.');
      const sectionInfo = byId.get(family);
      if (!sectionInfo) continue;
      const container = h('div', {});
      editor.append(h('h4', {}, sectionInfo.title), container);
      section(info.id, sectionInfo, container, Number(index));
    }
  };

  get('/api/keys').then((data) => {
    const key = (kind, i, text) => {
      const name = `${kind} ${i}`;
      const button = h('button', { type: 'button', class: `key ${kind}`, dataset: { key: name }, title: (data.bindings[name] || []).join(', ') }, text);
      button.addEventListener('click', () => open(`${kind[0].toUpperCase()}${kind.slice(1)} key ${i}`, data.bindings[name] || [], button));
      return button;
    };
    const range = (n) => Array.from({ length: n }, (_, i) => i + 1);
    const layout = data.layout;
    clear(picture,
      h('div', { class: 'side' }, range(layout.lineKeys).map((i) => key('line', i, `Line ${i}`))),
      h('div', { class: 'face' },
        h('div', { class: 'lcd small-lcd', style: `--cols:${layout.columns}` }, Array.from({ length: layout.rows }, () => h('div', { class: 'lcd-row' }, ' '))),
        h('div', { class: 'softkeys' }, range(layout.softKeys).map((i) => key('soft', i, `Soft ${i}`)))),
      h('div', { class: 'side' }, range(layout.programmableKeys).map((i) => key('programmable', i, `Prog ${i}`))),
      h('p', { class: 'muted small caption' }, `Which settings each key reads: ${data.bindingsFrom}.`));
  }).catch((error) => clear(picture, problem(error)));

  page(info.title, card('The phone\'s keys', picture, editor), filter(), sections(info, info.sections.map((s) => s.id)));
}
