import type { IngestEvent } from "../lib/installs/types";

/** A small deterministic PRNG (mulberry32): the demo history is the same on every machine. */
export function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  "Northwind",
  "Globex",
  "Initech",
  "Umbrella",
  "Stark",
  "Wayne",
  "Acme",
  "Hooli",
  "Vandelay",
  "Soylent",
  "Tyrell",
  "Cyberdyne",
  "Wonka",
  "Gringotts",
  "Oscorp",
  "Aperture",
];
const SUFFIXES = ["Sales", "Partners", "Group", "Digital", "Solutions", "Realty", "Logistics", "Consulting"];
const PEOPLE = [
  "Ana",
  "Ben",
  "Chloé",
  "Dmitri",
  "Eva",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Lars",
  "Maya",
  "Noor",
  "Otto",
  "Priya",
];

/** The initials of the demo's reviewers of each first name (prisma/demo-reviews.ts), and how often an installer shares one. */
const REVIEWER_INITIALS = ["S", "C", "M", "P", "N", "H", "K", "T", "D", "W", "A", "H", "C", "A", "L", "N"];
const SAME_INITIAL = 0.08;

/**
 * A believable year of installs for a demo app: steady growth, a spike after a launch, some
 * people cancelling at the consent screen, and churn spread over the following months.
 */
export function demoInstallHistory(
  {
    seed,
    days,
    startPerDay,
    endPerDay,
    launchDay,
    companyBase,
    source = "GATEWAY",
  }: {
    seed: number;
    days: number;
    startPerDay: number;
    endPerDay: number;
    launchDay: number | null;
    companyBase: number;
    /** How the installs came in: the install gateway, or the partner's backend through the events API. */
    source?: "GATEWAY" | "API";
  },
  now = Date.now(),
): IngestEvent[] {
  const random = prng(seed);
  const poisson = (lambda: number) => {
    let k = 0;
    for (let p = Math.exp(-lambda), s = p, u = random(); u > s; k++) s += p *= lambda / (k + 1);
    return k;
  };
  const events: IngestEvent[] = [];
  const dayMs = 86_400_000;
  const start = now - days * dayMs;
  let n = 0;
  for (let d = 0; d < days; d++) {
    const spike = launchDay !== null && d >= launchDay ? 1 + 3 * Math.exp(-(d - launchDay) / 4) : 1;
    const lambda =
      (startPerDay + ((endPerDay - startPerDay) * d) / days) *
      spike *
      (new Date(start + d * dayMs).getUTCDay() % 6 === 0 ? 0.4 : 1);
    for (let i = poisson(lambda); i > 0; i--) {
      n++;
      const at = start + d * dayMs + Math.floor(random() * dayMs);
      const companyId = companyBase + n;
      const userId = companyBase * 10 + n;
      const company = `${COMPANIES[Math.floor(random() * COMPANIES.length)]} ${SUFFIXES[Math.floor(random() * SUFFIXES.length)]}`;
      const person = Math.floor(random() * PEOPLE.length);
      // One draw for the initial, as always; some share it with the reviewer of that first name.
      const draw = random();
      const initial =
        draw < SAME_INITIAL
          ? REVIEWER_INITIALS[person]!
          : String.fromCharCode(65 + Math.floor(((draw - SAME_INITIAL) / (1 - SAME_INITIAL)) * 26));
      const userName = `${PEOPLE[person]} ${initial}.`;
      const userEmail = `${PEOPLE[person]!.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()}.${initial.toLowerCase()}@${company.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${companyId}.example`;
      const who = { companyId, userId, companyName: company, userName, userEmail, source };
      events.push({
        ...who,
        dedupeKey: `demo:${seed}:${n}:started`,
        type: "INSTALL_STARTED",
        occurredAt: new Date(at),
      });
      // Some leave the consent screen without an answer, some cancel, a few installs fail after consent.
      const fate = random();
      if (fate < 0.07) continue;
      if (fate < 0.19) {
        events.push({
          ...who,
          dedupeKey: `demo:${seed}:${n}:denied`,
          type: "CONSENT_DENIED",
          occurredAt: new Date(at + 40_000),
        });
        continue;
      }
      events.push({
        ...who,
        dedupeKey: `demo:${seed}:${n}:granted`,
        type: "CONSENT_GRANTED",
        occurredAt: new Date(at + 50_000),
      });
      if (fate > 0.98) continue;
      events.push({
        ...who,
        dedupeKey: `demo:${seed}:${n}:install`,
        type: "INSTALL",
        occurredAt: new Date(at + 60_000),
        scopes: "base deals:full products:read",
      });
      if (random() < 0.38) {
        const lifetime = -Math.log(1 - random()) * 75 * dayMs;
        const gone = at + 60_000 + Math.max(3_600_000, lifetime);
        if (gone < now) {
          events.push({
            ...who,
            dedupeKey: `demo:${seed}:${n}:uninstall`,
            type: "UNINSTALL",
            occurredAt: new Date(gone),
          });
          // About one company in ten comes back within two months (drawn apart, so the rest of the history is
          // the same as without comebacks).
          const back = prng(seed * 100_003 + n);
          if (back() < 0.1) {
            const returned = gone + (2 + back() * 58) * dayMs;
            if (returned < now)
              events.push({
                ...who,
                dedupeKey: `demo:${seed}:${n}:reinstall`,
                type: "INSTALL",
                occurredAt: new Date(returned),
                scopes: "base deals:full products:read",
              });
          }
        }
      }
    }
  }
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}
