import sharp from "sharp";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { listingDraftSchema } from "../lib/listing/schema";
import { longDay } from "@/lib/submission/dates";
import { processImage, type MediaKind } from "../lib/media/process";
import { storeImage } from "../lib/media/store";
import { LocalFileStorage } from "../lib/storage/local";
import { DEMO_APPS, iconSvg, onboardingSvg, screenshotSvg } from "./demo-apps";
import { hashToken, newToken } from "../lib/crypto/token";
import { DAY, QUOTEFLOW_DATES, quoteflowInstalls } from "./demo-history";
import { seedDemoAudit } from "./demo-audit";
import { seedDemoCompetitors } from "./demo-competitors";
import { seedDemoLeaders, seedDemoPositions } from "./demo-positions";
import { seedDemoReviews } from "./demo-reviews";
import { seedDemoOutreach } from "./demo-outreach";

/**
 * Demo data: the emulator's first user (Alice Novak, admin of Acme Sales Tools) already owns
 * the Acme workspace, so "Allow and install" with the preselected user lands on a dashboard.
 * Ben Ortiz (same company) shows the access page; Carla Mendes (Northwind) creates a new workspace.
 * The workspace has three apps with complete listings and images made here with sharp.
 */
export async function seedDemo(db: PrismaClient, storageDir: string) {
  const alice = await db.user.upsert({
    where: { pipedriveCompanyId_pipedriveUserId: { pipedriveCompanyId: 7001, pipedriveUserId: 101 } },
    update: {},
    create: {
      pipedriveCompanyId: 7001,
      pipedriveUserId: 101,
      name: "Alice Novak",
      email: "alice@acme-sales.test",
      isPipedriveAdmin: true,
      accounts: { create: { type: "oauth", provider: "pipedrive", providerAccountId: "7001:101", scope: "base" } },
    },
  });
  const workspace = await db.workspace.upsert({
    where: { pipedriveCompanyId: 7001 },
    update: {},
    create: { pipedriveCompanyId: 7001, name: "Acme Sales Tools", domain: "acme-sales" },
  });
  await db.membership.upsert({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: alice.id } },
    update: {},
    create: {
      workspaceId: workspace.id,
      userId: alice.id,
      role: "OWNER",
      createdAt: new Date(Date.now() - 400 * 86_400_000),
    },
  });
  // Alice's colleague, an editor (not one of the emulator's users: she does not sign in to the demo).
  const marta = await db.user.upsert({
    where: { pipedriveCompanyId_pipedriveUserId: { pipedriveCompanyId: 7001, pipedriveUserId: 103 } },
    update: {},
    create: { pipedriveCompanyId: 7001, pipedriveUserId: 103, name: "Marta Silva", email: "marta@acme-sales.test" },
  });
  await db.membership.upsert({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: marta.id } },
    update: {},
    create: {
      workspaceId: workspace.id,
      userId: marta.id,
      role: "EDITOR",
      createdAt: new Date(Date.now() - 329 * 86_400_000),
    },
  });

  const storage = new LocalFileStorage(storageDir);
  for (const demo of DEMO_APPS) {
    if (await db.app.findFirst({ where: { workspaceId: workspace.id, name: demo.name } })) continue;
    const { imageAlts, onboarding, ...listing } = demo.listing;
    const app = await db.app.create({
      data: {
        workspaceId: workspace.id,
        name: demo.name,
        type: demo.type,
        status: demo.status,
        clientId: demo.clientId,
        callbackUrl: listing.callbackUrl ?? "",
        installationUrl: listing.installationUrl || null,
        createdById: alice.id,
      },
    });
    const store = async (kind: MediaKind, svg: string) => {
      const image = await processImage(await sharp(Buffer.from(svg)).png().toBuffer(), kind);
      const asset = await storeImage(db, storage, { appId: app.id, kind, image, userId: alice.id });
      return asset.id;
    };
    const iconAssetId = await store("icon", iconSvg(demo));
    const images = [];
    for (const [index, alt] of imageAlts.entries())
      images.push({ assetId: await store("image", screenshotSvg(demo, index)), alt });
    const blocks = [];
    for (const [index, block] of (onboarding?.blocks ?? []).entries()) {
      blocks.push({
        ...block,
        id: `${demo.clientId}-step-${index + 1}`,
        imageAssetId: await store("onboarding", onboardingSvg(demo, index)),
      });
    }
    const data = listingDraftSchema.parse({
      ...listing,
      appName: demo.name,
      iconAssetId,
      images,
      onboarding: onboarding ? { ...onboarding, blocks } : undefined,
    });
    await db.listingDraft.create({ data: { appId: app.id, data: JSON.stringify(data), updatedById: alice.id } });
    await seedReviewHistory(db, app.id, demo.status, JSON.stringify(data), alice.id);
    if (demo.status === "PUBLISHED") await seedInstallHistory(db, app.id);
    if (demo.status === "PUBLISHED") {
      await seedDemoReviews(db, app.id, workspace.id, alice.id);
      await seedDemoOutreach(db, app.id, workspace.id);
      await (await import("../lib/outreach/attribute")).attributeRequests(app.id);
      await seedDemoPositions(db, app.id);
      await seedDemoLeaders(db, workspace.id, demo.clientId);
      await seedDemoCompetitors(
        db,
        workspace.id,
        app.id,
        alice.id,
        process.env.MARKETPLACE_URL ?? "https://www.pipedrive.com",
      );
    }
  }
  // QuoteFlow's backend reports its installs through the events API with this token (its value was shown once).
  if (!(await db.apiToken.findFirst({ where: { workspaceId: workspace.id } }))) {
    const token = newToken();
    await db.apiToken.create({
      data: {
        workspaceId: workspace.id,
        name: "QuoteFlow backend",
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        createdById: alice.id,
        createdAt: new Date(Date.now() - (QUOTEFLOW_DATES.published + 1) * DAY),
        lastUsedAt: new Date(Date.now() - 3 * 3_600_000),
      },
    });
  }
  await seedDemoAudit(db, workspace.id, { alice, marta });
  return { workspaceId: workspace.id };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
