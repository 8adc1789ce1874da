/**
 * The first script of a prerendered page (decision 033). The page is on screen before the app's
 * code runs: the app's script waits in a `<template>` (`withAppAfterFirstPaint` in
 * scripts/route-pages.ts) and is added once the browser reports the first contentful paint, so
 * that a slow phone shows the page without first compiling and running the app. A page opened in
 * the background paints nothing: its app starts at once. Should no paint be reported, it starts
 * after a few seconds; the template is taken out as it is used, so that it is used once.
 */
const app = document.getElementById("after-first-paint");

function start() {
  if (!(app instanceof HTMLTemplateElement) || !app.isConnected) return;
  app.remove();
  document.head.append(document.importNode(app.content, true));
}

if (document.visibilityState === "hidden") start();
else {
  new PerformanceObserver((paints, observer) => {
    if (!paints.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    start();
  }).observe({ type: "paint", buffered: true });
  setTimeout(start, 3000);
}
