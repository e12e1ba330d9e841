/* Links inside the details panel's Markdown (app/components/markdown.py)
   behave like dcc.Link: an app href changes the URL state in place (the
   pages' dcc.Locations hear the same event dcc.Link sends) instead of
   loading the page again. Modified clicks and other sites are left alone. */
document.addEventListener('click', function (event) {
  const anchor = event.target.closest && event.target.closest('.md a[href^="/"]:not([href^="//"])');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  window.history.pushState({}, '', anchor.getAttribute('href'));
  window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  window.scrollTo(0, 0);
});
