import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { getMe, logoutSession, type Me } from "../api/auth";
import { ApiError } from "../../../shared/api/client";
import { redirectTo } from "../../../shared/lib/redirect";
import { AuthContext, type Auth } from "./context";
import * as roles from "./roles";

type State =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "authenticated"; me: Me }
  | { status: "error"; error: unknown };

function stateOf(me: Me | null): State {
  return me ? { status: "authenticated", me } : { status: "anonymous" };
}

/**
 * Logs out; if the session's CSRF token has changed meanwhile (e.g. a login in another tab),
 * fetches the current one and tries once more.
 */
async function logoutWithFreshToken(): Promise<string> {
  try {
    return await logoutSession();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "csrf_failed")) throw error;
    if (!(await getMe())) return "/";
    return logoutSession();
  }
}

/**
 * Loads /me once when the app starts (a 401 means anonymous) and offers the result, role
 * helpers, refresh and logout to every component below through useAuth.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => {
        if (!controller.signal.aborted) setState(stateOf(me));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, []);

  // A refresh keeps showing the current state until the answer arrives, so pages stay mounted.
  const refresh = useCallback(async () => {
    try {
      setState(stateOf(await getMe()));
    } catch (error) {
      setState({ status: "error", error });
    }
  }, []);

  const logout = useCallback(async () => {
    let target = "/";
    try {
      target = await logoutWithFreshToken();
    } catch (error) {
      // A session that has already ended (401) is as good as a logout; anything else is not.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: "anonymous" });
    redirectTo(target);
  }, []);

  const value = useMemo<Auth>(() => {
    const me = state.status === "authenticated" ? state.me : null;
    return {
      status: state.status,
      user: me,
      error: state.status === "error" ? state.error : undefined,
      isAdmin: roles.isAdmin(me),
      coordinates: (key) => roles.coordinates(me, key),
      memberRole: (slug) => roles.memberRole(me, slug),
      refresh,
      logout,
    };
  }, [state, refresh, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
