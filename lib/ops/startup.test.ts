import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("assertEnvironment", () => {
  it("stops a production server that lacks its secrets, naming them", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("AUTH_PIPEDRIVE_ID", "");
    vi.stubEnv("AUTH_PIPEDRIVE_SECRET", "");
    vi.stubEnv("ENCRYPTION_KEY", "");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { assertEnvironment } = await import("./startup");
    assertEnvironment();
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls[0]?.[0]).toContain(
      "missing required variables: AUTH_SECRET, AUTH_PIPEDRIVE_ID, AUTH_PIPEDRIVE_SECRET, ENCRYPTION_KEY",
    );
  });

  it("lets a complete environment start", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "s".repeat(40));
    vi.stubEnv("AUTH_PIPEDRIVE_ID", "id");
    vi.stubEnv("AUTH_PIPEDRIVE_SECRET", "secret");
    vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 1).toString("base64"));
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const { assertEnvironment } = await import("./startup");
    assertEnvironment();
    expect(exit).not.toHaveBeenCalled();
  });
});

describe("assertDatabase", () => {
  it("stops a server whose database was never migrated, naming the file and the command", async () => {
    vi.stubEnv("DATABASE_URL", "file:/nonexistent/listing-studio.db");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { assertDatabase } = await import("./startup");
    assertDatabase();
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls[0]?.[0]).toBe(
      "Listing Studio cannot start.\nThere is no database at /nonexistent/listing-studio.db (DATABASE_URL=file:/nonexistent/listing-studio.db). Apply the migrations with `npx prisma migrate deploy` (same DATABASE_URL), or point DATABASE_URL at the right database.",
    );
  });

  it("lets a migrated database through", async () => {
    const { setupTestDatabase } = await import("@/lib/test/db");
    vi.stubEnv("DATABASE_URL", `file:${setupTestDatabase()}`);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const { assertDatabase } = await import("./startup");
    assertDatabase();
    expect(exit).not.toHaveBeenCalled();
  });
});
