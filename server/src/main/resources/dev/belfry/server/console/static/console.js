// The Belfry console (issue 18): one page, routed by the URL's fragment, talking to api/ with the session cookie.
// The DOM is built with createElement and textContent only, so nothing a user typed is ever parsed as HTML.
"use strict";
(() => {
  let session = null;       // {AccessKeyId, Tenant, CsrfToken, Expires} once signed in
  let liveStream = null;    // the open EventSource of a room page

  const $ = (id) => document.getElementById(id);
  const main = $("main");

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }

  function say(text) { $("status").textContent = text; setTimeout(() => { if ($("status").textContent === text) $("status").textContent = ""; }, 4000); }
  function alertUser(text) { $("alert").textContent = text; setTimeout(() => { if ($("alert").textContent === text) $("alert").textContent = ""; }, 8000); }

  class ApiError extends Error { constructor(status, code, message) { super(message); this.status = status; this.code = code; } }

  async function api(method, path, body) {
    const headers = {};
    if (method !== "GET") headers["X-Belfry-Csrf"] = session ? session.CsrfToken : "";
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch("api/" + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      if (res.status === 401 && path !== "session") { session = null; route(); }
      throw new ApiError(res.status, json.Code, json.Message || ("HTTP " + res.status));
    }
    return json;
  }
  const enc = encodeURIComponent;
  const when = (iso) => iso ? new Date(iso).toLocaleString() : "";

  // ---- layout pieces
  function crumbs(items) {
    const nav = $("crumbs");
    nav.replaceChildren(h("ol", {}, items.map(([label, href], i) =>
      h("li", {}, i === items.length - 1 ? h("span", { "aria-current": "page" }, label) : h("a", { href }, label)))));
  }
  function page(title, ...content) {
    document.title = title + " · Belfry console";
    main.replaceChildren(h("h1", { tabindex: "-1", id: "page-title" }, title), ...content);
    $("page-title").focus();
  }
  function panel(id, title, ...content) {
    return h("section", { class: "panel", "aria-labelledby": id + "-h", id }, h("h2", { id: id + "-h" }, title), ...content);
  }
  function table(caption, columns, rows) {
    return h("div", { class: "tablewrap" }, h("table", {},
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.length ? rows.map((cells) => h("tr", {}, cells.map((c, i) => h("td", { "data-label": columns[i] }, c))))
        : h("tr", {}, h("td", { colspan: columns.length, class: "muted" }, "None.")))));
  }
  function failure(where, e) { where.replaceChildren(h("p", { class: "error", role: "alert" }, e.message)); }

  // A searchable, paged list: a search box, the table, and a "More" button while the listing has a next page.
  function searchList({ id, title, label, path, columns, row }) {
    const body = h("div", {});
    const more = h("button", { type: "button", hidden: true }, "More");
    const box = h("input", { type: "search", id: id + "-q", name: "q", autocomplete: "off" });
    let rows = [], next = null;
    async function load(reset) {
      if (reset) { rows = []; next = null; }
      try {
        const q = box.value.trim();
        const res = await api("GET", path + "?" + new URLSearchParams({ ...(q && { q }), ...(next && { next }) }));
        rows = rows.concat(res.Items.map(row)); next = res.NextToken || null;
        body.replaceChildren(table(title, columns, rows));
        more.hidden = !next;
      } catch (e) { failure(body, e); }
    }
    more.addEventListener("click", () => load(false));
    const form = h("form", { class: "inline", role: "search", onsubmit: (ev) => { ev.preventDefault(); load(true); } },
      h("label", { for: id + "-q" }, label, box), h("button", { type: "submit", "aria-label": "Search " + title.toLowerCase() }, "Search"));
    load(true);
    return panel(id, title, form, body, more);
  }

  // ---- pages
  function signInPage() {
    crumbs([["Sign in", "#/"]]);
    $("who").hidden = true;
    const err = h("p", { class: "error", role: "alert" });
    const form = h("form", { onsubmit: async (ev) => {
      ev.preventDefault();
      const data = new FormData(form);
      try {
        session = await api("POST", "session", { AccessKeyId: data.get("key"), SecretAccessKey: data.get("secret") });
        form.reset();
        route();
      } catch (e) { err.textContent = e.message; }
    } },
      h("label", { for: "key" }, "Access key id", h("input", { id: "key", name: "key", required: true, autocomplete: "username" })),
      h("label", { for: "secret" }, "Secret access key", h("input", { id: "secret", name: "secret", type: "password", required: true, autocomplete: "current-password" })),
      h("button", { type: "submit", class: "primary" }, "Sign in"), err);
    page("Sign in", h("div", { class: "signin" }, h("p", {}, "Sign in with a Belfry credential, the same access key id and secret the AWS SDK and CLI sign with."), form));
  }

  function accountsPage() {
    crumbs([["Accounts", "#/"]]);
    page("Accounts", searchList({ id: "accounts", title: "Accounts", label: "Search by name", path: "accounts",
      columns: ["Name", "Type", "Status", "Created"],
      row: (a) => [h("a", { href: "#/accounts/" + enc(a.AccountId) }, a.Name), a.AccountType,
        h("span", { class: "badge " + a.AccountStatus }, a.AccountStatus), when(a.CreatedTimestamp)] }));
  }

  async function accountPage(accountId) {
    const a = await api("GET", "accounts/" + enc(accountId));
    const base = "accounts/" + enc(accountId);
    crumbs([["Accounts", "#/"], [a.Name, "#/" + base]]);
    page(a.Name,
      h("p", {}, h("span", { class: "badge" }, a.AccountType), " ", h("span", { class: "badge " + a.AccountStatus }, a.AccountStatus), " ",
        h("span", { class: "muted" }, "Account " + a.AccountId)),
      searchList({ id: "rooms", title: "Rooms", label: "Search rooms by name", path: base + "/rooms", columns: ["Name", "Created"],
        row: (r) => [h("a", { href: "#/" + base + "/rooms/" + enc(r.RoomId) }, r.Name), when(r.CreatedTimestamp)] }),
      h("div", { class: "grid" },
        searchList({ id: "users", title: "Users", label: "Search users", path: base + "/users", columns: ["Email", "License", "Status"],
          row: (u) => [u.PrimaryEmail || u.UserId, u.LicenseType, u.UserRegistrationStatus] }),
        searchList({ id: "bots", title: "Bots", label: "Search bots", path: base + "/bots", columns: ["Name", "State"],
          row: (b) => [h("a", { href: "#/" + base + "/bots/" + enc(b.BotId) }, b.DisplayName), b.Disabled ? "Disabled" : "Enabled"] })));
  }

  async function botPage(accountId, botId) {
    const [a, res] = await Promise.all([api("GET", "accounts/" + enc(accountId)), api("GET", "accounts/" + enc(accountId) + "/bots/" + enc(botId))]);
    const b = res.Bot, ev = res.EventsConfiguration;
    crumbs([["Accounts", "#/"], [a.Name, "#/accounts/" + enc(accountId)], [b.DisplayName, location.hash]]);
    page(b.DisplayName,
      panel("bot", "Bot", table("Bot", ["Bot id", "Email", "State", "Updated"], [[b.BotId, b.BotEmail || "—", b.Disabled ? "Disabled" : "Enabled", when(b.UpdatedTimestamp)]])),
      panel("events", "Events configuration", ev
        ? table("Events configuration", ["Delivered to", "Updated"], [[ev.OutboundEventsHTTPSEndpoint || ev.LambdaFunctionArn, when(ev.UpdatedTimestamp)]])
        : h("p", { class: "muted" }, "This bot has no events configuration: no events are sent for it.")),
      deliveriesPanel("accounts/" + enc(accountId) + "/bots/" + enc(botId)));
  }

  // A paged table of a listing (Items, NextToken) with "More" and "Refresh"; load(true) starts again.
  function pagedTable({ id, title, path, columns, row, moreLabel }) {
    const list = h("div", {}), more = h("button", { type: "button", hidden: true }, moreLabel);
    let rows = [], next = null;
    async function load(reset) {
      if (reset) { rows = []; next = null; }
      try {
        const res = await api("GET", path + (next ? "?next=" + enc(next) : ""));
        rows = rows.concat(res.Items); next = res.NextToken || null; more.hidden = !next;
        list.replaceChildren(table(title, columns, rows.map(row)));
      } catch (e) { failure(list, e); }
    }
    more.addEventListener("click", () => load(false));
    const refresh = h("button", { type: "button", "aria-label": "Refresh " + title.toLowerCase(), onclick: () => load(true) }, "Refresh");
    load(true);
    return { load, element: panel(id, title, h("div", { class: "inline" }, refresh), list, more) };
  }

  // The bot's events, newest first, and where each delivery stands; a delivered or dead one can be sent again.
  function deliveriesPanel(base) {
    const t = pagedTable({ id: "deliveries", title: "Recent deliveries", path: base + "/deliveries", moreLabel: "Older deliveries",
      columns: ["Time", "Event", "Room", "Status", "Attempts", "Last error", "Actions"],
      row: (d) => [when(d.CreatedTimestamp), d.EventType, d.RoomId, h("span", { class: "badge " + d.Status }, d.Status),
        String(d.Attempts), d.LastError || "—",
        d.Status === "pending" ? h("span", { class: "muted" }, d.NextAttemptTimestamp ? "next try " + when(d.NextAttemptTimestamp) : "")
          : h("button", { type: "button", onclick: () => retry(d), "aria-label": "Retry the " + d.EventType + " event " + d.EventId }, "Retry")] });
    async function retry(d) {
      try { await api("POST", base + "/deliveries/" + enc(d.EventId) + "/redeliver", {}); say("The " + d.EventType + " event is queued again"); t.load(true); }
      catch (e) { alertUser(e.message); }
    }
    return t.element;
  }

  // The room's audit trail: every membership change, oldest first as the audit service lists it (D122).
  function auditPanel(base) {
    const role = (r) => r || "—";
    return pagedTable({ id: "audit", title: "Audit trail", path: base + "/audit", moreLabel: "Later events",
      columns: ["Time", "Operation", "Member", "Role", "Actor", "Source IP"],
      row: (e) => [when(e.EventTimestamp), e.Operation, h("span", {}, e.MemberId, " ", h("span", { class: "muted" }, e.MemberType)),
        role(e.RoleBefore) + " → " + role(e.RoleAfter),
        h("span", {}, e.PrincipalArn || "", e.AccessKeyId ? h("span", { class: "muted" }, " (" + e.AccessKeyId + ")") : null),
        e.SourceIp || "—"] });
  }

  async function roomPage(accountId, roomId) {
    const base = "accounts/" + enc(accountId) + "/rooms/" + enc(roomId);
    const [a, r] = await Promise.all([api("GET", "accounts/" + enc(accountId)), api("GET", base)]);
    crumbs([["Accounts", "#/"], [a.Name, "#/accounts/" + enc(accountId)], [r.Name, "#/" + base]]);
    const audit = auditPanel(base);
    page(r.Name, h("div", { class: "grid" }, membersPanel(accountId, base, () => audit.load(true)), webhooksPanel(base)), messagesPanel(base),
      audit.element);
  }

  function membersPanel(accountId, base, changed) {
    const list = h("div", {}), more = h("button", { type: "button", hidden: true }, "More members");
    let rows = [], next = null;
    async function load(reset) {
      if (reset) { rows = []; next = null; }
      try {
        const res = await api("GET", base + "/members" + (next ? "?next=" + enc(next) : ""));
        rows = rows.concat(res.Items); next = res.NextToken || null; more.hidden = !next;
        list.replaceChildren(table("Members", ["Member", "Type", "Role", "Actions"], rows.map((m) => [
          m.FullName || m.Email || m.MemberId, m.MemberType, h("span", { class: "badge " + m.Role }, m.Role),
          m.MemberType === "Webhook" ? "" : h("span", {},
            h("button", { type: "button", onclick: () => change("PUT", m, { Role: m.Role === "Administrator" ? "Member" : "Administrator" }),
              "aria-label": (m.Role === "Administrator" ? "Demote " : "Promote ") + (m.FullName || m.MemberId) }, m.Role === "Administrator" ? "Demote" : "Promote"),
            " ",
            h("button", { type: "button", class: "danger", onclick: () => change("DELETE", m), "aria-label": "Remove " + (m.FullName || m.MemberId) }, "Remove"))])));
      } catch (e) { failure(list, e); }
    }
    async function change(method, m, body) {
      try { await api(method, base + "/members/" + enc(m.MemberId), body); say(method === "DELETE" ? "Removed " + (m.FullName || m.MemberId) : "Role changed"); load(true); changed(); }
      catch (e) { alertUser(e.message); }
    }
    more.addEventListener("click", () => load(false));
    // the candidates: the account's users and bots, searched on the server, offered in a datalist
    const who = h("input", { id: "add-member", name: "member", list: "member-candidates", autocomplete: "off", required: true });
    const options = h("datalist", { id: "member-candidates" });
    let lookup = 0;
    who.addEventListener("input", async () => {
      const mine = ++lookup, q = who.value.trim();
      const [users, bots] = await Promise.all([
        api("GET", "accounts/" + enc(accountId) + "/users?q=" + enc(q)).catch(() => ({ Items: [] })),
        api("GET", "accounts/" + enc(accountId) + "/bots?q=" + enc(q)).catch(() => ({ Items: [] }))]);
      if (mine !== lookup) return;
      options.replaceChildren(...users.Items.map((u) => h("option", { value: u.UserId }, "User: " + (u.PrimaryEmail || u.UserId))),
        ...bots.Items.map((b) => h("option", { value: b.BotId }, "Bot: " + b.DisplayName)));
    });
    const role = h("select", { id: "add-role", name: "role" }, h("option", { value: "Member" }, "Member"), h("option", { value: "Administrator" }, "Administrator"));
    const form = h("form", { class: "inline", onsubmit: async (ev) => {
      ev.preventDefault();
      try { const m = await api("POST", base + "/members", { MemberId: who.value.trim(), Role: role.value }); say("Added " + (m.FullName || m.MemberId)); who.value = ""; load(true); changed(); }
      catch (e) { alertUser(e.message); }
    } }, h("label", { for: "add-member" }, "User or bot (type to search)", who), options, h("label", { for: "add-role" }, "Role", role), h("button", { type: "submit", class: "primary" }, "Add member"));
    load(true);
    return panel("members", "Members", form, list, more);
  }

  function webhooksPanel(base) {
    const list = h("div", {}), fresh = h("div", {});
    async function load() {
      try {
        const res = await api("GET", base + "/webhooks");
        list.replaceChildren(table("Webhooks", ["Name", "Last post", "Actions"], res.Items.map((w) => [w.Name, when(w.LastPostTimestamp) || "never",
          h("span", {}, h("button", { type: "button", onclick: () => regenerate(w), "aria-label": "Regenerate the URL of " + w.Name }, "Regenerate URL"), " ",
            h("button", { type: "button", class: "danger", onclick: () => remove(w), "aria-label": "Delete " + w.Name }, "Delete"))])));
      } catch (e) { failure(list, e); }
    }
    function showUrl(w, verb) {
      const field = h("input", { class: "url", id: "webhook-url", readonly: true, value: w.Url, "aria-describedby": "webhook-url-note" });
      fresh.replaceChildren(h("label", { for: "webhook-url" }, "URL of " + w.Name, field),
        h("p", { id: "webhook-url-note", class: "muted" }, "Shown this once: the token in it is not kept in readable form. " + verb),
        h("button", { type: "button", onclick: async () => {
          try { await navigator.clipboard.writeText(w.Url); say("URL copied"); } catch (e) { field.select(); say("Press Ctrl+C to copy the selected URL"); }
        } }, "Copy URL"));
      field.focus();
    }
    async function regenerate(w) {
      try { showUrl(await api("POST", base + "/webhooks/" + enc(w.WebhookId) + "/regenerate", {}), "The old URL no longer works."); load(); }
      catch (e) { alertUser(e.message); }
    }
    async function remove(w) {
      if (!confirm("Delete the webhook " + w.Name + "? Its URL stops working.")) return;
      try { await api("DELETE", base + "/webhooks/" + enc(w.WebhookId)); fresh.replaceChildren(); say("Deleted " + w.Name); load(); }
      catch (e) { alertUser(e.message); }
    }
    const name = h("input", { id: "webhook-name", name: "name", required: true, maxlength: "100" });
    const form = h("form", { class: "inline", onsubmit: async (ev) => {
      ev.preventDefault();
      try { const w = await api("POST", base + "/webhooks", { Name: name.value }); name.value = ""; showUrl(w, ""); load(); }
      catch (e) { alertUser(e.message); }
    } }, h("label", { for: "webhook-name" }, "New webhook's name", name), h("button", { type: "submit", class: "primary" }, "Create webhook"));
    load();
    return panel("webhooks", "Incoming webhooks", form, fresh, list);
  }

  function messagesPanel(base) {
    const list = h("ol", { class: "messages", id: "message-list", "aria-label": "Messages, newest first" });
    const announce = h("div", { class: "visually-hidden", "aria-live": "polite", id: "message-announcer" });
    const more = h("button", { type: "button", hidden: true }, "Older messages");
    const shown = new Map();
    let next = null;
    function item(m, isNew) {
      const content = m.Redacted ? h("span", { class: "redacted" }, "Message redacted") : h("span", { class: "content" }, m.Content);
      const li = h("li", { "data-id": m.MessageId, class: isNew ? "new" : null },
        h("div", {}, h("div", { class: "meta" }, (m.SenderName || m.SenderId) + " · " + when(m.CreatedTimestamp)), content),
        m.Redacted ? null : h("button", { type: "button", class: "danger", "aria-label": "Redact the message from " + (m.SenderName || m.SenderId) + " at " + when(m.CreatedTimestamp),
          onclick: async () => {
            if (!confirm("Redact this message? Its content is removed for good.")) return;
            try { await api("POST", base + "/messages/" + enc(m.MessageId) + "/redact", {}); put({ ...m, Redacted: true, Content: null }, false); say("Message redacted"); }
            catch (e) { alertUser(e.message); }
          } }, "Redact"));
      return li;
    }
    function put(m, isNew) {
      const old = shown.get(m.MessageId);
      const li = item(m, isNew);
      shown.set(m.MessageId, li);
      if (old) old.replaceWith(li);
      return li;
    }
    async function load() {
      try {
        const res = await api("GET", base + "/messages" + (next ? "?next=" + enc(next) : ""));
        for (const m of res.Items) if (!shown.has(m.MessageId)) list.append(put(m, false));
        next = res.NextToken || null; more.hidden = !next;
      } catch (e) { alertUser(e.message); }
    }
    more.addEventListener("click", load);
    // after the stream was cut (network, server restart) and reconnects, what arrived meanwhile comes from the page
    async function catchUp() {
      try {
        const res = await api("GET", base + "/messages");
        for (const m of res.Items.slice().reverse()) if (!shown.has(m.MessageId)) list.prepend(put(m, true));
      } catch (e) { /* the next reconnect tries again */ }
    }
    let cut = false;
    load().then(() => {
      liveStream = new EventSource("api/" + base + "/messages/stream");
      liveStream.addEventListener("error", () => { cut = true; });
      liveStream.addEventListener("open", () => { if (cut) { cut = false; catchUp(); } });
      liveStream.addEventListener("message", (ev) => {
        const m = JSON.parse(ev.data);
        if (shown.has(m.MessageId)) return;
        list.prepend(put(m, true));
        announce.textContent = "New message from " + (m.SenderName || m.SenderId) + ": " + (m.Content || "");
      });
      for (const end of ["expired", "gone"]) liveStream.addEventListener(end, () => { liveStream.close(); alertUser(end === "expired" ? "Your session ended; sign in again." : "Live updates stopped; reload the page."); });
    });
    return panel("messages", "Messages", h("p", { class: "muted" }, "Newest first; new messages appear as they arrive."), announce, list, more);
  }

  // ---- routing
  async function route() {
    if (liveStream) { liveStream.close(); liveStream = null; }
    if (!session) {
      try { session = await api("GET", "session"); } catch (e) { session = null; }
    }
    if (!session) { signInPage(); return; }
    $("who").hidden = false;
    $("who-name").textContent = session.AccessKeyId + " · tenant " + session.Tenant;
    const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
    try {
      if (parts.length === 0) accountsPage();
      else if (parts[0] === "accounts" && parts.length === 2) await accountPage(parts[1]);
      else if (parts[0] === "accounts" && parts[2] === "rooms" && parts.length === 4) await roomPage(parts[1], parts[3]);
      else if (parts[0] === "accounts" && parts[2] === "bots" && parts.length === 4) await botPage(parts[1], parts[3]);
      else page("Not found", h("p", {}, "The console has no page here. ", h("a", { href: "#/" }, "See the accounts.")));
    } catch (e) {
      if (session) page("Cannot show this page", h("p", { class: "error", role: "alert" }, e.message), h("p", {}, h("a", { href: "#/" }, "Back to the accounts")));
    }
  }

  $("sign-out").addEventListener("click", async () => {
    try { await api("DELETE", "session"); } catch (e) { /* signed out either way */ }
    session = null;
    location.hash = "#/";
    route();
    say("Signed out");
  });
  window.addEventListener("hashchange", route);
  route();
})();
