import { isField, isProcessStatus, type ProcessFilter } from "../api/processes";

/**
 * The process list's filter from the page's query (?field=pflege&status=published), so a
 * filtered list can be shared as a link. Unknown values are ignored, and so is the draft filter
 * for people who cannot see drafts.
 */
export function readProcessFilter(params: URLSearchParams, seesDrafts: boolean): ProcessFilter {
  const field = params.get("field");
  const status = params.get("status");
  return {
    field: isField(field) ? field : undefined,
    status: isProcessStatus(status) && (seesDrafts || status !== "draft") ? status : undefined,
  };
}

/** The query with the filter set; other parameters stay as they are. */
export function writeProcessFilter(params: URLSearchParams, filter: ProcessFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ["field", "status"] as const) {
    const value = filter[name];
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
