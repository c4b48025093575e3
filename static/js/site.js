// Progressive enhancement only: every page works without this file.
const formErrors = document.getElementById("form-errors");
if (formErrors) formErrors.focus();

// On a phone the filters start folded behind "Filters (n active)", and the navigation behind "Menu".
document.documentElement.classList.add("js");
const narrow = window.matchMedia("(max-width: 50rem)");
if (narrow.matches) {
  for (const details of document.querySelectorAll(".filters-details")) details.open = false;
}
const menuButton = document.querySelector(".menu-toggle");
if (menuButton) {
  const menu = document.getElementById(menuButton.getAttribute("aria-controls"));
  menuButton.addEventListener("click", () => {
    const open = menuButton.getAttribute("aria-expanded") !== "true";
    menuButton.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  });
}
