// The two APIs and the session. The access token lives in this module's memory only. The refresh token is kept in
// sessionStorage: it survives a reload of the tab (which would otherwise sign the user out) and is gone when the tab
// closes; it is never in localStorage, shared by every tab and kept for ever. auth's refresh tokens rotate on every
// use and a reused one revokes the session, so at most one refresh runs at a time.
import { ApiError, NetworkError, retryAfterSeconds } from './problems.js';

const REFRESH_KEY = 'videoclub.refresh';
let authBase = '';
let accessToken = null;
let user = null; // {username, role}
let refreshing = null;
const listeners = new Set();

export async function loadConfig() {
  const response = await fetch('/ui/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The UI configuration did not load (HTTP ${response.status}).`);
  authBase = (await response.json()).authUrl || '';
}

export const currentUser = () => user;
export const isStaff = () => user?.role === 'editor' || user?.role === 'admin';
export const isAdmin = () => user?.role === 'admin';

/** fn(user) after every sign-in, refresh and sign-out. */
export function onSessionChange(fn) {
  listeners.add(fn);
}

function startSession(tokens) {
  accessToken = tokens.access_token;
  user = { username: tokens.username, role: tokens.role };
  sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  listeners.forEach((fn) => fn(user));
}

export function endSession() {
  accessToken = null;
  user = null;
  sessionStorage.removeItem(REFRESH_KEY);
  listeners.forEach((fn) => fn(null));
}

/** On page load: a refresh token left by this tab gives a new access token, or the session is over. */
export async function resumeSession() {
  if (sessionStorage.getItem(REFRESH_KEY)) await refresh();
}

/** One refresh at a time; true when a new access token was obtained. */
function refresh() {
  refreshing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    try {
      const response = await send('auth', 'POST', '/refresh', { body: { refresh_token: refreshToken }, anonymous: true });
      if (response.ok) {
        startSession(await response.json());
        return true;
      }
      if (response.status === 401 || response.status === 400 || response.status === 422) endSession();
      return false;
    } catch (networkProblem) {
      return false; // keep the refresh token: the next call tries again
    }
  })().finally(() => { refreshing = null; });
  return refreshing;
}

async function send(service, method, path, { body, etag, anonymous } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag !== undefined && etag !== null) headers['If-Match'] = typeof etag === 'number' ? `"${etag}"` : etag;
  if (accessToken && !anonymous) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch((service === 'auth' ? authBase : '') + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (error) {
    throw new NetworkError(error.message);
  }
}

/**
 * Calls service ('auth' or 'catalog'): {status, etag, body}, or throws ApiError (problem+json) / NetworkError.
 * An expired access token (401) is renewed with the refresh token once, and the call sent again.
 */
export async function call(service, method, path, options = {}) {
  const tokenUsed = accessToken;
  let response = await send(service, method, path, options);
  if (response.status === 401 && !options.anonymous && sessionStorage.getItem(REFRESH_KEY)) {
    const renewed = accessToken !== tokenUsed || await refresh();
    if (renewed) response = await send(service, method, path, options);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (notJson) {
      problem = null;
    }
    if (response.status === 401 && !options.anonymous) endSession();
    throw new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('Retry-After')));
  }
  const text = response.status === 204 ? '' : await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), body: text ? JSON.parse(text) : null };
}

export const get = (service, path) => call(service, 'GET', path);

export async function logIn(username, password) {
  const { body } = await call('auth', 'POST', '/login', { body: { username, password }, anonymous: true });
  startSession(body);
}

/** Revokes the session at auth (POST /logout), then forgets it here whatever the answer. */
export async function logOut() {
  try {
    if (accessToken || sessionStorage.getItem(REFRESH_KEY)) await call('auth', 'POST', '/logout');
  } finally {
    endSession();
  }
}

/** A query string from the non-empty entries of params. */
export function query(params) {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}
