import { managesDistrict } from "./roles";
import { useAuth } from "./useAuth";

/**
 * Whether the person using the app runs the district's planning (its coordinators and admins)
 * and so sees drafts and the controls to change processes and social areas. The server checks
 * the same on every request; this only decides what to offer.
 */
export function useManagesDistrict(districtKey: string): boolean {
  return managesDistrict(useAuth().user, districtKey);
}
