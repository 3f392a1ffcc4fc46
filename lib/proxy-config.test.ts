import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { DASHBOARD_PREFIXES } from "./paths";

describe("the proxy's matcher", () => {
  it("covers exactly the dashboard (public pages skip the proxy's cost)", () => {
    expect(config.matcher).toEqual(DASHBOARD_PREFIXES.map((prefix) => `${prefix}/:path*`));
  });
});
