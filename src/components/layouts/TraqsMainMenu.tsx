import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { paths } from "@/config/paths";

/** The bar's items, in order: Home, then API (the one with a menu). */
const HOME = 0;
const API = 1;

/**
 * The TRAQS Main Menu (guide Sections 4 and 5: "Click API from the Main Menu", then "Click Manual
 * (or Programmatic) from the Download Menu"), as a WAI-ARIA navigation menu bar: Home and API in
 * the bar, one of them in the Tab order; API opens its menu, which holds the Download Menu.
 * Keys: Left/Right move along the bar; Down, Up, Enter or Space on API open its menu; in the menu,
 * Up/Down, Home/End move, Enter or Space opens a page, Escape closes it and goes back to API,
 * Left/Right close it and move along the bar. Leaving the menu (Tab, a click elsewhere) closes it.
 */
export function TraqsMainMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const menuId = useId();
  const labelId = useId();
  const [open, setOpen] = useState(false);
  /** The bar's item in the Tab order (roving tabindex). */
  const [barIndex, setBarIndex] = useState(HOME);
  const barItems = useRef<(HTMLElement | null)[]>([]);
  const menuItems = useRef<(HTMLAnchorElement | null)[]>([]);
  const nav = useRef<HTMLElement>(null);

  // A click anywhere else closes the menu (a click does not always move focus, as in Safari).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const pages = [
    { to: paths.apiManual, label: t("traqs.manual") },
    { to: paths.apiProgrammatic, label: t("traqs.programmatic") },
  ];
  const inApi = pages.some((page) => page.to === pathname);

  const focusBar = (index: number) => {
    const next = (index + barItems.current.length) % barItems.current.length;
    setBarIndex(next);
    barItems.current[next]?.focus();
  };
  const openMenu = (item: "first" | "last") => {
    setOpen(true);
    // The menu is in the page but hidden until this render: focus it once it shows.
    requestAnimationFrame(() =>
      menuItems.current[item === "first" ? 0 : menuItems.current.length - 1]?.focus(),
    );
  };
  const closeMenu = () => setOpen(false);

  const onBarKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const index = barItems.current.indexOf(event.currentTarget);
    const opens = index === API;
    const keys: Record<string, () => void> = {
      ArrowRight: () => (closeMenu(), focusBar(index + 1)),
      ArrowLeft: () => (closeMenu(), focusBar(index - 1)),
      Home: () => focusBar(HOME),
      End: () => focusBar(barItems.current.length - 1),
      ...(opens
        ? {
            ArrowDown: () => openMenu("first"),
            ArrowUp: () => openMenu("last"),
            Enter: () => openMenu("first"),
            " ": () => openMenu("first"),
            Escape: closeMenu,
          }
        : { " ": () => event.currentTarget.click() }),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    const index = menuItems.current.indexOf(event.currentTarget);
    const count = menuItems.current.length;
    const focusItem = (next: number) => menuItems.current[(next + count) % count]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusItem(index + 1),
      ArrowUp: () => focusItem(index - 1),
      Home: () => focusItem(0),
      End: () => focusItem(count - 1),
      Escape: () => (closeMenu(), focusBar(API)),
      ArrowRight: () => (closeMenu(), focusBar(API + 1)),
      ArrowLeft: () => (closeMenu(), focusBar(API - 1)),
      " ": () => event.currentTarget.click(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    // Escape must not also close a dialog or menu around this one.
    event.stopPropagation();
    action();
  };

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) closeMenu();
  };

  return (
    <nav ref={nav} className="main-menu" aria-label={t("traqs.mainMenu")} onBlur={onBlur}>
      <ul role="menubar" className="menubar" aria-label={t("traqs.mainMenu")}>
        <li role="none">
          <Link
            ref={(element) => {
              barItems.current[HOME] = element;
            }}
            role="menuitem"
            className="menubar-item"
            to={paths.traqs}
            tabIndex={barIndex === HOME ? 0 : -1}
            aria-current={pathname === paths.traqs ? "page" : undefined}
            onKeyDown={onBarKeyDown}
            onFocus={() => setBarIndex(HOME)}
          >
            {t("traqs.home")}
          </Link>
        </li>
        <li role="none">
          <button
            ref={(element) => {
              barItems.current[API] = element;
            }}
            type="button"
            role="menuitem"
            className={`menubar-item${inApi ? " current" : ""}`}
            tabIndex={barIndex === API ? 0 : -1}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={menuId}
            onKeyDown={onBarKeyDown}
            onFocus={() => setBarIndex(API)}
            onClick={() => setOpen((value) => !value)}
          >
            {t("traqs.api")}
          </button>
          <ul role="menu" id={menuId} className="menu" aria-label={t("traqs.api")} hidden={!open}>
            <li role="none">
              <span id={labelId} className="menu-group-label">
                {t("traqs.download")}
              </span>
              <ul role="group" className="menu-group" aria-labelledby={labelId}>
                {pages.map((page, index) => (
                  <li role="none" key={page.to}>
                    <Link
                      ref={(element) => {
                        menuItems.current[index] = element;
                      }}
                      role="menuitem"
                      to={page.to}
                      tabIndex={-1}
                      aria-current={pathname === page.to ? "page" : undefined}
                      onKeyDown={onMenuKeyDown}
                      onClick={closeMenu}
                    >
                      {page.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          </ul>
        </li>
      </ul>
    </nav>
  );
}
