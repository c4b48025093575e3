// Progressive enhancement only: every page works without this file.
const formErrors = document.getElementById("form-errors");
if (formErrors) formErrors.focus();
