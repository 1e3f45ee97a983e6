// Stories: clusters of articles about one developing story, with their sources and events.

import { get } from "./api.js";
import { $, clear, el, link, setStatus, show } from "./dom.js";
import { eventItem } from "./events.js";

let onSelectEvent = () => {};

export function initStories({ selectEvent }) {
  onSelectEvent = selectEvent;
  $("story-back").addEventListener("click", () => {
    show($("story-detail"), false);
    show($("story-list"), true);
  });
}

export async function loadStories() {
  let data;
  try {
    data = await get("/api/stories?limit=100");
  } catch (error) {
    setStatus(`Could not load stories: ${error.message}`, true);
    return;
  }
  const list = clear($("story-list"));
  if (!data.items.length) list.append(el("li", { class: "muted", text: "No stories yet." }));
  for (const story of data.items) {
    const meta = [`${story.article_count} articles`, story.countries.join(", "),
      story.last_seen && `last ${story.last_seen.slice(0, 10)}`].filter(Boolean).join(" · ");
    list.append(el("li", { class: "story-item", dataset: { storyId: story.id } },
      el("button", { type: "button", class: "event-button", onclick: () => showStory(story.id) },
        el("strong", { text: story.title || story.id }), el("span", { class: "muted", text: ` ${meta}` }))));
  }
}

export async function showStory(id) {
  let story;
  try {
    story = await get(`/api/stories/${encodeURIComponent(id)}`);
  } catch (error) {
    setStatus(`Could not load the story: ${error.message}`, true);
    return;
  }
  show($("story-list"), false);
  show($("story-detail"), true);
  $("story-title").textContent = story.title || story.id;
  $("story-meta").textContent = [`${story.article_count} articles`, story.countries.join(", "),
    story.top_actors.join(", "), story.first_seen && `${story.first_seen.slice(0, 10)} – ${(story.last_seen || "").slice(0, 10)}`]
    .filter(Boolean).join(" · ");
  const articles = clear($("story-articles"));
  for (const article of story.articles) {
    articles.append(el("li", { class: "source" }, link(article.url, article.title || article.url || article.id),
      el("span", { class: "muted", text: ` — ${[article.site, (article.published || "").slice(0, 10)].filter(Boolean).join(", ")}` })));
  }
  const events = clear($("story-events"));
  for (const event of story.events) events.append(eventItem(event, onSelectEvent));
}
