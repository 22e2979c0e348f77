// Status: the phone, its network, its accounts with their registration, and the last provisioning run.
import { get } from './api.js';
import { h, clear, page, card, problem, formatDuration } from './ui.js';

const STATE_TEXT = { idle: 'Not registered', registering: 'Registering…', registered: 'Registered', failed: 'Failed' };

function accounts(data) {
  if (data.items.length === 0) {
    return h('p', { class: 'muted' }, 'No account is set up. ', h('a', { href: '#/accounts' }, 'Set one up'), '.');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'accounts-status' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Account'), h('th', {}, 'Server'), h('th', {}, 'Registration'))),
    h('tbody', {}, data.items.map((a) => {
      const r = a.registration;
      const state = r ? h('span', { class: `pill ${r.state}`, title: r.detail }, STATE_TEXT[r.state] || r.state)
        : h('span', { class: 'pill unknown', title: 'The SIP user agent reports registration here while it runs' },
          data.registrationKnown ? 'No report yet' : 'Not known (SIP is not running; the log says why)');
      return h('tr', {}, h('td', {}, a.index),
        h('td', {}, a.label || a.display_name || a.user_name || '—', a.enabled ? null : h('span', { class: 'muted' }, ' (off)')),
        h('td', {}, a['sip_server.1.address'] ?? '—'),
        h('td', {}, state, r && r.detail ? h('div', { class: 'muted small' }, r.detail) : null));
    }))));
}

function provisioning(data) {
  if (!data.available) return h('p', { class: 'muted' }, 'Provisioning is off on this phone; the log says why.');
  if (!data.last) return h('p', { class: 'muted' }, 'No provisioning run yet.');
  const last = data.last;
  return h('div', {}, h('p', {}, h('span', { class: `pill ${last.succeeded ? 'registered' : 'failed'}` }, last.outcome),
    ` ${last.trigger}`, last.server ? ` · ${last.server}` : '', ` · ${last.changes} settings changed`),
  h('pre', { class: 'log' }, last.lines.join('\n')));
}

export function status() {
  const body = h('div', { class: 'cards' }, h('p', { class: 'muted' }, 'Loading…'));
  page('Status', body);
  const load = async () => {
    try {
      const data = await get('/api/status');
      clear(body,
        card('Phone', h('dl', { class: 'facts' },
          h('dt', {}, 'Model'), h('dd', {}, data.model),
          h('dt', {}, 'Firmware'), h('dd', { id: 'firmware' }, data.version),
          h('dt', {}, 'Up for'), h('dd', {}, formatDuration(data.uptimeSeconds)),
          h('dt', {}, 'Phone time'), h('dd', {}, new Date(data.time).toLocaleString()))),
        card('Network', h('p', {}, h('span', { class: `pill ${data.network.available ? 'registered' : 'failed'}` },
          data.network.available ? 'Available' : 'Unavailable')), h('ul', { class: 'plain' }, data.network.lines.map((l) => h('li', {}, l)))),
        h('section', { class: 'card wide' }, h('h2', {}, 'Accounts'), accounts(data.accounts)),
        h('section', { class: 'card wide' }, h('h2', {}, 'Last provisioning'), provisioning(data.provisioning)));
    } catch (error) {
      clear(body, problem(error));
    }
  };
  load();
  const timer = setInterval(load, 15000);
  return () => clearInterval(timer);
}
