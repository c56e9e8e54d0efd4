// magikdelen: progressive enhancement of the pages. Everything works without this script; it adds a
// filter box above the long lists of the form (searching labels and synonyms) and a print button.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  let teller = 0;
  for (const lijst of document.querySelectorAll("fieldset[data-filter]")) {
    const keuzes = Array.from(lijst.querySelectorAll(".keuze[data-zoek]"));
    if (keuzes.length < 8) continue;
    teller++;
    const id = "filter-" + teller;
    const vak = document.createElement("div");
    vak.className = "filter";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Zoek in deze lijst";
    const invoer = document.createElement("input");
    invoer.type = "search";
    invoer.id = id;
    invoer.autocomplete = "off";
    invoer.setAttribute("aria-describedby", id + "-status");
    const status = document.createElement("p");
    status.id = id + "-status";
    status.className = "hint";
    status.setAttribute("aria-live", "polite");
    vak.append(label, invoer, status);
    const legenda = lijst.querySelector("legend");
    legenda.after(vak);
    invoer.addEventListener("input", () => {
      const woorden = normaliseer(invoer.value).split(" ").filter(Boolean);
      let zichtbaar = 0;
      for (const k of keuzes) {
        const tekst = normaliseer(k.dataset.zoek);
        const past = woorden.every((w) => tekst.includes(w));
        k.hidden = !past;
        if (past) zichtbaar++;
      }
      for (const groep of lijst.querySelectorAll("fieldset.groep")) {
        groep.hidden = !groep.querySelector(".keuze:not([hidden])");
      }
      status.textContent = woorden.length ? zichtbaar + " van de " + keuzes.length + " keuzes" : "";
    });
    // Enter in the filter box must not submit the form.
    invoer.addEventListener("keydown", (e) => {
      if (e.key === "Enter") e.preventDefault();
    });
  }
  for (const knop of document.querySelectorAll("button[data-afdrukken]")) {
    knop.hidden = false;
    knop.addEventListener("click", () => window.print());
  }
  const fouten = document.getElementById("fouten");
  if (fouten) fouten.focus();
});

function normaliseer(s) {
  return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
}
