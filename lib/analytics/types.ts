import type { loadAnalytics, monthOverview } from "./load";

/** What the analytics page shows, as its loader answers it. */
export type Analytics = Awaited<ReturnType<typeof loadAnalytics>>;
/** The month at a glance on the Analytics page. */
export type MonthOverviewData = Awaited<ReturnType<typeof monthOverview>>;
