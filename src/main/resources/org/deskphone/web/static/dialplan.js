// Dial plan: a live tester on the phone's own dial-plan engine, then the settings.
import { post } from './api.js';
import { h, clear, page, card, busy } from './ui.js';
import { sections, filter } from './settings.js';

function verdict(r) {
  const after = r.after_s === null ? '' : ` after ${r.after_s} s`;
  switch (r.result) {
    case 'dial': return [h('span', { class: 'pill registered' }, 'dial'), ` ${r.number} on account ${r.account}${after}`, h('div', { class: 'muted small' }, `${r.trigger.replace('_', ' ')} · ${r.rule}`)];
    case 'block': return [h('span', { class: 'pill failed' }, 'blocked'), ` ${r.number}${after}`, h('div', { class: 'muted small' }, `${r.blocked_by.replace('_', ' ')} · ${r.rule}`)];
    case 'nomatch': return [h('span', { class: 'pill failed' }, 'no match'), ` ${r.number}${after}`, h('div', { class: 'muted small' }, 'no digit-map string matches')];
    default: return [h('span', { class: 'pill unknown' }, 'waits'), ` for more keys after '${r.typed}'`, h('div', { class: 'muted small' }, `digit map: ${r.map.replace('_', ' ')}`)];
  }
}

export function dialplan(info) {
  const inputs = h('input', { id: 'dial-inputs', placeholder: '911 0 1234', spellcheck: 'false', autocomplete: 'off', inputmode: 'tel' });
  const map = h('input', { id: 'dial-map', placeholder: 'optional: a digit map to try, e.g. [2-9]11|0T|xxxx', spellcheck: 'false', autocomplete: 'off' });
  const account = h('select', { id: 'dial-account' }, Array.from({ length: 20 }, (_, i) => h('option', { value: i + 1 }, `Account ${i + 1}`)));
  const source = h('select', { id: 'dial-source' }, ['manual', 'history', 'directory', 'forward'].map((s) => h('option', { value: s }, s)));
  const locked = h('input', { type: 'checkbox', id: 'dial-locked' });
  const where = h('div', { class: 'messages' });
  const results = h('div', { id: 'dial-results' });
  const origin = h('p', { class: 'muted small' });
  const run = h('button', { type: 'submit', class: 'primary' }, 'Try');
  const test = (event) => {
    event.preventDefault();
    const list = inputs.value.split(/[\s,;]+/).filter(Boolean);
    if (!list.length) return;
    busy(run, where, async () => {
      const data = await post('/api/dialplan/test', { inputs: list, account: Number(account.value), source: source.value, locked: locked.checked, digitMap: map.value });
      origin.textContent = `Plan: ${data.origin}.`;
      clear(results, h('table', { class: 'list' }, h('tbody', {}, data.results.map((r) => h('tr', {}, h('th', {}, r.input), h('td', {}, verdict(r)))))));
    });
  };
  page(info.title,
    card('Try numbers', h('form', { class: 'tester', onsubmit: test },
      h('p', { class: 'muted' }, 'Type numbers as a caller would, off hook, then wait: the phone\'s dial-plan engine says what it would dial, refuse or wait for, and when.'),
      where,
      h('label', { for: 'dial-inputs' }, 'Numbers'), inputs,
      h('label', { for: 'dial-map' }, 'Digit map'), map,
      h('div', { class: 'inline' }, account, source, h('label', { class: 'check' }, locked, ' phone locked')),
      h('div', { class: 'actions left' }, run)), origin, results),
    info.sections.length ? filter() : null, sections(info));
}
