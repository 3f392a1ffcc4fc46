import type { ListKind } from "./lists";

export type ListHistory = {
  id: string;
  kind: ListKind;
  key: string;
  name: string;
  /** One point per day read, in order. */
  points: { day: string; rank: number | null }[];
  current: number | null;
  /** The best position in the range and the first day it was held. */
  best: { rank: number; day: string } | null;
  listSize: number;
};

export type RankEvent = { day: string; list: string; from: number | null; to: number | null; text: string };
