import { useAuth } from "../auth/useAuth";
import { LoginMenu } from "./LoginMenu";
import { UserMenu } from "./UserMenu";

/**
 * The header's account area: nothing while /me loads (so no login button flashes up for a
 * person who is logged in), the person's name and logout, or the login menu.
 */
export function AccountArea() {
  const auth = useAuth();
  if (auth.status === "loading") return null;
  if (auth.user) return <UserMenu user={auth.user} onLogout={auth.logout} />;
  return <LoginMenu />;
}
