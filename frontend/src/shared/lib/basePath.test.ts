import { readBasePath } from "./basePath";

function docWith(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html");
}

describe("readBasePath", () => {
  it("is empty at the root of the host", () => {
    expect(readBasePath(docWith(`<base href="/">`))).toBe("");
  });
  it("is the sub-path the server wrote into <base href>", () => {
    expect(readBasePath(docWith(`<base href="/teilhabe/">`))).toBe("/teilhabe");
    expect(readBasePath(docWith(`<base href="/kreis/teilhabe/">`))).toBe("/kreis/teilhabe");
  });
  it("is empty without a <base> (the tests' document)", () => {
    expect(readBasePath(docWith(`<title>x</title>`))).toBe("");
  });
});

describe("the addresses under a base path", () => {
  afterEach(() => {
    document.querySelector("base")?.remove();
    vi.resetModules();
  });

  it("put the API, the login, the logout and the websocket below it", async () => {
    const base = document.createElement("base");
    base.setAttribute("href", "/teilhabe/");
    document.head.prepend(base);
    vi.resetModules();
    const { apiBase } = await import("../api/client");
    const { loginHref } = await import("../../features/identity/api/auth");
    const { liveURL } = await import("../../features/consultation/api/live");
    const { serverPath } = await import("./basePath");
    expect(apiBase).toBe("/teilhabe/api/v1");
    expect(serverPath("/auth/logout")).toBe("/teilhabe/auth/logout");
    expect(loginHref("buerger", "/consultations/1")).toBe("/teilhabe/auth/login/buerger?return_to=%2Fconsultations%2F1");
    expect(liveURL("consultation:1", 4, { protocol: "https:", host: "kreis.example" })).toBe(
      "wss://kreis.example/teilhabe/api/v1/live?room=consultation%3A1&since=4",
    );
  });
});
