// Small DOM helpers. Text always goes in as text (never as HTML), so nothing the phone reports can run as script.

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    // Through the CSSOM: the page's content security policy refuses style attributes.
    else if (name === 'style') element.style.cssText = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const card = (title, ...children) => h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...children);

export function page(title, ...children) {
  const main = document.getElementById('main');
  clear(main, h('h1', {}, title), ...children);
  return main;
}

let toastTimer;
/** A short message at the bottom; errors stay longer. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toast');
  box.className = `toast ${kind}`;
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, kind === 'error' ? 8000 : 3500);
}

/** A refusal from the phone, with each of its problems on a line. */
export function problem(error) {
  return h('div', { class: 'problem', role: 'alert' }, h('strong', {}, error.message),
    error.problems && error.problems.length > 1 ? h('ul', {}, error.problems.map((p) => h('li', {}, p))) : null);
}

/** Runs {@code action} for a button, disabling it meanwhile and reporting failures in {@code where}. */
export async function busy(button, where, action) {
  button.disabled = true;
  if (where) where.replaceChildren();
  try {
    return await action();
  } catch (error) {
    if (where) where.append(problem(error)); else toast(error.message, 'error');
    return undefined;
  } finally {
    button.disabled = false;
  }
}

const WORDS = {
  sip: 'SIP', ip: 'IP', ipv4: 'IPv4', ipv6: 'IPv6', dns: 'DNS', url: 'URL', dhcp: 'DHCP', vlan: 'VLAN', ntp: 'NTP', sntp: 'SNTP',
  lldp: 'LLDP', tls: 'TLS', srtp: 'SRTP', rtp: 'RTP', dtmf: 'DTMF', aes: 'AES', id: 'ID', mac: 'MAC', pnp: 'PnP', acd: 'ACD',
  blf: 'BLF', dnd: 'DND', fwd: 'forward', wui: 'web UI', http: 'HTTP', https: 'HTTPS', lcd: 'LCD', led: 'LED', cfg: 'cfg',
  xml: 'XML', ldap: 'LDAP', nat: 'NAT', stun: 'STUN', vpn: 'VPN', openvpn: 'OpenVPN', qos: 'QoS', dscp: 'DSCP', uri: 'URI',
  pppoe: 'PPPoE', cdp: 'CDP', pc: 'PC', wifi: 'Wi-Fi', ssh: 'SSH', tr069: 'TR-069', cn: 'CN', ca: 'CA', vq: 'VQ', rtcp: 'RTCP',
  bla: 'BLA', mwi: 'MWI', sms: 'SMS', aom: 'AOM', exp: 'EXP', ptime: 'ptime', icmp: 'ICMP', ssl: 'SSL', md5: 'MD5',
};

/** A person's label for a setting: its name without the part the page already says, in words. */
export function label(name, dropSegments) {
  const words = name.split('.').slice(dropSegments).join(' ').split(/[_ ]+/).filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] || w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDuration(seconds) {
  const d = Math.floor(seconds / 86400);
  const hrs = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return (d ? `${d} d ` : '') + (d || hrs ? `${hrs} h ` : '') + `${m} min`;
}

/** A file picker button: calls {@code onFile} with the file chosen. */
export function filePicker(text, accept, onFile) {
  const input = h('input', { type: 'file', accept, hidden: true, onchange: () => input.files[0] && onFile(input.files[0], button) });
  const button = h('button', { type: 'button', onclick: () => { input.value = ''; input.click(); } }, text);
  return h('span', {}, button, input);
}

/** Saves text as a file in the browser. */
export function saveFile(url) {
  const link = h('a', { href: url, download: '' });
  document.body.append(link);
  link.click();
  link.remove();
}
