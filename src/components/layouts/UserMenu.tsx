import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Me } from "@/api/contracts/me";
import { useSignOut } from "@/api/me";
import { paths } from "@/config/paths";
import { ErrorAlert } from "../ui/ErrorAlert";

/**
 * The user's name at the top right; it opens Settings, Preferences, Recent Activity, Sign out, and
 * Administration for an administrator (issue 16).
 */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const signOut = useSignOut();
  const button = useRef<HTMLButtonElement>(null);

  // Escape closes the menu and puts focus back on its button; leaving the menu closes it too.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div className="user-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
      >
        {me.firstName} {me.lastName}
      </button>
      <ul id={menuId} className="user-menu-list" hidden={!open}>
        <li>
          <Link to={paths.settings}>{t("userMenu.settings")}</Link>
        </li>
        <li>
          <Link to={paths.preferences}>{t("userMenu.preferences")}</Link>
        </li>
        <li>
          <Link to={paths.activity}>{t("userMenu.activity")}</Link>
        </li>
        {me.administration ? (
          <li>
            <Link to={paths.adminUsers}>{t("userMenu.administration")}</Link>
          </li>
        ) : null}
        <li>
          <button
            type="button"
            className="link-button"
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, { onSuccess: () => void navigate(paths.signIn) })
            }
          >
            {t("userMenu.signOut")}
          </button>
        </li>
      </ul>
      <ErrorAlert error={signOut.error} />
    </div>
  );
}

/**
 * The user menu's place before the user is known: the button's size without a name, so the
 * masthead keeps its height when the name arrives.
 */
export function UserMenuPlaceholder() {
  return (
    <div className="user-menu" aria-hidden="true">
      <span className="user-menu-button user-menu-placeholder">{"\u00a0"}</span>
    </div>
  );
}
