// Talking to the server, and the page's state as it lives in the address bar: a link reproduces the view.

/** The state: scenario, model, GPU, the set overrides (name -> text), the view, the explained quantity. */
export function readState() {
  const q = new URLSearchParams(location.search);
  const sets = new Map();
  for (const s of q.getAll('set')) {
    const eq = s.indexOf('=');
    if (eq > 0) sets.set(s.slice(0, eq), s.slice(eq + 1));
  }
  return {
    scenario: q.get('scenario') || '', model: q.get('model') || '', gpu: q.get('gpu') || '', sets,
    view: q.get('view') || 'estimate', explain: q.get('q') || '',
    cmpGpus: (q.get('cmp_gpu') || '').split(',').filter(Boolean),
    cmpModels: (q.get('cmp_model') || '').split(',').filter(Boolean),
  };
}

/** The query of an estimate: scenario, model, GPU and every set. */
export function selectionQuery(state) {
  const q = new URLSearchParams();
  if (state.scenario) q.set('scenario', state.scenario);
  if (state.model) q.set('model', state.model);
  if (state.gpu) q.set('gpu', state.gpu);
  for (const [name, value] of state.sets) q.append('set', `${name}=${value}`);
  return q;
}

export function writeState(state) {
  const q = selectionQuery(state);
  if (state.view !== 'estimate') q.set('view', state.view);
  if (state.explain) q.set('q', state.explain);
  if (state.cmpGpus.length) q.set('cmp_gpu', state.cmpGpus.join(','));
  if (state.cmpModels.length) q.set('cmp_model', state.cmpModels.join(','));
  const url = `${location.pathname}?${q}`;
  if (url !== location.pathname + location.search) history.replaceState(null, '', url);
}

/** An error the server explained: its JSON body ({error, parameter, value, lines}) is kept. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

/** GET path?query as JSON; a non-2xx answer throws ApiError with the server's message. */
export async function getJson(path, query) {
  const url = query ? `${path}?${query}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}
