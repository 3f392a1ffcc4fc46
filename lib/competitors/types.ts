import type { competitorsView } from "./view";

export type CompetitorSuggestion = {
  clientId: string;
  name: string;
  url: string;
  /** Where it stands in the app's categories, best first: "#2 in Sales tools". */
  places: { list: string; rank: number }[];
};

export type CompetitorSummary = {
  id: string;
  name: string;
  url: string;
  removed: boolean;
  lastError: string | null;
  average: number | null;
  reviewCount: number | null;
  installBand: string | null;
  votes: { up: number | null; down: number | null } | null;
  topRated: number | null;
};

export type ListingChangeView = Awaited<ReturnType<typeof competitorsView>>["changes"][number];
