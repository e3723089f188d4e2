import { describe, expect, it } from "vitest";
import { checksum, normaliseSourceText } from "./checksum";

describe("checksum", () => {
  it("is the sha256 hex of the normalised text", () => {
    // sha256("abc")
    expect(checksum("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("ignores line endings, a BOM, trailing whitespace and trailing blank lines", () => {
    const base = checksum("export const ID = \"x\";\nconst a = 1;\n");
    expect(checksum("export const ID = \"x\";\r\nconst a = 1;\r\n")).toBe(base);
    expect(checksum("export const ID = \"x\";\rconst a = 1;\r")).toBe(base);
    expect(checksum("\uFEFFexport const ID = \"x\";\nconst a = 1;")).toBe(base);
    expect(checksum("export const ID = \"x\";   \nconst a = 1;\t\n\n\n  \n")).toBe(base);
  });

  it("changes when the content changes, including leading whitespace", () => {
    const base = checksum("const a = 1;\n");
    expect(checksum("const a = 2;\n")).not.toBe(base);
    expect(checksum("  const a = 1;\n")).not.toBe(base);
    expect(checksum("const a = 1;\n\nconst b = 2;")).not.toBe(checksum("const a = 1;\nconst b = 2;"));
  });

  it("normalises to LF-joined lines", () => {
    expect(normaliseSourceText("\uFEFFa \r\nb\t\r\n\r\n")).toBe("a\nb");
    expect(normaliseSourceText("")).toBe("");
  });
});
