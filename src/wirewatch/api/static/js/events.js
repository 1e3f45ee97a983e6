// The event list beside the map (the same page of events the map shows).

import { typeColor } from "./colors.js";
import { $, clear, el, show } from "./dom.js";

export function eventItem(event, onSelect) {
  const place = event.place ? event.place.name || event.place.country : null;
  const head = [event.date, place].filter(Boolean).join(" · ");
  const killed = event.killed ? ` · ${event.killed} killed` : "";
  const swatch = el("span", { class: "swatch" });
  swatch.style.backgroundColor = typeColor(event.type);
  return el("li", { class: "event-item", dataset: { eventId: event.id, type: event.type } },
    el("button", { type: "button", class: "event-button", onclick: () => onSelect(event.id) },
      swatch, el("strong", { text: event.type }), el("span", { class: "muted", text: ` ${head}${killed}` }),
      el("span", { class: "snippet", text: event.evidence.text })));
}

export function renderEventList(page, onSelect, { append = false } = {}) {
  const list = $("event-list");
  if (!append) clear(list);
  for (const event of page.items) list.append(eventItem(event, onSelect));
  show($("events-more"), Boolean(page.next_cursor));
}
