/*
 * Several territories in a plain admin form (kb.widgets.TerritoriesChooser).
 *
 * Wagtail's snippet chooser, opened in its multiple mode as MultipleChooserPanel opens it:
 * each territory chosen becomes a ticked box named after the field; unticking one removes it
 * when the form is saved.
 */
class TerritoriesChooser extends window.SnippetChooser {
    constructor(id, name) {
        super(id);
        this.name = name;
        this.list = this.chooserElement.querySelector("[data-territories-list]");
    }

    getModalOptions() {
        return { ...super.getModalOptions(), multiple: true };
    }

    setStateFromModalData(chosen) {
        for (const territory of [].concat(chosen)) {
            const id = String(territory.id);
            const present = [...this.list.querySelectorAll("input")].find((input) => input.value === id);
            if (present) {
                present.checked = true;
                continue;
            }
            const input = document.createElement("input");
            input.type = "checkbox";
            input.name = this.name;
            input.value = id;
            input.checked = true;
            const label = document.createElement("label");
            label.append(input, ` ${territory.string}`);
            const item = document.createElement("li");
            item.append(label);
            this.list.append(item);
        }
    }
}

/*
 * Started by Stimulus on each widget, including those the admin inserts later (multiple upload),
 * rather than by an inline script, which the site's Content-Security-Policy would refuse.
 */
class TerritoriesChooserController extends window.StimulusModule.Controller {
    static values = { input: String, name: String };

    connect() {
        this.chooser ??= new TerritoriesChooser(this.inputValue, this.nameValue);
    }
}

window.wagtail.app.register("kb-territories-chooser", TerritoriesChooserController);
