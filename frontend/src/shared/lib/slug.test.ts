import { describe, expect, it } from "vitest";
import { slugify, slugPattern } from "./slug";

describe("slugify", () => {
  it("turns a name into a short name the API accepts", () => {
    expect(slugify("Diakonie Erfurt")).toBe("diakonie-erfurt");
    expect(slugify("Bürgerhilfe Gößnitz e. V.")).toBe("buergerhilfe-goessnitz-e-v");
    expect(slugify("  Café  Élan – Jena!  ")).toBe("cafe-elan-jena");
    expect(slugPattern.test(slugify("Diakonie Erfurt"))).toBe(true);
  });

  it("stays within 63 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(62)} b`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug.endsWith("-")).toBe(false);
  });
});
