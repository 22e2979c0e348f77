// The phone's JSON API: the session, its CSRF token, and refusals turned into errors with the phone's message.

let session = null;
let loggedOut = () => {};

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `the phone answered ${status}`);
    this.status = status;
    this.problems = (body && body.problems) || [];
    this.body = body;
  }
}

export const current = () => session;
export const setSession = (value) => { session = value; };
/** Called with the phone's message when a request finds the session gone (idle too long, logged out elsewhere). */
export const onLoggedOut = (handler) => { loggedOut = handler; };

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const options = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  if (method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrf;
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    throw new ApiError(0, { error: 'the phone does not answer (restarting?)' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (response.status === 401 && data && data.login && path !== '/api/login') {
    session = null;
    loggedOut(data.error);
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const del = (path) => api('DELETE', path);

/** Sends a raw body (a firmware image) with upload progress, which fetch cannot report. */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (session) xhr.setRequestHeader('X-CSRF-Token', session.csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      xhr.status >= 200 && xhr.status < 300 ? resolve(data) : reject(new ApiError(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, { error: 'the upload was cut off' }));
    xhr.send(file);
  });
}

/** A file picked in a page, as the API's {name, content} with the content in base64. */
export function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, content: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(new ApiError(0, { error: `${file.name} cannot be read` }));
    reader.readAsDataURL(file);
  });
}
