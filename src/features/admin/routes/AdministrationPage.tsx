/**
 * Every Administration screen, for the route table: one module, so one chunk. The first page's
 * file names each chunk a lazy page loads (with its hash); five pages with their shared parts named
 * ten files, a kilobyte of the sign-in page's size budget (decision 009).
 */
export { AuditLogPage } from "./AuditLogPage";
export { FirmPage } from "./FirmPage";
export { OrderFormPage } from "./OrderFormPage";
export { UserPage } from "./UserPage";
export { UsersPage } from "./UsersPage";
