import { createContext, useContext, type Child } from 'hono/jsx';
import type { May, Permission } from '../../domain/admin-roles.js';

/**
 * What the signed-in admin may do, for every component of their page: a form or link their role cannot use is
 * not shown (the server refuses it anyway). Outside an admin page, nothing is allowed.
 */
export const Allowed = createContext<May>(() => false);

export const useAllowed = () => useContext(Allowed);

/** Its children, if the admin may do `to`; otherwise `otherwise` (nothing by default). */
export function IfAllowed(props: { to: Permission; children: Child; otherwise?: Child }) {
  return <>{useAllowed()(props.to) ? props.children : (props.otherwise ?? null)}</>;
}
