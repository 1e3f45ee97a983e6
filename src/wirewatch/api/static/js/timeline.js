// The timeline: events per day stacked by type; drag across it to set the date filter.

import { typeColor, TYPES } from "./colors.js";

const d3 = window.d3;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 34 };
let svg, width, height, onRange;
let x = null;
let brush = null;
let brushLayer = null;
let quiet = false;
let fullRange = false;
let lastItems = [];
let lastSelection = null;
const OUTLIER_SHARE = 0.03;   // the earliest 3% of events may be folded away, so the dense period is readable

export function initTimeline(container, { range }) {
  onRange = range;
  width = container.clientWidth || 800;
  height = 130;
  svg = d3.select(container).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("class", "timeline-svg");
}

const parseDay = d3.utcParse("%Y-%m-%d");
const formatDay = d3.utcFormat("%Y-%m-%d");

// Where the readable range starts: after the earliest few events when they are far older than the rest.
function rangeStart(items, days) {
  if (fullRange) return { start: days[0], folded: 0 };
  const total = d3.sum(items, (i) => i.count);
  const byDay = d3.rollups(items, (v) => d3.sum(v, (i) => i.count), (i) => i.day).sort((a, b) => d3.ascending(a[0], b[0]));
  let seen = 0;
  for (const [day, count] of byDay) {
    if (seen + count > total * OUTLIER_SHARE) return { start: parseDay(day), folded: seen };
    seen += count;
  }
  return { start: days[0], folded: 0 };
}

export function setTimeline(items, selection) {
  lastItems = items;
  lastSelection = selection;
  svg.selectAll("*").remove();
  const allDays = [...new Set(items.map((i) => i.day))].map(parseDay).filter(Boolean).sort((a, b) => a - b);
  if (!allDays.length) {
    svg.append("text").attr("x", width / 2).attr("y", height / 2).attr("text-anchor", "middle")
      .attr("class", "empty").text("no dated events");
    return;
  }
  const { start, folded } = rangeStart(items, allDays);
  const days = allDays.filter((d) => d >= start);
  items = items.filter((i) => parseDay(i.day) >= start);
  const first = d3.utcDay.offset(days[0], -1);
  const last = d3.utcDay.offset(days[days.length - 1], 2);
  x = d3.scaleUtc().domain([first, last]).range([MARGIN.left, width - MARGIN.right]);
  const stacks = stackByDay(items);
  const max = d3.max(stacks, (s) => s.total) || 1;
  const y = d3.scaleLinear().domain([0, max]).nice().range([height - MARGIN.bottom, MARGIN.top]);
  const barWidth = Math.max(2, Math.min(18, (x(d3.utcDay.offset(first, 1)) - x(first)) * 0.8));
  svg.append("g").attr("class", "bars").selectAll("rect").data(stacks.flatMap((s) => s.parts)).join("rect")
    .attr("x", (p) => x(p.date) - barWidth / 2).attr("width", barWidth)
    .attr("y", (p) => y(p.y1)).attr("height", (p) => Math.max(0, y(p.y0) - y(p.y1)))
    .style("fill", (p) => typeColor(p.type))
    .append("title").text((p) => `${formatDay(p.date)} ${p.type}: ${p.count}`);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${MARGIN.left},0)`)
    .call(d3.axisLeft(y).ticks(3).tickFormat(d3.format("d")));
  brush = d3.brushX().extent([[MARGIN.left, MARGIN.top], [width - MARGIN.right, height - MARGIN.bottom]])
    .on("end", brushed);
  brushLayer = svg.append("g").attr("class", "brush").call(brush);
  rangeToggle(folded, allDays[0]);
  showSelection(selection);
}

function rangeToggle(folded, firstDay) {
  if (!folded && !fullRange) return;
  const label = fullRange ? "show the busy period" : `← ${folded} earlier events since ${formatDay(firstDay)}`;
  svg.append("text").attr("class", "range-toggle").attr("id", "timeline-range")
    .attr("x", MARGIN.left + 4).attr("y", MARGIN.top + 10).text(label)
    .on("click", () => { fullRange = !fullRange; setTimeline(lastItems, lastSelection); });
}

function stackByDay(items) {
  const byDay = d3.group(items, (i) => i.day);
  return [...byDay.entries()].map(([day, rows]) => {
    let y0 = 0;
    const sorted = rows.slice().sort((a, b) => TYPES.indexOf(a.type) - TYPES.indexOf(b.type));
    const parts = sorted.map((r) => {
      const part = { date: parseDay(day), type: r.type, count: r.count, y0, y1: y0 + r.count };
      y0 += r.count;
      return part;
    });
    return { day, total: y0, parts };
  });
}

function showSelection(selection) {
  if (!x || !brushLayer) return;
  quiet = true;
  if (selection && (selection.since || selection.until)) {
    const [lo, hi] = x.domain();
    const a = selection.since ? parseDay(selection.since) : lo;
    const b = selection.until ? d3.utcDay.offset(parseDay(selection.until), 1) : hi;
    if (a && b) brushLayer.call(brush.move, [x(a), x(b)]);
  } else {
    brushLayer.call(brush.move, null);
  }
  quiet = false;
}

function brushed(event) {
  if (quiet || !event.sourceEvent) return;
  if (!event.selection) {
    onRange(null, null);
    return;
  }
  const [a, b] = event.selection.map(x.invert);
  const since = formatDay(d3.utcDay.round(a));
  const until = formatDay(d3.utcDay.offset(d3.utcDay.round(b), -1));
  onRange(since, until < since ? since : until);
}
