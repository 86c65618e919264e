import { serverPath } from "../../../shared/lib/basePath";
import { workshopJoinPath, workshopProjectorPath } from "../../../routes";

/** The full join address of a code, as the QR code and the projector show it. */
export function joinURL(code: string, origin: string = window.location.origin): string {
  return origin + serverPath(workshopJoinPath(code));
}

/** The projector's address with its key, for the hall's device. */
export function projectorURL(id: number, key: string, origin: string = window.location.origin): string {
  return `${origin}${serverPath(workshopProjectorPath(id))}?key=${encodeURIComponent(key)}`;
}
