import { useAuth } from "../features/identity/auth/useAuth";

/** Shows the AuthProvider's status, so a test can wait until it knows who is logged in. */
export function AuthStatus() {
  return <p data-testid="auth-status">{useAuth().status}</p>;
}
