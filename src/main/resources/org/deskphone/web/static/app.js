// The web UI's shell: login, the navigation the phone allows this login, and one page at a time (#/page).
import { get, post, current, setSession, onLoggedOut } from './api.js';
import { h, clear, page, toast, problem, busy } from './ui.js';
import { sections, filter } from './settings.js';
import { status } from './status.js';
import { provisioning } from './provisioning.js';
import { dialplan } from './dialplan.js';
import { keys } from './keys.js';
import { directory } from './directory.js';
import { history } from './history.js';
import { security } from './security.js';
import { configuration, upgrade, logs } from './maintenance.js';
import { phone } from './phone.js';

const SPECIAL = { status, provisioning, dialplan, keys, directory, history, security, config: configuration, upgrade, logs, phone };
let pages = [];
let leave = () => {};

function settingsPage(info) {
  page(info.title, info.sections.length > 3 ? filter() : null, sections(info));
}

function show(id) {
  leave();
  leave = () => {};
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === id));
  document.getElementById('nav').classList.remove('open');
  if (id === 'password') { passwordPage(); return; }
  const info = pages.find((p) => p.id === id);
  if (!info) { location.hash = `#/${pages.length ? pages[0].id : 'status'}`; return; }
  const special = SPECIAL[info.id];
  const cleanup = special ? special(info) : settingsPage(info);
  if (typeof cleanup === 'function') leave = cleanup;
  document.getElementById('main').focus({ preventScroll: true });
}

function route() {
  if (!current()) return;
  show(location.hash.replace(/^#\/?/, '').split('?')[0] || 'status');
}

async function enter() {
  const session = current();
  pages = await get('/api/pages');
  document.getElementById('who').textContent = `${session.user} · ${session.level}`;
  document.getElementById('model').textContent = `${session.model} · ${session.version}`;
  document.getElementById('logout').hidden = false;
  document.getElementById('menu-toggle').hidden = false;
  const nav = document.getElementById('nav');
  clear(nav, pages.map((p) => h('a', { href: `#/${p.id}`, dataset: { page: p.id } }, p.title)),
    h('a', { href: '#/password', dataset: { page: 'password' } }, 'My password'));
  nav.hidden = false;
  const banner = document.getElementById('banner');
  banner.hidden = !session.defaultPassword;
  clear(banner, 'This login still has its factory password. ', h('a', { href: '#/password' }, 'Change it now'),
    ' — anyone who has read the manual can log in with it.');
  route();
}

function showLogin(message) {
  leave();
  leave = () => {};
  setSession(null);
  pages = [];
  document.getElementById('nav').hidden = true;
  document.getElementById('banner').hidden = true;
  document.getElementById('logout').hidden = true;
  document.getElementById('menu-toggle').hidden = true;
  document.getElementById('who').textContent = '';
  const where = h('div', { class: 'messages' }, message ? h('div', { class: 'problem' }, message) : null);
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'login-submit' }, 'Log in');
  page('Log in', h('form', { class: 'card login', onsubmit: (event) => {
    event.preventDefault();
    busy(submit, where, async () => {
      setSession(await post('/api/login', { user: user.value.trim(), password: password.value }));
      await enter();
    });
  } }, where,
  h('label', { for: 'login-user' }, 'User name'), user,
  h('label', { for: 'login-password' }, 'Password'), password,
  h('div', { class: 'actions' }, submit),
  h('p', { class: 'muted small' }, 'Sessions end after a while without activity.')));
  user.focus();
}

function passwordPage() {
  const where = h('div', { class: 'messages' });
  const currentField = h('input', { id: 'pw-current', type: 'password', autocomplete: 'current-password' });
  const next = h('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password' });
  const again = h('input', { id: 'pw-again', type: 'password', autocomplete: 'new-password' });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Change password');
  page('My password', h('form', { class: 'card narrow', onsubmit: (event) => {
    event.preventDefault();
    if (next.value !== again.value) { clear(where, h('div', { class: 'problem' }, 'The two new passwords differ.')); return; }
    busy(save, where, async () => {
      await post('/api/password', { current: currentField.value, password: next.value });
      const session = current();
      session.defaultPassword = false;
      document.getElementById('banner').hidden = true;
      currentField.value = next.value = again.value = '';
      toast('Password changed; other sessions of this login have ended');
    });
  } }, where, h('p', { class: 'muted' }, `The password of ${current().user} (${current().level}). The phone keeps only a salted PBKDF2 hash of it.`),
  h('label', { for: 'pw-current' }, 'Current password'), currentField,
  h('label', { for: 'pw-new' }, 'New password'), next,
  h('label', { for: 'pw-again' }, 'New password again'), again,
  h('div', { class: 'actions' }, save)));
}

/** A change that needs a restart, or the reboot button: wait for the phone to come back, then carry on. */
async function waitForRestart() {
  leave();
  leave = () => {};
  page('Restarting…', h('p', { class: 'muted' }, 'The phone is restarting to apply the change. This page carries on when it is back.'));
  await new Promise((r) => setTimeout(r, 1500));
  for (let i = 0; i < 120; i++) {
    try {
      setSession(await get('/api/session'));
      await enter();
      toast('The phone is back');
      return;
    } catch (error) {
      if (error.status === 401) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  page('Restarting…', problem(new Error('The phone has not come back after two minutes. Check it, then reload this page.')));
}

async function start() {
  onLoggedOut((message) => showLogin(message));
  document.addEventListener('phone-restarting', waitForRestart);
  window.addEventListener('hashchange', route);
  document.getElementById('logout').addEventListener('click', async () => {
    try { await post('/api/logout'); } catch (e) { /* already gone */ }
    showLogin('Logged out.');
  });
  document.getElementById('menu-toggle').addEventListener('click', () => document.getElementById('nav').classList.toggle('open'));
  try {
    setSession(await get('/api/session'));
    await enter();
  } catch (error) {
    if (error.status === 401) showLogin(); else page('deskphone', problem(error));
  }
}

start();
