import { useLocation } from "react-router";
import { paths } from "../../routes";

/**
 * The local address to come back to after a login: the current page with its query, except
 * the failed-login page, which would only greet the person with the failure again.
 */
export function useReturnTo(): string {
  const { pathname, search } = useLocation();
  return pathname === paths.loginFailed ? paths.home : pathname + search;
}
