/*
 * « Ajouter à la sélection » without a reload: the same POST forms, answered in JSON, with the header count
 * and the page's live region updated. Without this script the forms post and come back to the same hit.
 */
(function () {
    "use strict";

    const notice = document.querySelector("[data-selection-notice]");

    function announce(message, ok) {
        if (!notice) {
            return;
        }
        const text = document.createElement("p");
        text.className = "selection-notice__text";
        text.textContent = message;
        notice.classList.toggle("selection-notice--error", !ok);
        notice.replaceChildren(text);
    }

    function show(form, selected) {
        const button = form.querySelector("button");
        form.action = selected ? form.dataset.removeUrl : form.dataset.addUrl;
        form.querySelector("[data-selection-label]").textContent = selected
            ? form.dataset.removeLabel
            : form.dataset.addLabel;
        button.classList.toggle("is-selected", selected);
    }

    document.addEventListener("submit", async function (event) {
        const form = event.target.closest("[data-selection-toggle]");
        if (!form) {
            return;
        }
        event.preventDefault();
        const button = form.querySelector("button");
        button.disabled = true;
        try {
            const response = await fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            });
            const data = await response.json();
            show(form, data.selected);
            announce(data.message, data.ok);
            document.querySelectorAll("[data-selection-count]").forEach(function (count) {
                count.textContent = data.count.toLocaleString("fr-FR");
            });
        } catch (error) {
            // An answer that is not the JSON expected (a refused token, a lost connection): post the form itself.
            form.submit();
        } finally {
            button.disabled = false;
        }
    });
})();
