// Security: logins and their passwords, the web certificate, trusted CA certificates, the permission file.
import { get, post, del, readFile } from './api.js';
import { h, clear, page, card, problem, busy, toast, filePicker } from './ui.js';
import { sections } from './settings.js';

function users(container) {
  const where = h('div', { class: 'messages' });
  const load = async () => {
    try {
      const list = await get('/api/users');
      clear(container, where, h('table', { class: 'list', id: 'users' }, h('thead', {}, h('tr', {}, ['Level', 'Login', 'Password', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, list.map((u) => {
          const field = h('input', { type: 'password', autocomplete: 'new-password', placeholder: 'new password', 'aria-label': `New password for ${u.level}` });
          const set = h('button', { type: 'button' }, 'Set');
          set.addEventListener('click', () => field.value && busy(set, where, async () => {
            await post('/api/users/password', { level: u.level, password: field.value });
            field.value = '';
            toast(`Password of ${u.level} changed`);
            load();
          }));
          return h('tr', {}, h('td', {}, u.level), h('td', {}, u.name, u.enabled ? null : h('span', { class: 'muted' }, ' (off: three-level permissions are off)')),
            h('td', {}, u.factoryPassword ? h('span', { class: 'pill failed' }, 'factory password') : h('span', { class: 'pill registered' }, 'changed')),
            h('td', {}, h('div', { class: 'inline' }, field, set)));
        }))));
    } catch (error) {
      clear(container, problem(error));
    }
  };
  load();
}

function certificate(container) {
  const where = h('div', { class: 'messages' });
  const password = h('input', { type: 'password', placeholder: 'the file\'s password', autocomplete: 'off', 'aria-label': 'Certificate file password' });
  const load = async () => {
    try {
      const c = await get('/api/security/certificate');
      clear(container, where, h('dl', { class: 'facts' },
        h('dt', {}, 'Subject'), h('dd', {}, c.subject), h('dt', {}, 'Issuer'), h('dd', {}, c.issuer),
        h('dt', {}, 'Valid'), h('dd', {}, `${new Date(c.notBefore).toLocaleDateString()} – ${new Date(c.notAfter).toLocaleDateString()}`),
        h('dt', {}, 'Key'), h('dd', {}, c.key), h('dt', {}, 'SHA-256'), h('dd', { class: 'mono wrap' }, c.sha256),
        h('dt', {}, 'Origin'), h('dd', {}, c.generated ? 'made by this phone (browsers warn about it until you trust it or upload your own)' : 'uploaded')),
      h('div', { class: 'inline' }, password, filePicker('Upload .p12 / .pfx…', '.p12,.pfx', (file, button) => busy(button, where, async () => {
        await post('/api/security/certificate', { ...(await readFile(file)), password: password.value });
        password.value = '';
        toast('Certificate replaced; new connections use it');
        load();
      }))));
    } catch (error) {
      clear(container, problem(error));
    }
  };
  load();
}

function trusted(container) {
  const where = h('div', { class: 'messages' });
  const load = async () => {
    try {
      const list = await get('/api/security/trusted');
      clear(container, where, h('p', { class: 'muted' }, 'Certificates the phone trusts besides the built-in ones, for HTTPS provisioning and SIP over TLS: up to 10, .pem .cer .crt .der, 5 MB each.'),
        list.length === 0 ? h('p', { class: 'muted' }, 'None.') : h('table', { class: 'list' }, h('tbody', {}, list.map((c) => h('tr', {},
          h('td', {}, c.file), h('td', {}, c.subject || c.problem), h('td', {}, c.notAfter ? `until ${new Date(c.notAfter).toLocaleDateString()}` : ''),
          h('td', {}, h('button', { type: 'button', class: 'link', onclick: (e) => busy(e.target, where, async () => { await del(`/api/security/trusted?file=${encodeURIComponent(c.file)}`); load(); }) }, 'remove')))))),
        filePicker('Add a CA certificate…', '.pem,.cer,.crt,.der', (file, button) => busy(button, where, async () => {
          await post('/api/security/trusted', await readFile(file));
          toast(`${file.name} trusted`);
          load();
        })));
    } catch (error) {
      clear(container, problem(error));
    }
  };
  load();
}

function permissions(container) {
  const where = h('div', { class: 'messages' });
  const load = async () => {
    try {
      const p = await get('/api/security/permissions');
      const items = Object.entries(p.items);
      clear(container, where,
        h('p', { class: 'muted' }, 'UserAccessPermission.xml gives pages, sections and settings a code X1X2 (ALE manual, access permission specification): who sees them and who may change them. ',
          p.enabled ? 'Three-level permissions are on: the file applies.' : 'Three-level permissions are off (Users: var enable): the file is kept but does not apply.'),
        items.length ? h('table', { class: 'list', id: 'permission-items' }, h('tbody', {}, items.map(([item, code]) => h('tr', {}, h('td', { class: 'mono' }, item), h('td', {}, code)))))
          : h('p', { class: 'muted' }, 'No permission file.'),
        p.warnings.length ? h('details', {}, h('summary', {}, `${p.warnings.length} warnings`), h('ul', {}, p.warnings.map((w) => h('li', {}, w)))) : null,
        h('details', {}, h('summary', {}, 'Item names of this web UI'), h('table', { class: 'list' }, h('tbody', {}, p.pages.flatMap((pg) => [
          h('tr', {}, h('td', { class: 'mono' }, pg.item), h('td', {}, pg.title), h('td', {}, pg.default)),
          ...pg.sections.map((s) => h('tr', {}, h('td', { class: 'mono' }, `  ${s.item}`), h('td', {}, `${pg.title} › ${s.title}`), h('td', {}, s.default)))])))),
        h('div', { class: 'actions left' }, filePicker('Upload permission file…', '.xml,.cfg,.txt', (file, button) => busy(button, where, async () => {
          const result = await post('/api/security/permissions', await readFile(file));
          toast(`${result.items} items installed`);
          load();
        })), items.length ? h('button', { type: 'button', onclick: (e) => busy(e.target, where, async () => { await del('/api/security/permissions'); load(); }) }, 'Remove uploaded file') : null));
    } catch (error) {
      clear(container, problem(error));
    }
  };
  load();
}

export function security(info) {
  const parts = { users: h('div', {}), certificate: h('div', {}), trusted: h('div', {}), permissions: h('div', {}) };
  page(info.title, card('Logins', parts.users), sections(info, ['users']), card('Web certificate', parts.certificate),
    card('Trusted certificates', parts.trusted), card('Permission file', parts.permissions), sections(info, ['security']));
  users(parts.users);
  certificate(parts.certificate);
  trusted(parts.trusted);
  permissions(parts.permissions);
}
