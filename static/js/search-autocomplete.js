/*
 * Title suggestions for the archive search boxes (progressive enhancement).
 *
 * Any <input data-autocomplete="/api/search/autocomplete/"> becomes an ARIA 1.2
 * combobox with a listbox popup: typing fetches matching titles, Up/Down move
 * through them, Enter opens the one chosen, Escape closes the list. Without
 * this script, or when the API fails, the form simply submits the query.
 * Visible strings come from the input's data-autocomplete-* attributes, which
 * the templates translate.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY = 200;

    function Autocomplete(input) {
        this.input = input;
        this.endpoint = input.getAttribute("data-autocomplete");
        this.kinds = parseJSON(input.getAttribute("data-autocomplete-kinds"));
        this.results = [];
        this.active = -1;
        this.timer = null;
        this.request = null;
        this.lastQuery = null;

        var id = (input.id || "search") + "-suggestions";
        this.wrapper = document.createElement("div");
        this.wrapper.className = "autocomplete";
        if (!input.parentNode.classList.contains("autocomplete")) {
            input.parentNode.insertBefore(this.wrapper, input);
            this.wrapper.appendChild(input);
        } else {
            this.wrapper = input.parentNode;
        }

        this.listbox = document.createElement("ul");
        this.listbox.id = id;
        this.listbox.className = "autocomplete__list";
        this.listbox.setAttribute("role", "listbox");
        this.listbox.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "");
        this.listbox.hidden = true;
        this.wrapper.appendChild(this.listbox);

        this.status = document.createElement("div");
        this.status.className = "visually-hidden";
        this.status.setAttribute("role", "status");
        this.wrapper.appendChild(this.status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", id);

        input.addEventListener("input", this.onInput.bind(this));
        input.addEventListener("keydown", this.onKeydown.bind(this));
        input.addEventListener("blur", this.onBlur.bind(this));
        this.listbox.addEventListener("mousedown", function (event) {
            event.preventDefault(); // keep the focus in the input while a suggestion is clicked
        });
        this.listbox.addEventListener("click", this.onClick.bind(this));
    }

    Autocomplete.prototype.onInput = function () {
        var self = this;
        window.clearTimeout(this.timer);
        var query = this.input.value.trim();
        if (query.length < MIN_LENGTH) {
            this.close();
            this.announce("");
            return;
        }
        this.timer = window.setTimeout(function () {
            self.fetch(query);
        }, DELAY);
    };

    Autocomplete.prototype.fetch = function (query) {
        var self = this;
        if (query === this.lastQuery && this.results.length) {
            this.open();
            return;
        }
        if (this.request) {
            this.request.abort();
        }
        this.request = new AbortController();
        var url = this.endpoint + "?q=" + encodeURIComponent(query);
        window
            .fetch(url, { headers: { Accept: "application/json" }, signal: this.request.signal })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("autocomplete: HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                if (self.input.value.trim() !== query) {
                    return;
                }
                self.lastQuery = query;
                self.render(Array.isArray(data.results) ? data.results : []);
            })
            .catch(function (error) {
                // Suggestions are a convenience: on failure the form still submits the query.
                if (error.name !== "AbortError") {
                    self.close();
                }
            });
    };

    Autocomplete.prototype.render = function (results) {
        var self = this;
        this.results = results;
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        this.listbox.textContent = "";
        results.forEach(function (result, index) {
            var option = document.createElement("li");
            option.id = self.listbox.id + "-" + index;
            option.className = "autocomplete__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            var title = document.createElement("span");
            title.className = "autocomplete__title";
            title.textContent = result.title;
            option.appendChild(title);
            var kind = self.kinds[result.kind];
            if (kind) {
                var label = document.createElement("span");
                label.className = "autocomplete__kind";
                label.textContent = kind;
                option.appendChild(document.createTextNode(" "));
                option.appendChild(label);
            }
            self.listbox.appendChild(option);
        });
        if (results.length) {
            this.open();
        } else {
            this.close();
        }
        this.announce(this.message(results.length));
    };

    Autocomplete.prototype.message = function (count) {
        if (count === 0) {
            return this.input.getAttribute("data-autocomplete-none") || "";
        }
        if (count === 1) {
            return this.input.getAttribute("data-autocomplete-one") || "";
        }
        return (this.input.getAttribute("data-autocomplete-many") || "").replace("%(count)s", count);
    };

    Autocomplete.prototype.announce = function (text) {
        this.status.textContent = text;
    };

    Autocomplete.prototype.open = function () {
        this.listbox.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
    };

    Autocomplete.prototype.close = function () {
        this.listbox.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
        this.input.removeAttribute("aria-activedescendant");
        this.setActive(-1);
    };

    Autocomplete.prototype.isOpen = function () {
        return !this.listbox.hidden;
    };

    Autocomplete.prototype.setActive = function (index) {
        var options = this.listbox.children;
        if (this.active >= 0 && options[this.active]) {
            options[this.active].setAttribute("aria-selected", "false");
            options[this.active].classList.remove("is-active");
        }
        this.active = index;
        if (index >= 0 && options[index]) {
            options[index].setAttribute("aria-selected", "true");
            options[index].classList.add("is-active");
            options[index].scrollIntoView({ block: "nearest" });
            this.input.setAttribute("aria-activedescendant", options[index].id);
        } else {
            this.input.removeAttribute("aria-activedescendant");
        }
    };

    Autocomplete.prototype.move = function (step) {
        var count = this.results.length;
        if (!count) {
            return;
        }
        if (!this.isOpen()) {
            this.open();
        }
        var next = this.active + step;
        if (next < -1) {
            next = count - 1;
        } else if (next >= count) {
            next = -1;
        }
        this.setActive(next);
    };

    Autocomplete.prototype.onKeydown = function (event) {
        switch (event.key) {
            case "ArrowDown":
            case "Down":
                if (event.altKey) {
                    if (this.results.length) {
                        this.open();
                    }
                } else {
                    this.move(1);
                }
                event.preventDefault();
                break;
            case "ArrowUp":
            case "Up":
                this.move(-1);
                event.preventDefault();
                break;
            case "Escape":
            case "Esc":
                if (this.isOpen()) {
                    this.close();
                    event.preventDefault();
                    event.stopPropagation();
                }
                break;
            case "Enter":
                if (this.isOpen() && this.active >= 0) {
                    event.preventDefault();
                    this.choose(this.active);
                }
                break;
            case "Tab":
                this.close();
                break;
            default:
                break;
        }
    };

    Autocomplete.prototype.onClick = function (event) {
        var option = event.target.closest("[role='option']");
        if (option) {
            this.choose(Array.prototype.indexOf.call(this.listbox.children, option));
        }
    };

    Autocomplete.prototype.onBlur = function () {
        this.close();
    };

    Autocomplete.prototype.choose = function (index) {
        var result = this.results[index];
        if (!result) {
            return;
        }
        this.input.value = result.title;
        this.close();
        if (result.url) {
            window.location.assign(result.url);
        } else if (this.input.form) {
            this.input.form.submit();
        }
    };

    function parseJSON(text) {
        try {
            return JSON.parse(text || "{}") || {};
        } catch (error) {
            return {};
        }
    }

    function init() {
        if (!("fetch" in window) || !("AbortController" in window)) {
            return;
        }
        var inputs = document.querySelectorAll("input[data-autocomplete]");
        Array.prototype.forEach.call(inputs, function (input) {
            if (!input.hasAttribute("data-autocomplete-ready")) {
                input.setAttribute("data-autocomplete-ready", "");
                new Autocomplete(input);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
