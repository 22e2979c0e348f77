// Provisioning: the settings, and "Provision now" with the run's lines as they happen.
import { get, post } from './api.js';
import { h, clear, page, card, problem, busy } from './ui.js';
import { sections } from './settings.js';

export function provisioning(info) {
  const log = h('pre', { class: 'log', id: 'provision-log', 'aria-live': 'polite' });
  const verdict = h('div', { id: 'provision-verdict' });
  const where = h('div', { class: 'messages' });
  let source = null;
  const button = h('button', { type: 'button', class: 'primary', id: 'provision-now', hidden: !info.writable }, 'Provision now');

  // The run's own lines as they came stay in the log; the report sums it up beneath the verdict.
  const done = (report) => {
    clear(verdict, h('p', {}, h('span', { class: `pill ${report.succeeded ? 'registered' : 'failed'}` }, report.outcome),
      report.server ? ` from ${report.server}` : '', ` · ${report.changes ?? 0} settings changed`, report.restart ? ' · the phone restarts' : ''),
    h('details', { open: log.textContent === '' }, h('summary', {}, 'Report'), h('pre', { class: 'log', id: 'provision-report' }, report.lines.join('\n'))));
    button.disabled = false;
  };

  const watch = () => {
    source = new EventSource('/api/provision/events');
    source.addEventListener('state', (e) => {
      const state = JSON.parse(e.data);
      log.textContent = state.lines.join('\n');
    });
    source.addEventListener('line', (e) => { log.textContent += (log.textContent ? '\n' : '') + JSON.parse(e.data); });
    source.addEventListener('done', (e) => {
      const report = JSON.parse(e.data);
      if (report.live) log.textContent = report.live.join('\n');
      done(report);
    });
    source.addEventListener('end', () => { source.close(); source = null; });
    source.onerror = () => { if (source) { source.close(); source = null; } button.disabled = false; };
  };

  button.addEventListener('click', () => busy(button, where, async () => {
    clear(verdict, h('p', {}, h('span', { class: 'pill registering' }, 'Running…')));
    log.textContent = '';
    await post('/api/provision/run');
    button.disabled = true;
    watch();
  }).then(() => { button.disabled = source !== null; }));

  page(info.title,
    card('Provision now', h('p', { class: 'muted' }, 'Fetches the configuration files from the server now, applies them and installs the files they name. Every request shows here as it happens.'),
      where, h('div', { class: 'actions left' }, button), verdict, log),
    sections(info));

  get('/api/provision').then((state) => {
    if (state.running) { button.disabled = true; clear(verdict, h('p', {}, h('span', { class: 'pill registering' }, 'Running…'))); watch(); }
    else if (state.last) done(state.last);
  }).catch((error) => where.append(problem(error)));
  return () => { if (source) source.close(); };
}
