// API problems (RFC 9457 problem+json) in words.

/** A failed call: HTTP status, the problem body (or null), and the wait of a 429 or 503 in seconds (or null). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** No answer at all: the network, a CORS refusal, or a server that is down. */
export class NetworkError extends Error {
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterSeconds(header) {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function waitInWords(seconds) {
  if (seconds === null || seconds === undefined) return 'a little while';
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The lines that explain error to a person. */
export function describe(error) {
  if (error instanceof NetworkError) {
    return ['The server could not be reached. Check your connection and try again.'];
  }
  if (!(error instanceof ApiError)) {
    return [`Something went wrong: ${error?.message ?? error}`];
  }
  const detail = error.problem?.detail;
  switch (error.status) {
    case 401:
      return ['You are not signed in, or your session has ended. Please log in.'];
    case 403:
      return ['Your role does not allow this.'];
    case 404:
      return [detail || 'Not found: it may have been deleted.'];
    case 409:
      return [`This conflicts with the current data: ${detail || 'it was refused.'}`];
    case 412:
      return ['Changed by someone else: this was changed after you opened it. Your changes were not saved; the current version is shown.'];
    case 413:
      return ['That is too much text to send at once.'];
    case 422:
      return ['Some fields need attention.'];
    case 429:
      return [`Too many attempts. Try again in ${waitInWords(error.retryAfter)}.`, detail].filter(Boolean);
    case 503:
      return [`The service is unavailable right now. Try again in ${waitInWords(error.retryAfter)}.`];
    default:
      if (error.status >= 500) {
        const requestId = error.problem?.requestId;
        return [`The server failed to answer${requestId ? ` (request ${requestId})` : ''}. Try again later.`];
      }
      return [[error.problem?.title, detail].filter(Boolean).join(': ') || `The request failed (HTTP ${error.status}).`];
  }
}

export function fieldErrors(error) {
  return error instanceof ApiError && Array.isArray(error.problem?.errors) ? error.problem.errors : [];
}
