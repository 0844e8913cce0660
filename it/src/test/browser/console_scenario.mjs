// The console's browser scenario (issue 18), run by it/.../console/ConsoleBrowserIT with Debian's Chromium.
// It signs in, opens a room, adds two members with roles, makes a webhook, posts through it (from Node, as an
// integration would) and waits for the message to appear without a reload, redacts it and signs out; then a
// second tenant signs in and must see none of the first one's data. On the way it reads the room's audit trail
// and retries the bot's refused Invite from the bot page. Screenshots of the main pages go to SHOTS.
// Each step prints one JSON line; the Java side checks what the AWS SDK sees afterwards.
import { chromium } from "playwright-core";

const env = process.env;
const base = env.CONSOLE_URL; // …/_belfry/console/
const shots = env.SHOTS;
const out = (step, data = {}) => console.log(JSON.stringify({ step, ...data }));

async function signIn(page, key, secret) {
  await page.goto(base);
  await page.getByLabel("Access key id").fill(key);
  await page.getByLabel("Secret access key").fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
}

async function shot(page, name) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function addMember(page, search, name, role) {
  const box = page.getByLabel("User or bot (type to search)");
  await box.fill(search);
  // the searchable list fills a datalist from the server's search; wait until it holds this search's answer
  await page.waitForFunction((word) => {
    const options = [...document.querySelectorAll("#member-candidates option")];
    return options.length > 0 && options.every((o) => o.textContent.toLowerCase().includes(word.toLowerCase()));
  }, search);
  const option = page.locator("#member-candidates option");
  if ((await option.count()) !== 1) throw new Error(`searching ${search} offered ${await option.count()} members`);
  await box.fill(await option.first().getAttribute("value"));
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Add member" }).click();
  await page.getByRole("status").filter({ hasText: "Added " + name }).waitFor();
}

