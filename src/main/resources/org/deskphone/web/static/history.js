// Call history, as the call features keep it.
import { get, post } from './api.js';
import { h, clear, page, card, problem, busy, toast } from './ui.js';

export function history(info) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  page(info.title, card(null, body));
  const load = async () => {
    try {
      const data = await get('/api/history');
      if (!data.available) {
        clear(body, h('p', { class: 'muted', id: 'history-none' }, 'This phone keeps no call history yet: it comes with the call features.'));
        return;
      }
      const clearButton = h('button', { type: 'button', hidden: !info.writable || !data.calls.length,
        onclick: (e) => confirm('Delete the whole call history?') && busy(e.target, null, async () => { await post('/api/history/clear'); toast('Call history deleted'); load(); }) }, 'Clear history');
      clear(body, data.calls.length === 0 ? h('p', { class: 'muted' }, 'No calls yet.')
        : h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
          h('thead', {}, h('tr', {}, ['', 'Who', 'Account', 'When', 'Length'].map((t) => h('th', {}, t)))),
          h('tbody', {}, data.calls.map((c) => h('tr', {}, h('td', {}, h('span', { class: `pill ${c.kind === 'missed' ? 'failed' : 'unknown'}` }, c.kind)),
            h('td', {}, c.name || c.number, c.name ? h('div', { class: 'muted small' }, c.number) : null), h('td', {}, c.account),
            h('td', {}, new Date(c.started).toLocaleString()), h('td', {}, c.kind === 'missed' ? '—' : `${Math.floor(c.seconds / 60)}:${String(c.seconds % 60).padStart(2, '0')}`)))))),
      h('div', { class: 'actions left' }, clearButton));
    } catch (error) {
      clear(body, problem(error));
    }
  };
  load();
}
