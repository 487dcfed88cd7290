// Kurs: the little behaviour the pages need, with no inline scripts (CSP allows only 'self').
document.addEventListener("change", (event) => {
  // Filter forms marked data-autosubmit refresh their results through htmx on every change.
  const form = event.target.closest("form[data-autosubmit]");
  if (form && window.htmx) {
    window.htmx.trigger(form, "submit");
  }
});