const browser = await chromium.launch({ executablePath: env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  await page.goto(base);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await shot(page, "sign-in");

  // a wrong secret is refused with the server's message, and nothing is stored in the browser
  await page.getByLabel("Access key id").fill(env.KEY1);
  await page.getByLabel("Secret access key").fill("not-the-secret");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("The access key id or the secret is not right.").waitFor();

  await signIn(page, env.KEY1, env.SECRET1);
  const storage = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie);
  out("signed-in", { browserStorage: storage });
  await page.getByRole("link", { name: env.ACCOUNT_NAME }).waitFor();
  await shot(page, "accounts");

  await page.getByRole("link", { name: env.ACCOUNT_NAME }).click();
  await page.getByRole("heading", { level: 1, name: env.ACCOUNT_NAME }).waitFor();
  await page.getByLabel("Search rooms by name").fill(env.ROOM_NAME);
  await page.getByRole("button", { name: "Search" }).first().click();
  await page.getByRole("link", { name: env.ROOM_NAME, exact: true }).waitFor();
  await page.getByRole("link", { name: env.OTHER_ROOM_NAME }).waitFor({ state: "detached" });
  await shot(page, "account");
  await page.getByRole("link", { name: env.ROOM_NAME, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: env.ROOM_NAME }).waitFor();

  await addMember(page, env.USER_SEARCH, env.USER_NAME, "Administrator");
  await addMember(page, env.BOT_SEARCH, env.BOT_NAME, "Member");
  await page.getByRole("button", { name: "Promote " + env.BOT_NAME }).waitFor();
  out("members-added");

  await page.getByLabel("New webhook's name").fill("CI alerts");
  await page.getByRole("button", { name: "Create webhook" }).click();
  const url = await page.locator("#webhook-url").inputValue();
  out("webhook", { url });

  // post as an integration does, and the message must appear in the open page, which must not reload
  await page.evaluate(() => { window.__belfryNoReload = true; });
  const content = "Build 42 passed " + Date.now();
  const posted = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ Content: content }) });
  if (posted.status !== 200) throw new Error("the webhook post answered " + posted.status + ": " + (await posted.text()));
  const item = page.locator("#message-list li", { hasText: content });
  await item.waitFor({ timeout: 15000 });
  if (!(await page.evaluate(() => window.__belfryNoReload === true))) throw new Error("the page reloaded");
  const announced = await page.locator("#message-announcer").textContent();
  out("message-live", { content, announced });
  await shot(page, "room");

  await item.getByRole("button", { name: /^Redact/ }).click();
  await page.locator("#message-list li", { hasText: "Message redacted" }).first().waitFor();
  if (await page.locator("#message-list li", { hasText: content }).count()) throw new Error("the redacted content is still shown");
  out("redacted");

  // the room's audit trail lists both additions, each with its role, who made it and from where
  const audit = page.locator("#audit");
  await audit.getByRole("button", { name: "Refresh audit trail" }).click();
  for (const id of [env.ALICE_ID, env.BOT_ID]) await audit.locator("tbody tr", { hasText: id }).waitFor();
  const auditRows = await audit.locator("tbody tr").allInnerTexts();
  out("audit", { rows: auditRows });
  await audit.scrollIntoViewIfNeeded();
  await shot(page, "room-audit");

  // the bot's endpoint refused its Invite (a 400 makes it dead at once); Retry sends it again and it is delivered
  await page.goto(base + "#/accounts/" + env.ACCOUNT_ID + "/bots/" + env.BOT_ID);
  await page.getByRole("heading", { level: 2, name: "Events configuration" }).waitFor();
  await page.getByText(env.BOT_ENDPOINT).waitFor();
  const deliveries = page.locator("#deliveries");
  const refresh = deliveries.getByRole("button", { name: "Refresh recent deliveries" });
  async function until(status) {
    for (let i = 0; i < 60; i++) {
      if (await deliveries.locator("tbody tr", { hasText: "Invite" }).locator(".badge." + status).count()) return;
      await page.waitForTimeout(250);
      await refresh.click();
    }
    throw new Error("the Invite event never became " + status + ": " + (await deliveries.innerText()));
  }
  await until("dead");
  const dead = await deliveries.locator("tbody tr", { hasText: "Invite" }).innerText();
  await shot(page, "bot");
  await deliveries.getByRole("button", { name: /^Retry the Invite event/ }).click();
  await page.getByRole("status").filter({ hasText: "queued again" }).waitFor();
  await until("delivered");
  const delivered = await deliveries.locator("tbody tr", { hasText: "Invite" }).innerText();
  out("deliveries", { dead, delivered });

  // a narrow window still shows the room, stacked
  await page.setViewportSize({ width: 380, height: 800 });
  await page.goto(base + "#/accounts/" + env.ACCOUNT_ID + "/rooms/" + env.ROOM_ID);
  await page.getByRole("heading", { level: 1, name: env.ROOM_NAME }).waitFor();
  await page.getByRole("button", { name: "Demote " + env.USER_NAME }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  out("narrow", { overflow });
  await shot(page, "room-narrow");
  await page.setViewportSize({ width: 1200, height: 900 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  const after = await page.evaluate(async () => (await fetch("api/accounts")).status);
  out("signed-out", { accountsStatus: after });

  // the second tenant sees none of the first one's data, listed or asked for by id
  const other = await (await browser.newContext()).newPage();
  await signIn(other, env.KEY2, env.SECRET2);
  await other.locator("#accounts table").waitFor();
  const listed = await other.locator("#accounts tbody").innerText();
  await other.goto(base + "#/accounts/" + env.ACCOUNT_ID + "/rooms/" + env.ROOM_ID);
  await other.getByRole("heading", { level: 1, name: "Cannot show this page" }).waitFor();
  const refused = await other.getByRole("alert").first().innerText();
  const direct = await other.evaluate(async (p) => {
    const r = await fetch("api/accounts/" + p + "/members");
    return { status: r.status, body: await r.text() };
  }, env.ACCOUNT_ID + "/rooms/" + env.ROOM_ID);
  out("second-tenant", { listed, refused, direct });
  await context.close();
} catch (e) {
  // what the pages showed when it failed, for the test's report
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await p.screenshot({ path: `failure-${i}.png`, fullPage: true }).catch(() => {});
    console.error(`page ${i} at ${p.url()}:\n` + (await p.locator("body").innerText().catch(() => "?")));
  }
  throw e;
} finally {
  await browser.close();
}
out("done");
