// One colour per PLOVER type (violent types warm, cooperative ones cool).

export const TYPES = [
  "ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "PROTEST", "SANCTION", "ACCUSE", "REJECT",
  "REQUEST", "RETREAT", "CONCEDE", "CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID",
];

const PALETTE = [
  "#d62728", "#ff7f0e", "#e377c2", "#8c564b", "#bcbd22", "#9467bd", "#f2b134", "#7f7f7f",
  "#17becf", "#aec7e8", "#98df8a", "#1f77b4", "#2ca02c", "#279e68", "#393b79", "#637939",
];

export const STATUSES = ["actual", "threatened", "claimed", "alleged", "denied", "negated", "hypothetical"];

export function typeColor(type) {
  const index = TYPES.indexOf(type);
  return index >= 0 ? PALETTE[index] : "#555555";
}
