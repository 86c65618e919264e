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
