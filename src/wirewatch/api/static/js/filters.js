// The filter bar: its values are the /api/events filter names, kept in the page's #hash.

import { TYPES, STATUSES } from "./colors.js";
import { $, el } from "./dom.js";

const FIELDS = ["since", "until", "type", "status", "country", "q", "min_killed"];
const INPUTS = {
  since: "f-since", until: "f-until", type: "f-type", status: "f-status", country: "f-country",
  q: "f-q", min_killed: "f-min-killed",
};
const listeners = [];
let current = {};

export function filters() {
  return { ...current };
}

export function onFilterChange(callback) {
  listeners.push(callback);
}

export function setFilters(update, { replace = false } = {}) {
  current = replace ? { ...update } : { ...current, ...update };
  for (const key of Object.keys(current)) if (current[key] === "" || current[key] == null) delete current[key];
  writeInputs();
  const hash = new URLSearchParams(current).toString();
  window.history.replaceState(null, "", hash ? `#${hash}` : window.location.pathname);
  for (const callback of listeners) callback(filters());
}

export function filterQuery(extra = {}, { without = [] } = {}) {
  const params = { ...current, ...extra };
  for (const key of without) delete params[key];
  return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
}

function readInputs() {
  const out = {};
  for (const field of FIELDS) {
    const value = $(INPUTS[field]).value.trim();
    if (value) out[field] = field === "country" ? value.toUpperCase() : value;
  }
  return out;
}

function writeInputs() {
  for (const field of FIELDS) $(INPUTS[field]).value = current[field] || "";
}

export function initFilters() {
  for (const type of TYPES) $("f-type").append(el("option", { value: type, text: type }));
  for (const status of STATUSES) $("f-status").append(el("option", { value: status, text: status }));
  const fromHash = new URLSearchParams(window.location.hash.slice(1));
  for (const field of FIELDS) if (fromHash.get(field)) current[field] = fromHash.get(field);
  writeInputs();
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    setFilters(readInputs(), { replace: true });
  });
  $("f-type").addEventListener("change", () => setFilters(readInputs(), { replace: true }));
  $("f-status").addEventListener("change", () => setFilters(readInputs(), { replace: true }));
  $("f-reset").addEventListener("click", () => setFilters({}, { replace: true }));
}
