import { useQuery } from "@tanstack/react-query";
import { lazy, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RefreshToken } from "@/api/contracts/api-download";
import { Alert } from "@/components/ui/Alert";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { PageHeading } from "@/components/ui/PageHeading";
import { TraqsLayout } from "@/components/layouts/TraqsLayout";
import { LoadOnDemand } from "@/components/ui/LoadOnDemand";
import { useVerifiedChange } from "@/components/verification/use-verified-change";
import { env } from "@/config/env";
import { formatDateTime } from "@/i18n";
import { tokensQueryOptions, useGetToken, useRevokeToken, useShowToken } from "../api";
import { ScriptExamples } from "../components/ScriptExamples";

/** What "Verify it's you" opens here: a new token, or the current one shown or copied. */
type TokenChange = "getToken" | "show" | "copy";

// "Verify it's you" and its forms load only when Get Token (or Show / Copy Token) asks for them.
const StepUp = lazy(async () => ({
  default: (await import("@/components/verification/StepUp")).StepUp,
}));

/** API / Download / Programmatic (guide Section 5): the refresh token scripts use. */
export function ProgrammaticPage() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQueryOptions());
  const getToken = useGetToken();
  const revoke = useRevokeToken();
  const showToken = useShowToken();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = useCallback(
    (token: string | null | undefined) =>
      token
        ? navigator.clipboard.writeText(token).then(
            () => setCopied("yes"),
            () => setCopied("no"),
          )
        : setCopied("no"),
    [],
  );
  // Get Token asks "Verify it's you" (and first, if a current token would be replaced, whether to
  // go on). The server shows the whole token only for a while after Get Token: later, Show token
  // and Copy Token ask "Verify it's you" first.
  const change = useVerifiedChange((asked: TokenChange, end) => {
    end();
    if (asked === "getToken") return getToken.mutate();
    showToken.mutate(undefined, {
      onSuccess: (shown) =>
        asked === "copy" ? void copy(shown.current?.token) : setRevealed(true),
    });
  });

  if (change.stage === "verify")
    return (
      <LoadOnDemand>
        <StepUp
          purpose={change.change === "getToken" ? "token" : "show-token"}
          onVerified={change.verified}
          onCancel={change.end}
        />
      </LoadOnDemand>
    );
  const current = tokens.data?.current ?? null;
  const shown = revealed && Boolean(current?.token);

  return (
    <TraqsLayout title={t("api.programmatic.title")} lead={t("api.programmatic.intro")}>
      {(me) => (
        <>
          <PageHeading title={t("api.programmatic.title")} />
          <p>{t("api.programmatic.intro")}</p>
          {me.apiAccess ? (
            <>
              <ErrorAlert
                error={tokens.error ?? getToken.error ?? revoke.error ?? showToken.error}
              />
              {tokens.data?.expiringSoon && current ? (
                <Alert tone="error">
                  {t("api.programmatic.expiringSoon", { count: current.daysLeft })}
                </Alert>
              ) : null}
              {getToken.isSuccess ? (
                <Alert tone="success">{t("api.programmatic.created")}</Alert>
              ) : null}
              {revoke.isSuccess ? (
                <Alert tone="success">{t("api.programmatic.revoked")}</Alert>
              ) : null}
              <section className="panel" aria-labelledby="current-token">
                <h2 id="current-token">{t("api.programmatic.current")}</h2>
                <TokenTable tokens={current ? [current] : []} prior={false} revealed={shown} />
                {current?.isActive && !current.token ? <p>{t("api.programmatic.masked")}</p> : null}
                <div className="inline-form">
                  <button
                    type="button"
                    className="button"
                    disabled={getToken.isPending}
                    // A current token is replaced, and the scripts using it stop: ask first.
                    onClick={() =>
                      current?.isActive ? change.ask("getToken") : change.verify("getToken")
                    }
                  >
                    {getToken.isPending ? t("common.working") : t("api.programmatic.getToken")}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={!current?.isActive || showToken.isPending}
                    onClick={() =>
                      current?.token ? void copy(current.token) : change.verify("copy")
                    }
                  >
                    {t("api.programmatic.copyToken")}
                  </button>
                  <button
                    type="button"
                    className="button danger"
                    disabled={!current?.isActive || revoke.isPending}
                    onClick={() => setConfirmRevoke(true)}
                  >
                    {t("api.programmatic.revokeToken")}
                  </button>
                  {current?.isActive ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={shown}
                      disabled={showToken.isPending}
                      onClick={() =>
                        shown
                          ? setRevealed(false)
                          : current.token
                            ? setRevealed(true)
                            : change.verify("show")
                      }
                    >
                      {t(shown ? "api.programmatic.hide" : "api.programmatic.reveal")}
                    </button>
                  ) : null}
                  <span role="status" className="copy-status">
                    {copied === "yes"
                      ? t("api.programmatic.copied")
                      : copied === "no"
                        ? t("api.programmatic.notCopied")
                        : ""}
                  </span>
                </div>
              </section>
              <section className="panel" aria-labelledby="prior-tokens">
                <h2 id="prior-tokens">{t("api.programmatic.prior")}</h2>
                <TokenTable tokens={tokens.data?.prior ?? []} prior revealed={false} />
              </section>
              <ScriptExamples
                token={current?.isActive && shown ? current.token : null}
                apiBase={env.apiBaseUrl || window.location.origin}
              />
              {change.stage === "confirm" ? (
                <ConfirmDialog
                  title={t("api.programmatic.getToken")}
                  question={t("api.programmatic.confirmReplace")}
                  onYes={change.confirmed}
                  onNo={change.end}
                />
              ) : null}
              {confirmRevoke ? (
                <ConfirmDialog
                  title={t("api.programmatic.revokeToken")}
                  question={t("api.programmatic.confirmRevoke")}
                  onYes={() => {
                    setConfirmRevoke(false);
                    revoke.mutate();
                  }}
                  onNo={() => setConfirmRevoke(false)}
                />
              ) : null}
            </>
          ) : (
            <Alert tone="info">{t("api.noAccess")}</Alert>
          )}
        </>
      )}
    </TraqsLayout>
  );
}

