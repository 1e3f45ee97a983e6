// The rule editor: watch rules are saved /api/events filters; saving needs the API token.

import { get, request, setToken, token } from "./api.js";
import { $, clear, el, show } from "./dom.js";
import { filterQuery } from "./filters.js";

let rules = [];

export function initRules() {
  $("api-token").value = token();
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setToken($("api-token").value.trim());
    message("Token set for this browser tab.");
  });
  $("rule-form").addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });
  $("rule-new").addEventListener("click", () => edit(null));
  $("rule-delete").addEventListener("click", remove);
  $("rule-from-filters").addEventListener("click", () => { $("rule-query").value = filterQuery(); });
}

export async function loadRules() {
  try {
    rules = (await get("/api/rules")).items;
  } catch (error) {
    message(`Could not load rules: ${error.message}`, true);
    return;
  }
  const list = clear($("rule-list"));
  if (!rules.length) list.append(el("li", { class: "muted", text: "No rules yet." }));
  for (const rule of rules) {
    list.append(el("li", { class: "rule-item", dataset: { ruleId: rule.id } },
      el("button", { type: "button", class: "event-button", onclick: () => edit(rule) },
        el("strong", { text: rule.name }),
        el("span", { class: "muted", text: ` ${rule.kind}${rule.enabled ? "" : " (disabled)"}` }),
        el("code", { class: "snippet", text: rule.query || "(every event)" }))));
  }
}

function edit(rule) {
  $("rule-form-title").textContent = rule ? "Edit rule" : "New rule";
  $("rule-id").value = rule ? rule.id : "";
  $("rule-name").value = rule ? rule.name : "";
  $("rule-kind").value = rule ? rule.kind : "match";
  $("rule-query").value = rule ? rule.query : "";
  $("rule-webhooks").value = rule ? (rule.deliveries.webhooks || []).join("\n") : "";
  $("rule-emails").value = rule ? (rule.deliveries.emails || []).join("\n") : "";
  $("rule-enabled").checked = rule ? rule.enabled : true;
  show($("rule-delete"), Boolean(rule));
  message("");
}

function lines(id) {
  return $(id).value.split("\n").map((s) => s.trim()).filter(Boolean);
}

async function save() {
  const id = $("rule-id").value;
  const existing = rules.find((r) => r.id === id);
  const deliveries = { ...(existing ? existing.deliveries : {}), webhooks: lines("rule-webhooks"), emails: lines("rule-emails") };
  const body = {
    name: $("rule-name").value.trim(), kind: $("rule-kind").value, query: $("rule-query").value.trim(),
    params: existing ? existing.params : {}, deliveries, enabled: $("rule-enabled").checked,
  };
  try {
    const saved = id ? await request("PUT", `/api/rules/${encodeURIComponent(id)}`, body)
      : await request("POST", "/api/rules", body);
    await loadRules();
    edit(saved);
    message(`Saved “${saved.name}”.`);
  } catch (error) {
    message(`Not saved: ${error.message}`, true);
  }
}

async function remove() {
  const id = $("rule-id").value;
  if (!id) return;
  try {
    await request("DELETE", `/api/rules/${encodeURIComponent(id)}`);
    edit(null);
    await loadRules();
    message("Rule deleted.");
  } catch (error) {
    message(`Not deleted: ${error.message}`, true);
  }
}

function message(text, isError = false) {
  $("rule-message").textContent = text;
  $("rule-message").classList.toggle("error", isError);
}
