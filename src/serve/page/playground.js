// The playground: a search box backed by this service's /v1 endpoints.
// Everything shown is written with textContent, never as HTML, so a query
// holding `<script>` is shown as the text it is.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const input = $("q");
  const list = $("completions");
  const mirror = $("mirror");
  const status = $("status");
  const diagnosticsList = $("diagnostics");
  const canonical = $("canonical");
  const explainBody = document.querySelector("#explain tbody");
  const indexSelect = $("index");
  const omniq = $("omniq");

  // The browser's zone, unless the service does not know it.
  let zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

  // Spans from the service are UTF-8 byte offsets; the input counts UTF-16
  // code units. These convert between the two over the current text.
  const encoder = new TextEncoder();
  const byteOffset = (text, index) => encoder.encode(text.slice(0, index)).length;
  function unitIndex(text, byte) {
    let bytes = 0;
    let i = 0;
    while (i < text.length && bytes < byte) {
      const cp = text.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp > 0xffff ? 2 : 1;
    }
    return i;
  }

  // With an OmniQ index chosen, queries are read as OmniQ reads them
  // (other keywords are document fields) and compiled to its body.
  const omniqOptions = () => (indexSelect.value ? { omniq: { index: indexSelect.value } } : {});

  async function call(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ tz: zone }, body)),
    });
    return { status: response.status, json: await response.json() };
  }

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  // Answers can come back out of order: only the latest request's counts.
  let completeSeq = 0;
  let explainSeq = 0;
  let completions = { replace: { start: 0, end: 0 }, items: [] };
  let selected = 0;
  let completeTimer = 0;
  let explainTimer = 0;

  function schedule() {
    clearTimeout(completeTimer);
    clearTimeout(explainTimer);
    completeTimer = setTimeout(refreshCompletions, 40);
    explainTimer = setTimeout(refreshExplanation, 120);
  }

  async function refreshCompletions() {
    const seq = ++completeSeq;
    const text = input.value;
    const cursor = byteOffset(text, input.selectionStart ?? text.length);
    try {
      const { status: code, json } = await call("/v1/complete", { q: text, cursor, ...omniqOptions() });
      if (seq !== completeSeq || input.value !== text) return;
      completions = code === 200 ? json : { replace: { start: cursor, end: cursor }, items: [] };
    } catch (e) {
      completions = { replace: { start: 0, end: 0 }, items: [] };
    }
    selected = 0;
    showCompletions();
  }

  function showCompletions() {
    list.replaceChildren();
    const open = document.activeElement === input && completions.items.length > 0;
    completions.items.forEach((item, i) => {
      const li = el("li");
      li.id = "completion-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === selected));
      li.dataset.index = String(i);
      li.append(el("span", item.label, "label"), el("span", item.detail, "detail"), el("span", item.kind, "kind"));
      // mousedown, not click: the input keeps the focus.
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        insert(i);
      });
      list.append(li);
    });
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (open) {
      input.setAttribute("aria-activedescendant", "completion-" + selected);
      list.children[selected]?.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function insert(i) {
    const item = completions.items[i];
    if (!item) return;
    const text = input.value;
    const start = unitIndex(text, completions.replace.start);
    const end = unitIndex(text, completions.replace.end);
    input.value = text.slice(0, start) + item.insert + text.slice(end);
    const caret = start + item.insert.length;
    input.setSelectionRange(caret, caret);
    completions = { replace: { start: 0, end: 0 }, items: [] };
    showCompletions();
    schedule();
  }

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && completions.items.length > 0;
    if (!open) return;
    const count = completions.items.length;
    if (event.key === "ArrowDown") {
      selected = (selected + 1) % count;
    } else if (event.key === "ArrowUp") {
      selected = (selected - 1 + count) % count;
    } else if (event.key === "Enter" || event.key === "Tab") {
      insert(selected);
    } else if (event.key === "Escape") {
      completions = { replace: { start: 0, end: 0 }, items: [] };
    } else {
      return;
    }
    event.preventDefault();
    showCompletions();
  });
  input.addEventListener("input", schedule);
  input.addEventListener("click", schedule);
  input.addEventListener("keyup", (event) => {
    if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) schedule();
  });
  input.addEventListener("blur", () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  });
  input.addEventListener("focus", schedule);
  indexSelect.addEventListener("change", () => {
    input.focus();
    schedule();
  });

  async function refreshExplanation() {
    const seq = ++explainSeq;
    const text = input.value;
    let answer;
    try {
      answer = await call("/v1/explain", { q: text, ...omniqOptions() });
    } catch (e) {
      status.textContent = "the service does not answer: " + e;
      return;
    }
    if (seq !== explainSeq || input.value !== text) return;
    if (answer.status !== 200) {
      status.textContent = answer.json.error?.message || "error " + answer.status;
      return;
    }
    const explanation = answer.json;
    showMirror(text, explanation.diagnostics);
    showDiagnostics(explanation.diagnostics);
    canonical.textContent = explanation.canonical ?? "(invalid query: no canonical form)";
    showTable(text, explanation.terms);
    const errors = explanation.diagnostics.filter((d) => d.severity === "error").length;
    status.textContent = text.trim() === "" ? "" : errors ? errors + " error" + (errors > 1 ? "s" : "") : "valid";
    await refreshOmniq(seq, text, explanation.canonical !== null);
  }

  // The query again, each diagnostic's span underlined with its message as
  // the title (overlapping spans: the first wins).
  function showMirror(text, diagnostics) {
    mirror.replaceChildren();
    let at = 0;
    const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start);
    for (const d of sorted) {
      const start = unitIndex(text, d.span.start);
      let end = unitIndex(text, d.span.end);
      if (start < at) continue;
      if (end === start) end = Math.min(text.length, start + 1);
      mirror.append(text.slice(at, start));
      const mark = el("span", end > start ? text.slice(start, end) : " ", "diag " + d.severity);
      mark.title = d.message + (d.hint ? "\n" + d.hint : "");
      mark.dataset.code = d.code;
      mirror.append(mark);
      at = end;
    }
    mirror.append(text.slice(at));
  }

  function showDiagnostics(diagnostics) {
    diagnosticsList.replaceChildren();
    for (const d of diagnostics) {
      const li = el("li", undefined, d.severity);
      li.append(el("span", d.severity + ": " + d.message));
      if (d.hint) li.append(el("span", " — " + d.hint, "hint"));
      diagnosticsList.append(li);
    }
  }

  function showTable(text, terms) {
    explainBody.replaceChildren();
    terms.forEach((term, i) => {
      const tr = el("tr");
      const written = text.slice(unitIndex(text, term.span.start), unitIndex(text, term.span.end));
      let date = "";
      if (term.date) {
        date = term.date.local_start + " → " + term.date.local_end + " (" + term.date.zone + ")";
        if (term.date.calendar) date += "; " + term.date.calendar;
      }
      tr.append(
        el("td", String(i + 1)),
        el("td", written, "term"),
        el("td", term.negated ? "-" : ""),
        el("td", term.keyword, "mono"),
        el("td", term.value, "value"),
        el("td", term.meaning),
        el("td", date, "date"),
      );
      explainBody.append(tr);
    });
  }

  async function refreshOmniq(seq, text, valid) {
    if (!indexSelect.value) {
      omniq.textContent = "(choose an OmniQ index under \u201cread as\u201d)";
      return;
    }
    if (!valid) {
      omniq.textContent = "(fix the query first)";
      return;
    }
    const answer = await call("/v1/omniq", { q: text, ...omniqOptions() });
    if (seq !== explainSeq) return;
    if (answer.status === 200) {
      omniq.textContent = JSON.stringify(answer.json, null, 2);
    } else {
      const diagnostics = answer.json.error?.diagnostics || [];
      omniq.textContent = [answer.json.error?.message, ...diagnostics.map((d) => d.message)].join("\n");
    }
  }

  // Start once the zone is known to the service (else UTC).
  call("/v1/date", { q: "now" })
    .then((answer) => {
      if (answer.status !== 200) zone = "UTC";
    })
    .catch(() => {})
    .finally(() => {
      input.focus();
      schedule();
    });
})();
