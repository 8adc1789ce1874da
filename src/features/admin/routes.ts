import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/**
 * Administration (issue 16): the firm's Super Account Administrator and the help desk. Users, the
 * FINRA Order Form, one user, the audit log, the firm.
 */
export const adminRoutes = [
  {
    path: paths.adminUsers,
    module: "/src/features/admin/routes/UsersPage.tsx",
    page: "UsersPage",
  },
  {
    path: paths.adminUser,
    module: "/src/features/admin/routes/UserPage.tsx",
    page: "UserPage",
  },
  {
    path: paths.adminOrderForm,
    module: "/src/features/admin/routes/OrderFormPage.tsx",
    page: "OrderFormPage",
  },
  {
    path: paths.adminAuditLog,
    module: "/src/features/admin/routes/AuditLogPage.tsx",
    page: "AuditLogPage",
  },
  {
    path: paths.adminFirm,
    module: "/src/features/admin/routes/FirmPage.tsx",
    page: "FirmPage",
  },
] as const satisfies readonly PageRoute[];
