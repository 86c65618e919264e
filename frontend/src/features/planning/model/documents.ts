const typeNames: Record<string, string> = {
  "application/pdf": "PDF",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.ms-powerpoint": "PPT",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/vnd.oasis.opendocument.presentation": "ODP",
};

/** The file extensions the upload accepts: PDF and office formats. */
export const documentExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp"];

/** The largest upload the server accepts. */
export const maxDocumentBytes = 20 * 1024 * 1024;

/** A short name of a document's format, e.g. PDF or DOCX; the file's extension when unknown. */
export function documentType(contentType: string, fileName: string): string {
  const known = typeNames[contentType.split(";")[0]!.trim().toLowerCase()];
  if (known) return known;
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toUpperCase() : contentType;
}

/** Whether a file name has one of the accepted extensions. */
export function hasDocumentExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return documentExtensions.some((ext) => lower.endsWith(ext));
}
