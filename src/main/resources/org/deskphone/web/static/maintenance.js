// Configuration (import, export, reboot, factory reset), firmware upgrade and the log.
import { get, post, upload, readFile } from './api.js';
import { h, clear, page, card, problem, busy, toast, filePicker, saveFile } from './ui.js';
import { sections } from './settings.js';

export function configuration(info) {
  const where = h('div', { class: 'messages' });
  const report = h('div', { id: 'import-report' });
  const confirmText = h('input', { id: 'reset-confirm', placeholder: 'factory reset', autocomplete: 'off', 'aria-label': 'Type factory reset to confirm' });
  const all = h('input', { type: 'checkbox', id: 'export-all' });
  page(info.title,
    card('Export', h('p', { class: 'muted' }, 'The configuration as a Yealink .cfg or an ALE config.xml. Passwords are never exported.'),
      h('label', { class: 'check' }, all, ' every setting, defaults included'),
      h('div', { class: 'actions left' },
        h('button', { type: 'button', onclick: () => saveFile(`/api/config/export?format=cfg${all.checked ? '&all=1' : ''}`) }, 'Export .cfg'),
        h('button', { type: 'button', onclick: () => saveFile(`/api/config/export?format=xml${all.checked ? '&all=1' : ''}`) }, 'Export config.xml'))),
    card('Import', h('p', { class: 'muted' }, 'A .cfg or config.xml applies as the same file from a provisioning server would: whole or not at all, with each line that does not fit named.'),
      where, filePicker('Import a file…', '.cfg,.xml,.txt', (file, button) => busy(button, where, async () => {
        clear(report);
        try {
          const result = await post('/api/config/import', await readFile(file));
          toast(`${result.changed.length} settings changed`);
          report.append(h('p', {}, `${file.name}: applied, ${result.changed.length} settings changed.`, result.restart ? ' Some take effect after a restart.' : ''),
            result.problems.length ? h('ul', {}, result.problems.map((p) => h('li', {}, p))) : null);
        } catch (error) {
          if (error.body && error.body.problems) error.problems = error.body.problems;
          throw error;
        }
      })), report),
    card('Restart', h('p', { class: 'muted' }, 'Restarts the phone. Calls in progress end.'),
      h('div', { class: 'actions left' }, h('button', { type: 'button', id: 'reboot', onclick: (e) => confirm('Restart the phone now?') && busy(e.target, where, async () => {
        await post('/api/reboot');
        document.dispatchEvent(new CustomEvent('phone-restarting'));
      }) }, 'Restart now'))),
    card('Factory reset', h('p', {}, 'Erases the whole configuration, the passwords, certificates, contacts and history, then restarts. Type ', h('code', {}, 'factory reset'), ' to confirm.'),
      h('div', { class: 'inline' }, confirmText, h('button', { type: 'button', class: 'danger', onclick: (e) => busy(e.target, where, async () => {
        await post('/api/factory-reset', { confirm: confirmText.value.trim() });
        document.dispatchEvent(new CustomEvent('phone-restarting'));
      }) }, 'Reset to factory settings'))));
}

export function upgrade(info) {
  const where = h('div', { class: 'messages' });
  const bar = h('progress', { max: 1, value: 0, hidden: true, id: 'upgrade-progress' });
  page(info.title, card('Firmware', h('p', { class: 'muted' }, 'Upload a firmware image; the phone checks it, installs it and restarts.'),
    where, filePicker('Upload firmware…', '', (file, button) => busy(button, where, async () => {
      bar.hidden = false;
      await upload('/api/upgrade', file, (fraction) => { bar.value = fraction; });
      toast('Firmware installed; the phone restarts');
      document.dispatchEvent(new CustomEvent('phone-restarting'));
    }).finally(() => { bar.hidden = true; })), bar));
}

export function logs(info) {
  const view = h('pre', { class: 'log tall', id: 'log-lines' });
  const note = h('p', { class: 'muted small' });
  let next = -1;
  let timer;
  const follow = h('input', { type: 'checkbox', checked: true, id: 'log-follow' });
  const load = async () => {
    try {
      const data = await get(`/api/logs?since=${next - 1}`);
      note.textContent = data.collected ? '' : 'The web log is not collected in this logging configuration.';
      for (const line of data.lines) {
        if (line.seq < next) continue;
        view.append(h('span', { class: `log-${line.level.toLowerCase()}` }, `${line.time.slice(11, 23)} ${line.level.padEnd(5)} ${line.class}: ${line.message}\n`));
      }
      next = data.next;
      if (follow.checked) view.scrollTop = view.scrollHeight;
    } catch (error) {
      clear(view, problem(error));
      clearInterval(timer);
    }
  };
  page(info.title, card('Recent log', h('div', { class: 'actions left' }, h('label', { class: 'check' }, follow, ' follow'),
    h('button', { type: 'button', onclick: () => saveFile('/api/logs/download') }, 'Download')), note, view), sections(info));
  load();
  timer = setInterval(load, 3000);
  return () => clearInterval(timer);
}
