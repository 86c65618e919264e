import { useContext } from "react";
import { AuthContext, type Auth } from "./context";

/** The person using the app; needs an AuthProvider above. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth needs an <AuthProvider> above it");
  return auth;
}
