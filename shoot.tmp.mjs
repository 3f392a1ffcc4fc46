import { chromium } from "@playwright/test";
const base = "http://localhost:3000";
const [, , width = "1280", prefix = "d", ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 } });
const page = await ctx.newPage();
await page.goto(base + "/");
await page.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
await page.getByRole("button", { name: "Allow and install" }).click();
await page.waitForURL(/\/apps/);
const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href^="/apps/"]')].map((a) => [a.textContent, a.getAttribute("href")]));
const qf = hrefs.find(([t]) => t.includes("QuoteFlow"))[1].split("/")[2];
for (const p of paths) {
  const url = p.replace("APP", qf);
  await page.goto(base + url);
  await page.waitForTimeout(2000);
  const name = `/tmp/shots/${prefix}-${url.replace(/[^a-z0-9]+/gi, "_").slice(0, 40)}.png`;
  await page.screenshot({ path: name, fullPage: true });
  console.log(name);
}
await browser.close();
