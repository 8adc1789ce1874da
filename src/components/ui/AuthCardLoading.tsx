import type { ReactNode } from "react";
import { AuthCard } from "./AuthCard";
import { Loading } from "./Loading";

/**
 * A card screen before its data is known (and in the build's prerender, decisions 033 and 034):
 * its title, the username's line (kept empty until the username is known), what it says to
 * everyone, and "Loading…" where the rest goes. The links below come with the rest: the screen
 * fills in under what is shown, nothing moving.
 */
export function AuthCardLoading({
  title,
  username,
  children,
}: {
  title: string;
  username?: string;
  children: ReactNode;
}) {
  return (
    <AuthCard title={title} username={username}>
      {username ? null : (
        // The username's line (AuthCard's, under the title), empty until it is known.
        <p className="auth-username" aria-hidden="true">
          {"\u00a0"}
        </p>
      )}
      {children}
      <Loading />
    </AuthCard>
  );
}
