// Building the page. Everything that comes from the APIs goes in as text (text nodes, textContent, attribute values):
// never parsed as HTML, so a book titled <img src=x onerror=alert(1)> shows as those characters.
import { describe, fieldErrors } from './problems.js';

/** h('p', {class: 'x', onclick: fn}, 'text', child) → an element; strings become text nodes. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else if (name === 'checked' || name === 'selected') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Puts a page with heading title and content into main. */
export function page(into, title, ...content) {
  into.append(h('h1', {}, title));
  append(into, content);
}

let fieldSequence = 0;

/**
 * A labelled input with its error line (aria-describedby): {name, label, type, value, required, options, ...}.
 * options [[value, text]] makes a select; type 'textarea' a textarea.
 */
export function field({ label, name, type = 'text', options, hint, ...attributes }) {
  const id = `f${++fieldSequence}-${name}`;
  const errorId = `${id}-error`;
  const describedBy = hint ? `${errorId} ${id}-hint` : errorId;
  let control;
  if (options) {
    control = h('select', { id, name, 'aria-describedby': describedBy, ...attributes },
      options.map(([value, text]) => h('option', { value, selected: String(value) === String(attributes.value ?? '') }, text)));
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, rows: 4, 'aria-describedby': describedBy, ...attributes });
  } else {
    control = h('input', { id, name, type, 'aria-describedby': describedBy, ...attributes });
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': name }));
}

/** The region a form or page reports its problems and successes in. */
export function messageBox() {
  return h('div', { class: 'message', role: 'alert', 'aria-live': 'assertive', hidden: true });
}

export function say(box, text, kind = 'ok') {
  box.replaceChildren(h('p', {}, text));
  box.className = `message ${kind}`;
  box.hidden = false;
}

/** Shows an API problem in words in box, and each 422 error next to its field inside form. */
export function showProblem(box, error, form) {
  if (form) {
    for (const line of form.querySelectorAll('.field-error')) line.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  }
  const lines = describe(error);
  const unplaced = [];
  for (const { field: name, message } of fieldErrors(error)) {
    const line = form && form.querySelector(`[data-error-for="${CSS.escape(leafName(name))}"]`);
    if (line) {
      line.textContent = message;
      form.querySelector(`[name="${CSS.escape(leafName(name))}"]`)?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${name}: ${message}`);
    }
  }
  box.replaceChildren(...[...lines, ...unplaced].map((text) => h('p', {}, text)));
  box.className = 'message error';
  box.hidden = false;
  box.scrollIntoView({ block: 'center' });
}

// 422 errors name a field as "title" or as a path such as "body.title" or "create.request.title".
function leafName(name) {
  return String(name ?? '').split('.').pop();
}

/** The values of a form's named controls; empty strings left out unless keepEmpty. */
export function values(form, keepEmpty = false) {
  const result = {};
  for (const [name, value] of new FormData(form)) {
    if (keepEmpty || value !== '') result[name] = value;
  }
  return result;
}

/** Runs action while the form's submit button is disabled (no double submit). */
export async function busy(form, action) {
  const buttons = form.querySelectorAll('button');
  buttons.forEach((button) => { button.disabled = true; });
  try {
    return await action();
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

export function table(caption, headings, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows)));
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}