/**
 * The guide's token tables: Refresh Token, IsActive, Requested Date, Expiration Date (+ Revoked).
 * On a phone each row stacks its cells, each named by its column (data-label).
 */
function TokenTable({
  tokens,
  prior,
  revealed,
}: {
  tokens: RefreshToken[];
  prior: boolean;
  revealed: boolean;
}) {
  const { t } = useTranslation();
  const date = (iso: string | null) => (iso ? formatDateTime(iso) : "");
  const columns: Column<RefreshToken>[] = [
    {
      header: t("api.programmatic.refreshToken"),
      cell: (token) => (
        <code>{revealed && token.token ? token.token : `••••••••${token.last4}`}</code>
      ),
    },
    {
      header: t("api.programmatic.isActive"),
      cell: (token) => t(token.isActive ? "api.programmatic.true" : "api.programmatic.false"),
    },
    { header: t("api.programmatic.requested"), cell: (token) => date(token.requestedAt) },
    { header: t("api.programmatic.expiration"), cell: (token) => date(token.expiresAt) },
  ];
  if (prior)
    columns.push(
      { header: t("api.programmatic.revokedDate"), cell: (token) => date(token.revokedAt) },
      {
        header: t("api.programmatic.ended"),
        cell: (token) =>
          token.endedReason ? t(`api.programmatic.reasons.${token.endedReason}`) : "",
      },
    );
  else columns.push({ header: t("api.programmatic.daysLeft"), cell: (token) => token.daysLeft });
  columns.push({
    header: t("api.programmatic.lastUsed"),
    cell: (token) => (token.lastUsedAt ? date(token.lastUsedAt) : t("api.programmatic.never")),
  });
  return (
    <DataTable
      columns={columns}
      rows={tokens}
      rowKey={(token) => token.id}
      empty={t(prior ? "api.programmatic.noPrior" : "api.programmatic.noCurrent")}
    />
  );
}
