// Against a real server over the aba-icc site: CONTENT_API_URL names it
// (tests/clients/test_typescript.py starts one and runs this file).
import assert from "node:assert/strict";
import { test } from "node:test";

import { createContentClient, parseLinks, ProblemError, type PageItem } from "../src/index.js";

const baseUrl = process.env.CONTENT_API_URL;
if (baseUrl === undefined) throw new Error("CONTENT_API_URL names the server to test against");
const api = createContentClient({ baseUrl });
const SEED = "about-the-icc/the-us-icc-relationship";
const SUDAN = 6; // cases with `country: sudan` on aba-icc

test("the raw openapi-fetch client filters with its default serializer", async () => {
  const { data, error, response } = await api.raw.GET("/api/v1/pages", {
    params: { query: { collection: "cases", filter: "country:sudan", limit: 100 } },
  });
  assert.equal(error, undefined);
  assert.equal(response.status, 200);
  assert.equal(data?.meta.total, SUDAN);
  assert.ok(data?.data.every((item) => item.data?.country === "sudan"));
  assert.match(response.url, /filter=country%3Asudan/);
});

test("filters with and without an operator, and combined", async () => {
  const plain = await api.listPages({ collection: "cases", filter: "country:sudan" });
  const withOp = await api.listPages({ collection: "cases", filter: "country:eq:sudan" });
  assert.equal(plain.total, SUDAN);
  assert.equal(withOp.total, SUDAN);
  assert.deepEqual(ids(withOp.items), ids(plain.items));
  const all = await api.listPages({ collection: "cases", limit: 1 });
  const others = await api.listPages({ collection: "cases", filter: "country:ne:sudan", limit: 1 });
  const missing = await api.listPages({ collection: "cases", filter: "country:exists:false" });
  assert.equal(others.total + missing.total, all.total - SUDAN);
  // The same field twice is "any of": Sudan's cases and others, never nothing.
  const either = await api.listPages({ collection: "cases", filter: "country:sudan,country:mali" });
  assert.ok(either.total > SUDAN);
});

test("pagination follows Link until the last page", async () => {
  const first = await api.listPages({ collection: "cases", filter: "country:sudan", limit: 4 });
  assert.equal(first.items.length, 4);
  assert.match(first.links.next ?? "", /offset=4/);
  const seen: PageItem[] = [];
  for await (const item of api.allPages({ collection: "cases", filter: "country:sudan", limit: 2 })) {
    seen.push(item);
  }
  assert.equal(seen.length, SUDAN);
  assert.deepEqual(ids(seen), ids((await api.listPages({ collection: "cases", filter: "country:sudan" })).items));
  assert.equal(new Set(ids(seen)).size, SUDAN);
});

test("a page, then a conditional request answered 304", async () => {
  const page = await api.getPage(SEED);
  assert.equal(page.data.id, SEED);
  assert.equal(page.data.title, "The US-ICC Relationship");
  assert.ok(page.etag);
  const again = await api.getPage(SEED, { ifNoneMatch: page.etag });
  assert.equal(again.notModified, true);
  assert.equal(again.response.status, 304);
  const list = await api.listPages({ collection: "cases", limit: 3 });
  const same = await api.listPages({ collection: "cases", limit: 3 }, { ifNoneMatch: list.etag });
  assert.equal(same.notModified, true);
  const stale = await api.getPage(SEED, { ifNoneMatch: '"not-the-etag"' });
  assert.equal(stale.notModified, false);
  if (!stale.notModified) assert.equal(stale.data.id, SEED);
});

test("search, and its pages followed", async () => {
  const hits = await api.search("rome statute", { limit: 5 });
  assert.ok(hits.total > 5);
  assert.match(hits.items[0]?.snippet ?? "", /<mark>/);
  let count = 0;
  for await (const hit of api.allSearchHits("rome statute", { limit: 50 })) {
    assert.ok(hit.id);
    count += 1;
  }
  assert.equal(count, hits.total);
});

test("errors are typed problems", async () => {
  await assert.rejects(api.getPage("cases/no-such-case"), (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 404);
    assert.match(error.problem.type, /not-found$/);
    return true;
  });
  await assert.rejects(api.listPages({ filter: "country" }), (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 422);
    assert.equal(error.problem.errors?.[0]?.param, "filter");
    return true;
  });
});

test("find, the feeds and the sitemap come back parsed", async () => {
  const page = await api.findPage({ url: "/about-the-icc/the-us-icc-relationship/" });
  assert.equal(page.id, SEED);
  const byPath = await api.findPage({ sourcePath: "_about-the-icc/the-us-icc-relationship.md" });
  assert.equal(byPath.id, SEED);
  const feed = await api.getJsonFeed();
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.ok(feed.items.length > 0);
  assert.match(await api.getAtomFeed(), /^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.match(await api.getSitemap(), /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/);
});

test("Link headers are read as RFC 8288 says", () => {
  const links = parseLinks('</a?offset=0>; rel="first", </a?offset=2>; rel=next, </a?offset=4>; rel="last"');
  assert.deepEqual(links, { first: "/a?offset=0", next: "/a?offset=2", last: "/a?offset=4" });
  assert.deepEqual(parseLinks(null), {});
});

function ids(items: readonly { id: string }[]): string[] {
  return items.map((item) => item.id);
}
