/** What every figure means, shown beside it. */
export const DEFINITIONS = {
  installs:
    "Installations recorded in the period: OAuth installs through the gateway or the Marketplace, the events API and imports. A reinstall after an uninstall counts again.",
  uninstalls:
    "Uninstall calls Pipedrive sent to the app's callback (or reported by the events API and imports) in the period.",
  net: "Installs minus uninstalls in the period.",
  active: "Installations active at the end of the period (or of each bucket): installed and not uninstalled since.",
  churnRate:
    "Uninstalls in the period ÷ the installations active at some point of it: those active at its start plus those installed during it. Empty when there were none.",
  deniedRate:
    "Consent denied ÷ install started: the share of people who opened Pipedrive's consent screen from the Installation URL and cancelled.",
  rating:
    "The average star rating on the Marketplace page at the end of the period (for several apps, weighted by their review counts).",
  reviewCount: "The review count on the Marketplace page at the end of each bucket.",
  views: "Views of the app's share links by people outside the team, in the period.",
  stars: "Reviews posted in the period, by their stars (reviews removed from the page excluded).",
  funnel:
    "Install started: distinct visits of the Installation URL that reached Pipedrive's consent screen — each browser once per 10 minutes; requests that keep no cookie cannot install and are not counted, however many addresses they come from. Consent granted: Pipedrive came back with a code. Denied: cancels of installations started here (a cancel in the Marketplace's own flow carries nothing to verify it by, and is not counted). Installed: the installation was recorded (Marketplace installs that skip the Installation URL included). Still active after 30 days: of the period's installs at least 30 days old, those not uninstalled within 30 days.",
  cohorts:
    "Installs grouped by the month they happened in (in the workspace's time zone); each cell is the share of that month's installs still active at the end of the n-th month after. Months not over yet are empty.",
} as const;
