// The map: world countries (world-atlas TopoJSON, served locally) shaded by event counts, and event
// markers clustered in screen space, coloured by type and sized by casualties.

import { typeColor } from "./colors.js";

const CELL = 26;          // cluster cell size in screen pixels
const d3 = window.d3;
let svg, layer, countriesLayer, markerLayer, projection, path, zoom;
let events = [];
let scale = 1;
let onSelect = () => {};

export async function initMap(container, { select }) {
  onSelect = select;
  const width = container.clientWidth || 800;
  const height = Math.max(320, Math.round(width * 0.5));
  svg = d3.select(container).append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`).attr("class", "map-svg").attr("role", "img");
  layer = svg.append("g");
  countriesLayer = layer.append("g").attr("class", "countries");
  markerLayer = layer.append("g").attr("class", "markers");
  projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  path = d3.geoPath(projection);
  layer.insert("path", ":first-child").datum({ type: "Sphere" }).attr("class", "sphere").attr("d", path);
  zoom = d3.zoom().scaleExtent([1, 24]).translateExtent([[0, 0], [width, height]])
    .on("zoom", (event) => {
      layer.attr("transform", event.transform);
      if (event.transform.k !== scale) {
        scale = event.transform.k;
        drawMarkers();
      }
    });
  svg.call(zoom);
  const world = await d3.json("/static/vendor/countries-110m.json");
  const features = window.topojson.feature(world, world.objects.countries).features;
  countriesLayer.selectAll("path").data(features).join("path")
    .attr("class", "country").attr("d", path)
    .attr("data-iso", (d) => d.id || "")
    .append("title").text((d) => (d.properties && d.properties.name) || "");
}

export function setChoropleth(items) {
  const byNumeric = new Map(items.filter((i) => i.iso_numeric).map((i) => [i.iso_numeric, i]));
  const max = d3.max(items, (i) => i.events) || 1;
  const color = d3.scaleSequentialLog(d3.interpolateOrRd).domain([1, Math.max(2, max)]);
  countriesLayer.selectAll("path.country").each(function (d) {
    const item = byNumeric.get(d.id);
    const node = d3.select(this);
    node.classed("has-events", Boolean(item));
    node.style("fill", item ? color(item.events) : null);
    node.attr("data-events", item ? item.events : null);
    const name = (d.properties && d.properties.name) || "";
    node.select("title").text(item ? `${name}: ${item.events} events, ${item.killed} killed` : name);
  });
}

export function setEvents(list) {
  events = list.filter((e) => e.place && e.place.lat != null && e.place.lon != null);
  drawMarkers();
  return events.length;
}

function radius(event) {
  const killed = event.killed || 0;
  return 4 + Math.min(14, Math.sqrt(killed) * 1.6);
}

function clusters() {
  const cells = new Map();
  for (const event of events) {
    const [x, y] = projection([event.place.lon, event.place.lat]);
    const key = `${Math.floor((x * scale) / CELL)}:${Math.floor((y * scale) / CELL)}`;
    if (!cells.has(key)) cells.set(key, { x: 0, y: 0, events: [] });
    const cell = cells.get(key);
    cell.events.push(event);
    cell.x += x;
    cell.y += y;
  }
  return [...cells.values()].map((c) => ({ ...c, x: c.x / c.events.length, y: c.y / c.events.length }));
}

function drawMarkers() {
  const groups = clusters();
  const singles = groups.filter((g) => g.events.length === 1).map((g) => ({ ...g, event: g.events[0] }));
  const many = groups.filter((g) => g.events.length > 1);
  markerLayer.selectAll("circle.marker").data(singles, (d) => d.event.id).join("circle")
    .attr("class", "marker").attr("cx", (d) => d.x).attr("cy", (d) => d.y)
    .attr("r", (d) => radius(d.event) / scale).attr("stroke-width", 1 / scale)
    .attr("data-event-id", (d) => d.event.id).attr("data-type", (d) => d.event.type)
    .style("fill", (d) => typeColor(d.event.type))
    .on("click", (ev, d) => { ev.stopPropagation(); onSelect(d.event.id); })
    .selectAll("title").data((d) => [d]).join("title")
    .text((d) => `${d.event.type} — ${d.event.place.name || ""} ${d.event.date || ""}`);
  const clusterGroups = markerLayer.selectAll("g.cluster").data(many, (d) => d.events.map((e) => e.id).join())
    .join((enter) => {
      const g = enter.append("g").attr("class", "cluster");
      g.append("circle");
      g.append("text").attr("text-anchor", "middle").attr("dy", "0.35em");
      return g;
    });
  clusterGroups.attr("transform", (d) => `translate(${d.x},${d.y}) scale(${1 / scale})`)
    .attr("data-count", (d) => d.events.length)
    .on("click", (ev, d) => { ev.stopPropagation(); zoomTo(d); });
  clusterGroups.select("circle").attr("r", (d) => 9 + Math.min(14, Math.sqrt(d.events.length) * 2.2))
    .style("fill", (d) => typeColor(dominantType(d.events)));
  clusterGroups.select("text").text((d) => d.events.length);
}

function dominantType(list) {
  const counts = d3.rollup(list, (v) => v.length, (e) => e.type);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function zoomTo(cluster) {
  const [[w, h]] = [[svg.attr("viewBox").split(" ")[2], svg.attr("viewBox").split(" ")[3]]];
  const k = Math.min(24, scale * 3);
  const transform = d3.zoomIdentity.translate(w / 2, h / 2).scale(k).translate(-cluster.x, -cluster.y);
  svg.transition().duration(400).call(zoom.transform, transform);
}

export function markerCount() {
  return events.length;
}
