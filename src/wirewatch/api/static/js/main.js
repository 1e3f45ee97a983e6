// The dashboard: wires the filter bar, map, timeline, event list, detail, stories, alerts and rules.

import { get } from "./api.js";
import { initAlerts } from "./alerts.js";
import { showEvent } from "./detail.js";
import { $, el, setStatus } from "./dom.js";
import { renderEventList } from "./events.js";
import { filterQuery, filters, initFilters, onFilterChange, setFilters } from "./filters.js";
import { initMap, setChoropleth, setEvents } from "./map.js";
import { initRules, loadRules } from "./rules.js";
import { initStories, loadStories } from "./stories.js";
import { initTimeline, setTimeline } from "./timeline.js";
import { TYPES, typeColor } from "./colors.js";

const PAGE = 500;
let nextCursor = null;

function selectTab(name) {
  for (const tab of document.querySelectorAll(".tabs button")) tab.classList.toggle("active", tab.dataset.tab === name);
  for (const panel of document.querySelectorAll(".panel")) panel.classList.toggle("active", panel.id === `panel-${name}`);
  if (name === "stories") loadStories();
  if (name === "rules") loadRules();
}

async function selectEvent(id) {
  selectTab("detail");
  await showEvent(id);
}

async function refresh() {
  document.body.dataset.loading = "true";
  setStatus("Loading…");
  try {
    const [page, places, timeline] = await Promise.all([
      get(`/api/events?${filterQuery({ limit: PAGE })}`),
      get(`/api/places/summary?${filterQuery()}`),
      get(`/api/timeline?${filterQuery({}, { without: ["since", "until"] })}`),
    ]);
    nextCursor = page.next_cursor;
    const onMap = setEvents(page.items);
    setChoropleth(places.items);
    setTimeline(timeline.items, filters());
    renderEventList(page, selectEvent);
    const more = page.next_cursor ? "+" : "";
    $("events-summary").textContent = `${page.items.length}${more} events (${onMap} on the map)`;
    setStatus(`${page.items.length}${more} events`);
  } catch (error) {
    setStatus(error.message, true);
  } finally {
    document.body.dataset.loading = "false";
  }
}

async function loadMore() {
  if (!nextCursor) return;
  const page = await get(`/api/events?${filterQuery({ limit: PAGE, cursor: nextCursor })}`);
  nextCursor = page.next_cursor;
  renderEventList(page, selectEvent, { append: true });
}

function legend() {
  const box = $("legend");
  for (const type of TYPES) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColor(type);
    box.append(el("button", { type: "button", class: "legend-item", title: `show only ${type}`,
      onclick: () => setFilters({ type }) }, swatch, type));
  }
}

async function start() {
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.addEventListener("click", () => selectTab(tab.dataset.tab));
  }
  $("events-more").addEventListener("click", loadMore);
  initFilters();
  legend();
  initTimeline($("timeline"), { range: (since, until) => setFilters({ since, until }) });
  initStories({ selectEvent });
  initRules();
  onFilterChange(refresh);
  let health = { read_requires_token: false };
  try {
    health = await get("/api/health");
  } catch (error) {
    setStatus(error.message, true);
  }
  await initMap($("map"), { select: selectEvent });
  await refresh();
  initAlerts({ selectEvent, readRequiresToken: health.read_requires_token });
  document.body.dataset.ready = "true";
}

start();
