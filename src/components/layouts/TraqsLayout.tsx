import { lazy, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import type { Me } from "@/api/contracts/me";
import { paths, withFrom } from "@/config/paths";
import { EnvironmentBanner } from "../ui/EnvironmentBanner";
import { LoadOnDemand } from "../ui/LoadOnDemand";
import { Loading } from "../ui/Loading";
import { Logo } from "../ui/Logo";
import { PageHeading } from "../ui/PageHeading";
import { RequireSession } from "./RequireSession";
import { TraqsMainMenu } from "./TraqsMainMenu";
import { UserMenu, UserMenuPlaceholder } from "./UserMenu";
import "./layout.css";

// The switch and its form library load only when the switch is opened: no TRAQS page needs them
// before that.
const loadSwitchDialog = () => import("./TraqsUsernameForm");
const SwitchUsernameDialog = lazy(async () => ({
  default: (await loadSwitchDialog()).SwitchUsernameDialog,
}));

/**
 * The TRAQS website's frame: the Main Menu (API, then Manual or Programmatic) and the TRAQS
 * username at the top right, which opens "Select a different username" (guide Section 3, step 8).
 * Without a chosen username, the user chooses one first. Until the user is known (and in the
 * build's prerender, decision 030) it shows the frame, the page's `title` and its `lead` (the
 * opening paragraph, the same for every user, decision 033), "Loading…" below.
 */
export function TraqsLayout({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: string;
  children: (me: Me, username: string) => ReactNode;
}) {
  const location = useLocation();
  return (
    <RequireSession
      whileLoading={
        <TraqsFrame>
          <PageHeading title={title} />
          {lead ? <p>{lead}</p> : null}
          <Loading />
        </TraqsFrame>
      }
    >
      {(me) =>
        me.traqsUsername ? (
          <TraqsFrame me={me} username={me.traqsUsername}>
            {children(me, me.traqsUsername)}
          </TraqsFrame>
        ) : (
          <Navigate
            to={withFrom(paths.traqsSelectUsername, location.pathname + location.search)}
            replace
          />
        )
      }
    </RequireSession>
  );
}

/** Without `me` and `username` (not known yet), placeholders of their size hold their places. */
function TraqsFrame({
  me,
  username,
  children,
}: {
  me?: Me;
  username?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [switching, setSwitching] = useState(false);
  const canSwitch = (me?.traqsUsernames.length ?? 0) > 1;
  return (
    <>
      <EnvironmentBanner />
      <header className="masthead traqs-masthead">
        <Link to={paths.home} className="masthead-logo" aria-label={t("home.logoLink")}>
          <Logo />
        </Link>
        <span className="masthead-product">TRAQS</span>
        {/* The names replace their blank places as a new box (right-aligned, it grows leftwards). */}
        <div className="masthead-right" key={me ? "known" : "pending"}>
          {canSwitch ? (
            <button
              type="button"
              className="link-button traqs-username"
              aria-label={t("traqs.switchLabel", { username })}
              aria-haspopup="dialog"
              // Fetched as the pointer or the focus reaches it, so it opens without a wait.
              onPointerEnter={() => void loadSwitchDialog()}
              onFocus={() => void loadSwitchDialog()}
              onClick={() => setSwitching(true)}
            >
              {username}
            </button>
          ) : username ? (
            <span className="traqs-username">{username}</span>
          ) : (
            <span className="traqs-username" aria-hidden="true">
              {"\u00a0"}
            </span>
          )}
          {me ? <UserMenu me={me} /> : <UserMenuPlaceholder />}
        </div>
      </header>
      <TraqsMainMenu />
      <main className="page">{children}</main>
      {switching && me ? (
        <LoadOnDemand fallback={null}>
          <SwitchUsernameDialog me={me} onClose={() => setSwitching(false)} />
        </LoadOnDemand>
      ) : null}
    </>
  );
}
