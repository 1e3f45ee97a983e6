// The live alert feed: server-sent events from /api/alerts/stream (EventSource reconnects by itself
// and resumes after the last alert id). When reads need a token, the feed polls /api/alerts instead.

import { get } from "./api.js";
import { $, el } from "./dom.js";

let unseen = 0;
let onSelectEvent = () => {};

export async function initAlerts({ selectEvent, readRequiresToken }) {
  onSelectEvent = selectEvent;
  $("tab-alerts").addEventListener("click", () => setUnseen(0));
  let lastId = 0;
  try {
    const recent = await get("/api/alerts?limit=20");
    for (const alert of recent.items.slice().reverse()) addAlert(alert, false);
    lastId = recent.last_id;
  } catch (error) {
    $("alert-connection").textContent = `alerts unavailable: ${error.message}`;
    return;
  }
  if (readRequiresToken || !window.EventSource) poll(lastId);
  else stream(lastId);
}

function stream(lastId) {
  const source = new EventSource(`/api/alerts/stream?after_id=${lastId}`);
  source.addEventListener("open", () => { $("alert-connection").textContent = "live"; });
  source.addEventListener("error", () => { $("alert-connection").textContent = "reconnecting…"; });
  source.addEventListener("alert", (message) => {
    try {
      addAlert(JSON.parse(message.data), true);
    } catch {
      /* a malformed message is ignored */
    }
  });
}

async function poll(lastId) {
  $("alert-connection").textContent = "polling";
  let after = lastId;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    try {
      const data = await get(`/api/alerts?after_id=${after}&limit=100`);
      for (const alert of data.items.slice().reverse()) addAlert(alert, true);
      after = Math.max(after, data.last_id);
    } catch {
      $("alert-connection").textContent = "polling (server unreachable)";
    }
  }
}

function describe(alert) {
  const payload = alert.payload && typeof alert.payload === "object" ? alert.payload : {};
  const event = payload.event && typeof payload.event === "object" ? payload.event : null;
  if (event) {
    const place = event.place && (event.place.name || event.place.country);
    return [event.type, place, event.date].filter(Boolean).join(" · ") +
      (event.evidence && event.evidence.text ? ` — ${event.evidence.text}` : "");
  }
  return payload.summary || payload.title || alert.dedupe_key;
}

function addAlert(alert, isNew) {
  if (document.querySelector(`#alert-feed li[data-alert-id="${Number(alert.id)}"]`)) return;
  const eventId = alert.event_ids && alert.event_ids[0];
  const item = el("li", { class: isNew ? "alert-item new" : "alert-item", dataset: { alertId: Number(alert.id) } },
    el("div", { class: "alert-head" },
      el("strong", { text: alert.rule_name || alert.rule_id }),
      el("span", { class: "muted", text: ` ${alert.kind} · ${(alert.fired_at || "").replace("T", " ").slice(0, 19)}` })),
    el("div", { class: "alert-body", text: describe(alert) }),
    eventId ? el("button", { type: "button", class: "link-button", text: "open event",
      onclick: () => onSelectEvent(eventId) }) : null);
  $("alert-feed").prepend(item);
  if (isNew && !$("tab-alerts").classList.contains("active")) setUnseen(unseen + 1);
}

function setUnseen(count) {
  unseen = count;
  $("alert-badge").textContent = String(count);
  $("alert-badge").classList.toggle("hidden", count === 0);
}
