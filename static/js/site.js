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

// Places on the submit form: suggestions from the gazetteer as one types, and more rows on demand.
function suggestPlaces(input) {
  const country = document.getElementById(input.dataset.suggestCountry);
  const list = document.getElementById(input.getAttribute("list"));
  if (!country || !list) return;
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (input.value.trim().length < 2 || !country.value) return;
      const url = new URL(input.dataset.suggestUrl, window.location.href);
      url.searchParams.set("q", input.value.trim());
      url.searchParams.set("country", country.value);
      try {
        const answer = await (await fetch(url)).json();
        list.replaceChildren(...answer.suggestions.map((s) => {
          const option = document.createElement("option");
          option.value = s.name;
          option.label = s.label;
          option.textContent = s.label;
          return option;
        }));
      } catch (error) { /* no suggestions: the form works as typed */ }
    }, 200);
  });
}
document.querySelectorAll("input[data-suggest-url]").forEach(suggestPlaces);

const addPlace = document.querySelector(".add-place");
if (addPlace) {
  addPlace.hidden = false;
  addPlace.addEventListener("click", () => {
    const rows = document.querySelectorAll(".place-row");
    const last = rows[rows.length - 1];
    const number = rows.length + 1;
    const row = last.cloneNode(true);
    row.dataset.placeRow = String(number);
    row.querySelector("legend").textContent = addPlace.dataset.legend.replace("%(number)s", number);
    row.querySelectorAll(".errorlist, .field-radioselect").forEach((node) => node.remove());
    row.querySelectorAll(".has-error").forEach((node) => node.classList.remove("has-error"));
    row.querySelectorAll("input, select, datalist").forEach((node) => {
      const base = (node.name || node.id.replace(/-suggestions$/, "")).replace(/_\d+$/, "");
      const name = `${base}_${number}`;
      if (node.tagName === "DATALIST") { node.id = `${name}-suggestions`; node.replaceChildren(); return; }
      const label = row.querySelector(`label[for="${node.id}"]`);
      node.name = name;
      node.id = `id_${name}`;
      if (label) label.htmlFor = node.id;
      node.removeAttribute("aria-invalid");
      node.removeAttribute("aria-describedby");
      node.required = false;
      node.value = "";
      if (node.list !== undefined && node.hasAttribute("list")) {
        node.setAttribute("list", `${name}-suggestions`);
        node.dataset.suggestCountry = `id_country_${number}`;
      }
    });
    row.querySelectorAll(".required-mark").forEach((node) => node.remove());
    // The labels of the row copied name its number ("Country (place 3)"): the new row's, its own.
    row.querySelectorAll("label").forEach((label) => {
      label.textContent = label.textContent.replace(String(number - 1), String(number));
    });
    row.querySelectorAll("[id$='_helptext']").forEach((node) => {
      node.id = node.id.replace(/^id_([a-z_]+?)(_\d+)?_helptext$/, `id_$1_${number}_helptext`);
    });
    last.after(row);
    row.querySelectorAll("input[data-suggest-url]").forEach(suggestPlaces);
    row.querySelector("select").focus();
  });
}
