/*
 * « Copier la référence » (progressive enhancement of the « Citer » sections).
 *
 * Each [data-cite] block holds a reference, a hidden copy button and a status
 * region. This script shows the button; a click (or Enter / Space, it is a
 * <button>) copies the reference, with its italics for word processors and as
 * plain text for everything else, then announces it in the status region.
 * When the browser refuses the clipboard (no permission, no secure context),
 * the reference is selected instead and the message says how to copy it.
 * Without this script the reference is plain text anyone can select.
 * Messages come from the button's data-copied / data-refused attributes, which
 * the templates translate.
 */
(function () {
    "use strict";

    function copy(reference) {
        var text = reference.textContent.replace(/\s+/g, " ").trim();
        if (!navigator.clipboard) {
            return Promise.reject(new Error("no clipboard"));
        }
        if (window.ClipboardItem && navigator.clipboard.write) {
            var formats = {
                "text/plain": new Blob([text], { type: "text/plain" }),
                "text/html": new Blob([reference.innerHTML], { type: "text/html" })
            };
            return navigator.clipboard.write([new window.ClipboardItem(formats)]).catch(function () {
                return navigator.clipboard.writeText(text);
            });
        }
        return navigator.clipboard.writeText(text);
    }

    function select(reference) {
        var range = document.createRange();
        range.selectNodeContents(reference);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    function announce(status, message) {
        // Emptied first, so that a second copy is announced again.
        status.textContent = "";
        window.setTimeout(function () {
            status.textContent = message;
        }, 100);
    }

    function enhance(block) {
        var button = block.querySelector("[data-cite-copy]");
        var reference = block.querySelector("[data-cite-reference]");
        var status = block.querySelector("[data-cite-status]");
        if (!button || !reference || !status) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            copy(reference).then(
                function () {
                    announce(status, button.getAttribute("data-copied"));
                },
                function () {
                    select(reference);
                    announce(status, button.getAttribute("data-refused"));
                }
            );
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-cite]"), enhance);
})();
