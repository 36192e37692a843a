// The in-page probe, installed with context.addInitScript before any of the page's own code
// runs. It is serialised and evaluated in the page, so it must not use anything from outside
// its own body.
//
// window.__bench holds:
//   marks    name -> performance.now() when the mark's condition first held (ms since the
//            navigation started: performance.now() counts from the navigation's time origin)
//   fcp      first-contentful-paint
//   lcp      the latest largest-contentful-paint entry (time, element)
//   shifts   layout-shift entries without recent input (value, time, what moved)
//   lastEntryAt  when the last LCP or layout-shift entry arrived, to tell when things settle
//   arm(mark)    adds a mark to watch later (e.g. just before a click)
//
// A mark is { name, selectors: { "css": count | null }, path?, gone? }: it holds when every
// selector matches (exactly `count` elements, or at least one when null), if given,
// location.pathname equals `path`, and, if given, the selector `gone` matched some element
// earlier and matches none now (an absence: "the prerendered frame has been replaced"; seen
// first, so that the empty document before parsing does not count). It is checked on every DOM
// mutation, so the time recorded is when the elements entered or left the DOM, not when a poll
// happened to notice.
export function installProbe(marks) {
  const bench = {
    marks: {},
    fcp: null,
    lcp: null,
    shifts: [],
    lastEntryAt: 0,
    wasmMemory: null,
    pending: [],
    arm(mark) {
      bench.pending.push(mark);
      check();
    },
  };
  window.__bench = bench;

  /** For a `gone` mark: records whether its selector has matched yet; true once it is gone. */
  const gone = (mark) => {
    if (mark.gone === undefined) return true;
    const present = document.querySelector(mark.gone) !== null;
    if (present) mark.seen = true;
    return mark.seen === true && !present;
  };
  const holds = (mark) =>
    gone(mark) &&
    (mark.path === undefined || location.pathname === mark.path) &&
    Object.entries(mark.selectors ?? {}).every(([selector, count]) => {
      if (count === null) return document.querySelector(selector) !== null;
      return document.querySelectorAll(selector).length === count;
    });

  function check() {
    if (bench.pending.length === 0) return;
    const now = performance.now();
    bench.pending = bench.pending.filter((mark) => {
      if (!holds(mark)) return true;
      bench.marks[mark.name] = now;
      return false;
    });
  }
  bench.pending.push(...marks);
  // `data-shell` marks the static frame (index.html's, or a prerendered page's) that the app
  // replaces: its attribute changes count too, so a `gone: "[data-shell]"` mark is noticed
  // however the frame goes. Other attributes are left out, which would only add checks.
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["data-shell"],
  });
  // pushState changes the path without a mutation if the DOM happens to be ready already.
  addEventListener("popstate", check);

  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : "?";
    const cls = node.classList.length ? "." + [...node.classList].join(".") : "";
    return node.localName + cls;
  };
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser lacks: the figure stays null and is reported as missing.
    }
  };
  observe("paint", (e) => {
    if (e.name === "first-contentful-paint") bench.fcp = e.startTime;
  });
  observe("largest-contentful-paint", (e) => {
    bench.lcp = { time: e.startTime, size: e.size, element: describe(e.element) };
    bench.lastEntryAt = performance.now();
  });
  observe("layout-shift", (e) => {
    if (e.hadRecentInput) return;
    bench.shifts.push({
      value: e.value,
      time: e.startTime,
      sources: (e.sources ?? []).map((s) => describe(s.node)),
    });
    bench.lastEntryAt = performance.now();
  });
  // The app's wasm instance, to report its linear memory beside the JS heap.
  addEventListener("TrunkApplicationStarted", (e) => {
    bench.wasmMemory = () => e.detail?.wasm?.memory?.buffer?.byteLength ?? null;
  });
}
