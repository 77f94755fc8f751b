/* Rapport: load Material's search when a reader opens it, not with every page (README,
 * Performance). Material starts its search worker and fetches the whole index on page load, a
 * fifth of a first view, though most readers never search. Loaded just before Material's
 * script, this holds both requests back until the search toggle is switched on, as Material
 * itself does under file://. Pages opened with ?q= or ?h= need the index at once. */
(() => {
  "use strict";
  const query = new URLSearchParams(location.search);
  if (location.protocol === "file:" || query.has("q") || query.has("h")) return;

  const INDEX = /\/search\/search_index\.json$/;
  const WORKER = /\/workers\/search\.[^/]*\.js$/;
  const pathOf = url => new URL(url, location.href).pathname;

  let opened = false;
  const waiting = [];
  const whenOpened = action => (opened ? action() : waiting.push(action));
  document.addEventListener("change", ({ target }) => {
    if (!opened && target.matches("[data-md-toggle=search]") && target.checked) {
      opened = true;
      waiting.splice(0).forEach(action => action());
    }
  });

  // The index: Material fetches it with XMLHttpRequest.
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.rapportOnDemand = INDEX.test(pathOf(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.rapportOnDemand) return send.apply(this, body);
    whenOpened(() => send.apply(this, body));
  };

  // The worker: a stand-in that starts the real one then and passes messages both ways
  // (all that Material asks of its worker).
  const BrowserWorker = window.Worker;
  class WorkerOnDemand extends EventTarget {
    constructor(url, options) {
      super();
      this.queued = [];
      whenOpened(() => {
        this.worker = new BrowserWorker(url, options);
        this.worker.addEventListener("message", ({ data }) =>
          this.dispatchEvent(new MessageEvent("message", { data })));
        this.queued.splice(0).forEach(message => this.worker.postMessage(...message));
      });
    }
    postMessage(...message) {
      if (this.worker) this.worker.postMessage(...message);
      else this.queued.push(message);
    }
  }
  window.Worker = function Worker(url, options) {
    return WORKER.test(pathOf(url))
      ? new WorkerOnDemand(url, options)
      : new BrowserWorker(url, options);
  };
})();
