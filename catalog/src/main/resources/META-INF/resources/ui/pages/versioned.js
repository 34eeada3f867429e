// An edit form for one versioned resource: saves and deletes with If-Match, so that a stale edit (412) never overwrites
// someone else's change; it says so and shows the current version instead.
import * as api from '../api.js';
import { busy, h, messageBox, say, showProblem, values } from '../dom.js';

/**
 * Renders into container the form of the resource at path:
 *   fields(entity) → the form's controls, filled from entity
 *   body(formValues, entity) → what to send; method 'PUT' (the whole resource) or 'PATCH' (merge patch)
 *   deleted() → after a delete (optional: no delete button without it)
 *   saved(entity) → after a save (optional)
 */
export async function versionedForm(container, { path, label, fields, body, method = 'PUT', deleted, saved }) {
  const box = messageBox();
  let entity;
  try {
    entity = (await api.get('catalog', path)).body;
  } catch (error) {
    container.append(box);
    showProblem(box, error);
    return null;
  }
  const form = h('form', { novalidate: true, class: 'editor', 'aria-label': label });
  container.append(box, form);

  const render = () => {
    form.replaceChildren(...fields(entity),
      h('p', { class: 'version' }, `Version ${entity.version}`),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, 'Save changes'),
        deleted ? h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete') : null));
  };

  // 412: the resource changed since it was read. Read it again and show that version; the user's edit is not sent.
  const reloadAfterConflict = async (error) => {
    try {
      entity = (await api.get('catalog', path)).body;
      render();
    } catch (reloadError) {
      showProblem(box, reloadError);
      return;
    }
    showProblem(box, error);
  };

  async function remove() {
    if (!window.confirm(`Delete ${label}? This cannot be undone.`)) return;
    await busy(form, async () => {
      try {
        await api.call('catalog', 'DELETE', path, { etag: entity.version });
        deleted();
      } catch (error) {
        if (error.status === 412) await reloadAfterConflict(error);
        else showProblem(box, error, form);
      }
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(form, async () => {
      try {
        const answer = await api.call('catalog', method, path, { body: body(values(form, true), entity, form), etag: entity.version });
        entity = answer.body;
        render();
        say(box, 'Saved.');
        saved?.(entity);
      } catch (error) {
        if (error.status === 412) await reloadAfterConflict(error);
        else showProblem(box, error, form);
      }
    });
  });
  render();
  return entity;
}

/** '' → null, else the number (or the text, when it is not one: the API then names the field). */
export function numberOrNull(text) {
  if (text === undefined || text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

export const textOrNull = (text) => (text === undefined || text.trim() === '' ? null : text);
