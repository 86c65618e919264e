import { describe, expect, it } from "vitest";
import { documentType, hasDocumentExtension } from "./documents";
import { formatDate, formatFileSize } from "../../../shared/lib/format";

describe("documents", () => {
  it("name the format of a document", () => {
    expect(documentType("application/pdf", "plan.pdf")).toBe("PDF");
    expect(documentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a.docx")).toBe("DOCX");
    expect(documentType("application/octet-stream", "tabelle.ods")).toBe("ODS");
  });

  it("accept PDF and office extensions only", () => {
    expect(hasDocumentExtension("Plan.PDF")).toBe(true);
    expect(hasDocumentExtension("notes.txt")).toBe(false);
  });

  it("format sizes and dates per language", () => {
    expect(formatFileSize(778, "de")).toBe("778 Byte");
    expect(formatFileSize(1536, "de")).toBe("1,5 KB");
    expect(formatFileSize(5 * 1024 * 1024, "en")).toBe("5.0 MB");
    expect(formatDate("2026-09-01", "de")).toBe("01.09.2026");
    expect(formatDate("2026-09-01", "en")).toBe("1 Sept 2026");
  });
});
