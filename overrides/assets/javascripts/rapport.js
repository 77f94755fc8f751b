/* Rapport's script, loaded on every page just before Material's (one file: one request).
 *
 * 1. Search loads when a reader opens it, not with every page (handbook/performance.md). Material
 *    starts its search worker and fetches the whole index on page load, a fifth of a first
 *    view, though most readers never search. This holds both requests back until the search
 *    toggle is switched on, as Material itself does under file://. Pages opened with ?q= or
 *    ?h= need the index at once. Only under Material for MkDocs (the template marks the tag):
 *    Zensical's search works differently.
 * 2. A search result opens with the searched word in view, also on a phone.
 * 3. Space switches the colour scheme, as it presses any button; Material listens for Enter.
 * 4. Material's search dialog gets an accessible name.
 * 5. On the "not found" page, "Report a problem with this page" names the address that was not
 *    found (the page is one file served for every missing address: only the browser knows).
 * 6. A tap on a footnote's mark shows its text beside it (Material's tooltip, which shows on
 *    focus) instead of jumping to the end of the page; a mouse click and Enter still jump.
 * 7. Each navigation list is named after its title ("Articles", an article's title): Material
 *    names a nested list by its toggle, an icon with no words, so all of them had one empty
 *    name (axe: landmark-unique). The toggle gets that name too.
 * 8. Search results: a page found through one of its sections (a reference's author, say)
 *    opens with the searched words highlighted (Material leaves its ?h= empty when the page's
 *    first part does not hold them), and a list in a result (the reference list) shows only
 *    its items that hold them, not the whole list. */
const rapportScript = document.currentScript;

(() => {
  "use strict";
  const query = new URLSearchParams(location.search);
  if (!rapportScript || !("searchOnDemand" in rapportScript.dataset)) return;
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

(() => {
  "use strict";
  // 2. Material marks the searched words once its script has run: wait for the first mark
  //    after the section the result points at, and bring it to the middle of the screen.
  if (!new URLSearchParams(location.search).has("h")) return;
  const section = location.hash && document.getElementById(decodeURIComponent(
    location.hash.slice(1)));
  let tries = 0;
  const timer = setInterval(() => {
    const marks = [...document.querySelectorAll("article mark")];
    const mark = marks.find(node => !section ||
      section.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) || marks[0];
    if (mark || ++tries > 40) clearInterval(timer);
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    if (box.top < 80 || box.bottom > innerHeight) mark.scrollIntoView({ block: "center" });
  }, 50);
})();

// 3. Space on the colour-scheme toggle does what Enter does there (Material switches to the
//    next scheme on Enter only).
document.addEventListener("keydown", event => {
  if (event.key === " " && event.target.closest("[data-md-component=palette]")) {
    event.preventDefault();
    event.target.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  }
});

// 4. The search dialog's name.
document.querySelector(".md-search")?.setAttribute("aria-label", "Search");

// 5. The report link names the missing address, not the page's own.
document.querySelectorAll("[data-rapport-not-found] a[data-rapport-address]").forEach(link => {
  link.setAttribute("href", link.getAttribute("href").split(link.dataset.rapportAddress)
    .join(encodeURIComponent(location.href)));
});

// 6. A finger on a footnote mark: focus it (Material shows its tooltip), stay in place.
let rapportTouch = false;
document.addEventListener("pointerdown", event => {
  rapportTouch = event.pointerType === "touch";
}, true);
document.addEventListener("click", event => {
  const mark = event.target.closest && event.target.closest("a.footnote-ref");
  if (!mark || !rapportTouch) return;
  event.preventDefault();
  mark.focus();
}, true);

// 7. Names for the nested navigation lists and their toggles.
document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(nav => {
  const toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
  const title = nav.querySelector(":scope > .md-nav__title")?.textContent.trim();
  if (!toggle || !title || toggle.textContent.trim()) return;
  toggle.setAttribute("aria-label", title);
});

// 8. Search results: the words to highlight, and only the list items that match.
const rapportResults = document.querySelector(".md-search-result__list");
if (rapportResults) {
  new MutationObserver(() => {
    const query = document.querySelector(".md-search__input")?.value.trim();
    rapportResults.querySelectorAll("a.md-search-result__link").forEach(link => {
      const url = new URL(link.href);
      if (query && url.searchParams.get("h") === "") {
        url.searchParams.set("h", query);
        link.href = url.href;
      }
    });
    rapportResults.querySelectorAll(".md-search-result__article").forEach(article => {
      const items = [...article.querySelectorAll("li")];
      if (items.some(item => item.querySelector("mark"))) {
        items.forEach(item => { item.hidden = !item.querySelector("mark"); });
      }
    });
  }).observe(rapportResults, { childList: true, subtree: true });
}
