// Kurs: the little behaviour the pages need, with no inline scripts (CSP allows only 'self').
document.addEventListener("change", (event) => {
  // Filter forms marked data-autosubmit refresh their results through htmx on every change.
  const form = event.target.closest("form[data-autosubmit]");
  if (form && window.htmx) {
    window.htmx.trigger(form, "submit");
  }
});

// A form that saves something is sent once: its submit buttons are disabled as it goes, so a
// double click does not post it twice (the server refuses a second save of the same form too).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || form.method.toLowerCase() !== "post" || form.hasAttribute("hx-post")) {
    return;
  }
  // After the browser has collected the form's data, so the clicked button still counts.
  window.setTimeout(() => {
    for (const button of form.querySelectorAll("button[type=submit], input[type=submit]")) {
      button.disabled = true;
      button.setAttribute("aria-disabled", "true");
    }
  }, 0);
});

// Coming back with the browser's back button shows the page as it was left: enable the buttons.
window.addEventListener("pageshow", () => {
  for (const button of document.querySelectorAll("button[aria-disabled=true]")) {
    button.disabled = false;
    button.removeAttribute("aria-disabled");
  }
});

// The public inquiry form: a CVR number the register knows fills in the company's name, which
// the business can still correct (the lookup's answer carries it in data-company).
document.addEventListener("htmx:afterSwap", () => {
  const found = document.getElementById("cvr-lookup");
  const name = document.getElementById("id_company_name");
  if (found && name && found.dataset.company) {
    name.value = found.dataset.company;
  }
});

// A form shown again with errors: move to the summary of them, so a screen reader reads it first.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});

// The satisfaction link in the e-mail: the page sends the answer the link carries at once, so
// one click answers, while a mail scanner that only fetches the link answers nothing.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-submit-on-load]");
  if (form) {
    form.requestSubmit();
  }
});
