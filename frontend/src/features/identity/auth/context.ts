import { createContext } from "react";
import type { Me } from "../api/auth";
import type { MemberRole } from "../api/organisations";

/** Whether the person is known yet, and if so, who they are. */
export type AuthStatus = "loading" | "anonymous" | "authenticated" | "error";

/** What the app knows about the person using it, and what it can do about it. */
export interface Auth {
  status: AuthStatus;
  /** The person logged in; null while loading, for anonymous visitors and after an error. */
  user: Me | null;
  /** Why /me failed (status "error"): a network or server error, never a 401. */
  error: unknown;
  isAdmin: boolean;
  /** Whether the person is the planning coordinator of the district. */
  coordinates: (districtKey: string) => boolean;
  /** The person's role in the organisation, if they belong to it. */
  memberRole: (slug: string) => MemberRole | undefined;
  /** Loads /me again, e.g. after a change to one's own roles or memberships. */
  refresh: () => Promise<void>;
  /** Ends the session and leaves the page (to the identity provider's logout or home). */
  logout: () => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);