/** UTC midnight of the day `days` ago: the day a step happened at Pipedrive. */
const dayAgo = (days: number) => new Date(`${daysAgo(days).toISOString().slice(0, 10)}T00:00:00Z`);

/** The timeline a demo app's status implies: submitted (with its version), approved, published — each recorded a few hours after. */
async function seedReviewHistory(db: PrismaClient, appId: string, status: string, data: string, userId: string) {
  if (status !== "IN_REVIEW" && status !== "PUBLISHED") return;
  const submittedOn = status === "PUBLISHED" ? dayAgo(QUOTEFLOW_DATES.submitted) : dayAgo(8);
  const recorded = (day: Date) => new Date(day.getTime() + 15 * 3_600_000);
  const version = await db.listingVersion.create({
    data: {
      appId,
      number: 1,
      label: `Submitted to Pipedrive on ${longDay(submittedOn.toISOString().slice(0, 10))}`,
      data,
      source: "SUBMISSION",
      createdById: userId,
      createdAt: recorded(submittedOn),
    },
  });
  await db.appEvent.create({
    data: {
      appId,
      kind: "STATUS",
      fromStatus: "DRAFT",
      toStatus: "IN_REVIEW",
      versionId: version.id,
      actorId: userId,
      occurredAt: submittedOn,
      createdAt: recorded(submittedOn),
      note: "First submission.",
    },
  });
  if (status === "IN_REVIEW") {
    await db.app.update({ where: { id: appId }, data: { reviewStartedAt: submittedOn } });
    await db.reviewFeedback.create({
      data: {
        appId,
        field: "summary",
        message: "Please state the value for the user rather than the feature list (from the first review email).",
        createdById: userId,
        createdAt: daysAgo(2),
      },
    });
    return;
  }
  await db.appEvent.create({
    data: {
      appId,
      kind: "STATUS",
      fromStatus: "IN_REVIEW",
      toStatus: "UNPUBLISHED",
      actorId: userId,
      occurredAt: dayAgo(QUOTEFLOW_DATES.approved),
      createdAt: recorded(dayAgo(QUOTEFLOW_DATES.approved)),
      note: "Approved by Pipedrive's marketplace team.",
    },
  });
  await db.appEvent.create({
    data: {
      appId,
      kind: "STATUS",
      fromStatus: "UNPUBLISHED",
      toStatus: "PUBLISHED",
      actorId: userId,
      occurredAt: dayAgo(QUOTEFLOW_DATES.published),
      createdAt: recorded(dayAgo(QUOTEFLOW_DATES.published)),
    },
  });
  await db.app.update({ where: { id: appId }, data: { approvedVersionId: version.id } });
}

/** The year of installs since publication: none for an app that was never published. */
async function seedInstallHistory(db: PrismaClient, appId: string) {
  const { ingestEvents } = await import("../lib/installs/ingest");
  const events = quoteflowInstalls(Date.now());
  for (let i = 0; i < events.length; i += 500) ingestEvents(appId, events.slice(i, i + 500));
}
