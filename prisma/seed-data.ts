import type { PrismaClient } from "../lib/generated/prisma/client";

/**
 * Demo data: the emulator's first user (Alice Novak, admin of Acme Sales Tools) already owns
 * the Acme workspace, so "Allow and install" with the preselected user lands on a dashboard.
 * Ben Ortiz (same company) shows the access page; Carla Mendes (Northwind) creates a new workspace.
 */
export async function seedDemo(db: PrismaClient) {
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
    create: { workspaceId: workspace.id, userId: alice.id, role: "OWNER" },
  });
  return { workspaceId: workspace.id };
}
