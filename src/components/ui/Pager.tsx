import { useTranslation } from "react-i18next";

/** Previous / "Page 2 of 40" / Next under a table the backend pages (Recent Activity, Administration). */
export function Pager(props: { page: number; pageCount: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t("activity.pages")}>
      <button
        type="button"
        className="button"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t("activity.previous")}
      </button>
      <span>{t("activity.pageOf", { page: props.page, count: props.pageCount })}</span>
      <button
        type="button"
        className="button"
        disabled={props.page >= props.pageCount}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t("activity.next")}
      </button>
    </nav>
  );
}
