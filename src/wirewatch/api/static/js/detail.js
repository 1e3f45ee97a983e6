// Event detail: facts, every source, every report with its evidence, and the article text with the
// evidence sentence highlighted. All data is rendered as text.

import { get } from "./api.js";
import { typeColor } from "./colors.js";
import { $, clear, el, link, setStatus, show } from "./dom.js";

export async function showEvent(id) {
  let event;
  try {
    event = await get(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    setStatus(`Could not load the event: ${error.message}`, true);
    return;
  }
  show($("detail-empty"), false);
  show($("event-detail"), true);
  const place = event.place && (event.place.name || event.place.country);
  $("detail-title").textContent = `${event.type} — ${place || "unknown place"}${event.date ? `, ${event.date}` : ""}`;
  $("detail-title").style.borderColor = typeColor(event.type);
  $("event-detail").dataset.eventId = event.id;
  renderFacts(event);
  renderSources(event.sources);
  renderMentions(event);
  await showArticle(event.article_id, event.evidence);
}

function renderFacts(event) {
  const killed = event.killed_min != null && event.killed_max != null && event.killed_min !== event.killed_max
    ? `${event.killed} (reports: ${event.killed_min}–${event.killed_max})` : event.killed;
  const facts = [
    ["Type", `${event.type}${event.cameo ? ` (CAMEO ${event.cameo})` : ""}`], ["Mode", event.mode],
    ["Status", event.status], ["Actor", actor(event.actor)], ["Target", actor(event.target)],
    ["Place", event.place && [event.place.name, event.place.admin1, event.place.country].filter(Boolean).join(", ")],
    ["Date", event.date && `${event.date}${event.date_precision ? ` (${event.date_precision})` : ""}`],
    ["Killed", killed], ["Injured", event.injured], ["According to", event.attribution],
    ["Reports", event.mention_count], ["Confidence", event.confidence],
  ];
  const list = clear($("detail-facts"));
  for (const [name, value] of facts) {
    if (value === null || value === undefined || value === "") continue;
    list.append(el("dt", { text: name }), el("dd", { text: value }));
  }
}

function actor(a) {
  if (!a || (!a.name && !a.country)) return null;
  return [a.name, a.country && `(${a.country})`, a.sector && `— ${a.sector}`].filter(Boolean).join(" ");
}

function renderSources(sources) {
  const list = clear($("detail-sources"));
  for (const source of sources) {
    const label = source.title || source.url || source.id;
    const meta = [source.site, source.published && source.published.slice(0, 10)].filter(Boolean).join(", ");
    list.append(el("li", { class: "source", dataset: { articleId: source.id } },
      link(source.url, label), meta ? el("span", { class: "muted", text: ` — ${meta}` }) : null,
      source.url ? null : el("span", { class: "muted", text: " (no URL)" })));
  }
}

function renderMentions(event) {
  const list = clear($("detail-mentions"));
  for (const mention of event.mentions) {
    const title = (mention.article && (mention.article.title || mention.article.site)) || mention.article_id;
    const item = el("li", { class: "mention" },
      el("blockquote", { text: mention.evidence.text }),
      el("span", { class: "muted", text: `— ${title}${mention.killed != null ? `, ${mention.killed} killed` : ""} ` }),
      el("button", { type: "button", class: "link-button", text: "show in article",
        onclick: () => showArticle(mention.article_id, mention.evidence) }));
    list.append(item);
  }
}

export async function showArticle(articleId, evidence) {
  const container = clear($("detail-article"));
  let article;
  try {
    article = await get(`/api/articles/${encodeURIComponent(articleId)}`);
  } catch (error) {
    container.append(el("p", { class: "error", text: `Could not load the article: ${error.message}` }));
    return;
  }
  $("detail-article-title").textContent = article.title || article.url || "Article";
  renderHighlighted(container, article.text, evidence);
  const mark = container.querySelector("mark.evidence");
  const panel = $("panel-detail");
  if (mark) panel.scrollTop += mark.getBoundingClientRect().top - panel.getBoundingClientRect().top - panel.clientHeight / 3;
}

// The evidence span [start, end) wrapped in <mark>, paragraph by paragraph, as text nodes.
export function renderHighlighted(container, text, evidence) {
  let [start, end] = [evidence.start, evidence.end];
  if (text.slice(start, end) !== evidence.text) {
    start = text.indexOf(evidence.text);
    end = start < 0 ? -1 : start + evidence.text.length;
  }
  let offset = 0;
  for (const paragraph of text.split("\n")) {
    const p = el("p");
    const a = Math.max(start, offset) - offset;
    const b = Math.min(end, offset + paragraph.length) - offset;
    if (start >= 0 && a < b) {
      p.append(paragraph.slice(0, a), el("mark", { class: "evidence", text: paragraph.slice(a, b) }),
        paragraph.slice(b));
    } else {
      p.append(paragraph);
    }
    container.append(p);
    offset += paragraph.length + 1;
  }
}
