"""The readers: each format's files as documentalists bring them, read field by field into CSL-JSON items."""

import io
import logging
import random
import zipfile

import pytest

from citations.formats import FORMATS as EXPORTS
from citations.items import CitationEntry
from imports.readers import UnreadableFile, read
from imports.readers.latex import FULL, to_text
from imports.readers.table import PAPER_TYPES

from .fixtures import fixture_bytes, generated_bibtex, tableur_xlsx

ORCID = "https://orcid.org/0000-0002-1825-0097"


def records(name, **options):
    return read(fixture_bytes(name), name, **options).records


def by_label(name):
    return {record.label: record for record in records(name)}


def bibtex(text):
    return read(text.encode(), "refs.bib").records


def ris(text):
    return read(text.encode(), "refs.ris").records


def csv_rows(text):
    return read(text.encode(), "refs.csv").records


class TestFormatAndEncoding:
    @pytest.mark.parametrize(
        ("name", "format"),
        [
            ("zotero.bib", "bibtex"),
            ("endnote.ris", "ris"),
            ("zotero.json", "csljson"),
            ("tableur.csv", "csv"),
        ],
    )
    def test_a_file_without_a_telling_extension_is_recognised_by_its_content(self, name, format):
        assert read(fixture_bytes(name), "export").format == format

    @pytest.mark.parametrize("extension", [".bib", ".bibtex"])
    def test_bibtex_extensions(self, extension):
        assert read(fixture_bytes("hal.bib"), f"hal{extension}").format == "bibtex"

    def test_an_endnote_txt_export_is_read_as_ris(self):
        assert read(fixture_bytes("endnote.ris"), "Export EndNote.txt").format == "ris"

    def test_a_tsv_is_read_as_a_table_separated_by_tabs(self):
        result = read(b"Titre\tAuteurs\nLes SCOP\tDupont, Jean\n", "liste.tsv")
        assert (result.format, result.records[0].item["author"]) == ("csv", [{"family": "Dupont", "given": "Jean"}])

    def test_a_chosen_format_wins_over_the_extension(self):
        assert read(fixture_bytes("hal.bib"), "hal.txt", format="bibtex").records[0].label == "lefebvre:hal-01234567"

    def test_content_no_format_shows_is_refused(self):
        with pytest.raises(UnreadableFile, match="Format non reconnu"):
            read(b"Une liste de lectures sans rien de plus.", "notes")

    def test_utf8_with_and_without_bom_windows_1252_and_latin_1_give_the_same_items(self):
        text = fixture_bytes("pmb.ris").decode("latin-1")
        results = [
            read(data, "pmb.ris")
            for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("cp1252"))
        ]
        assert [result.encoding for result in results] == ["utf-8", "utf-8", "cp1252"]
        assert results[0].records[0].item["publisher"] == "Éditions de l'Atelier"
        assert all(result.records == results[0].records for result in results)

    def test_endnote_windows_1252_is_detected_with_its_curly_quotes_and_ligatures(self):
        result = read(fixture_bytes("endnote.ris"), "endnote.ris")
        assert result.encoding == "cp1252"
        assert "une œuvre collective : l’article suit" in result.records[0].item["abstract"]

    def test_latin_1_is_detected_when_a_byte_is_not_windows_1252(self):
        # 0x81 is unassigned in Windows-1252: only Latin-1 reads it (as a control character).
        result = read("TY  - BOOK\nTI  - Économie\x81\nER  - \n".encode("latin-1"), "pmb.ris")
        assert (result.encoding, result.records[0].item["title"]) == ("latin-1", "Économie\x81")

    def test_a_chosen_encoding_wins_over_the_detected_one(self):
        data = fixture_bytes("endnote.ris")
        assert read(data, "endnote.ris", encoding="latin-1").records[0].item["language"] == "Français"
        assert "l\x92article" in read(data, "endnote.ris", encoding="latin-1").records[0].item["abstract"]
        chosen = read(fixture_bytes("tableur.csv"), "tableur.csv", encoding="cp1252")
        assert chosen.encoding == "cp1252" and chosen.records[0].item["title"].endswith("RezÃ© : dix ans aprÃ¨s")

    def test_encodings_are_chosen_under_any_of_their_names(self):
        assert read(fixture_bytes("endnote.ris"), "e.ris", encoding="Windows-1252").encoding == "cp1252"
        assert read(fixture_bytes("pmb.ris"), "p.ris", encoding="ISO-8859-1").encoding == "latin-1"

    def test_a_chosen_encoding_that_cannot_read_the_file_names_the_byte_and_line(self):
        with pytest.raises(UnreadableFile, match=r"ne se lit pas en UTF-8 \(octet 0xE9 à la ligne 3\)"):
            read(fixture_bytes("pmb.ris"), "pmb.ris", encoding="utf-8")

    def test_line_ends_of_any_system_are_read(self):
        text = "TY  - BOOK\rTI  - Mac OS 9\rER  - \r"
        assert ris(text)[0].item["title"] == "Mac OS 9"


class TestRefusedFiles:
    @pytest.mark.parametrize("data", [b"", b"  \r\n\n", b"\xef\xbb\xbf\n"])
    def test_an_empty_file_is_refused(self, data):
        with pytest.raises(UnreadableFile, match="Ce fichier est vide"):
            read(data, "vide.bib")

    def test_a_pdf_renamed_bib_is_refused_as_not_a_text_file(self):
        with pytest.raises(UnreadableFile, match="Ce fichier n'est pas un fichier texte BibTeX : c'est un PDF"):
            read(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "article.bib")

    @pytest.mark.parametrize(
        ("data", "name", "what"),
        [
            (b"\x89PNG\r\n\x1a\n\x00\x00", "image.ris", "une image PNG"),
            (b"PK\x03\x04\x14\x00", "export.csv", "une archive ZIP"),
            (b"@article{a,\x00\x00 title={x}}", "nul.bib", "octets nuls"),
        ],
    )
    def test_binary_content_in_a_text_format_is_refused(self, data, name, what):
        with pytest.raises(UnreadableFile, match=what):
            read(data, name)

    @pytest.mark.parametrize("name", ["catalogue.xls", "catalogue.xlsx"])
    def test_an_old_excel_workbook_is_refused_with_what_to_do(self, name):
        with pytest.raises(UnreadableFile, match=r"classeur Excel ancien \(\.xls\) : enregistrez-le au format XLSX"):
            read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name)

    def test_a_utf16_file_is_refused_with_what_to_do(self):
        with pytest.raises(UnreadableFile, match="UTF-16 : enregistrez-le en UTF-8"):
            read("Titre;Auteurs\n".encode("utf-16"), "liste.csv")

    def test_a_file_over_the_size_limit_is_refused_before_being_read(self, settings):
        settings.KB_IMPORT_MAX_FILE_MB = 20
        data = b"@misc{x, title = {x}}\n" * (21 * 1024 * 1024 // 22 + 1)
        with pytest.raises(UnreadableFile, match="Ce fichier pèse 21,0 Mo, un import en accepte 20 au plus"):
            read(data, "enorme.bib")

    def test_the_size_limit_is_the_settings_one(self, settings):
        settings.KB_IMPORT_MAX_FILE_MB = 1
        with pytest.raises(UnreadableFile, match="un import en accepte 1 au plus"):
            read(b"x" * (1024 * 1024 + 1), "liste.csv")

    def test_more_references_than_the_limit_are_refused(self, settings):
        settings.KB_IMPORT_MAX_ROWS = 10000
        data = ("Titre\n" + "".join(f"Référence {n}\n" for n in range(10001))).encode()
        with pytest.raises(UnreadableFile, match=r"contient 10\s001 références, un import en accepte 10\s000"):
            read(data, "catalogue.csv")

    def test_bibtex_entries_over_the_limit_are_refused_before_they_are_parsed(self, settings):
        settings.KB_IMPORT_MAX_ROWS = 10000
        with pytest.raises(UnreadableFile, match=r"contient 10\s001 références"):
            read(b"@string{ess = {ESS}}\n" + generated_bibtex(10001), "catalogue.bib")

    def test_a_file_with_no_reference_asks_whether_it_is_the_format_it_claims(self):
        with pytest.raises(UnreadableFile, match=r"Aucune référence trouvée : le fichier est-il bien au format RIS \?"):
            read(b"Notice 1 : Les SCOP, 2018\n", "notices.ris")

    def test_each_refusal_is_logged_with_the_file_name(self, caplog):
        with caplog.at_level(logging.WARNING, logger="imports.readers"), pytest.raises(UnreadableFile):
            read(b"", "vide.bib")
        assert "'vide.bib'" in caplog.text and "Ce fichier est vide" in caplog.text

    @pytest.mark.parametrize("format", ["bibtex", "ris", "csljson", "csv", "xlsx"])
    def test_junk_bytes_give_a_french_refusal_or_records_never_another_error(self, format):
        generator = random.Random(13)
        for size in (1, 7, 100, 5000):
            junk = bytes(generator.randrange(256) for _ in range(size))
            for data in (junk, b"@article{" + junk, b"TY  - JOUR\n" + junk, b"[{" + junk, b"PK\x03\x04" + junk):
                try:
                    read(data, "junk", format=format)
                except UnreadableFile as refusal:
                    assert str(refusal)


class TestBibTeX:
    def test_a_zotero_export_is_read_field_by_field(self):
        record = by_label("zotero.bib")["le_goff_habitat_2019"]
        assert record.line == 3
        assert record.item == {
            "type": "article-journal",
            "title": "L'habitat participatif à Nantes : une coopérative d'habitants face au marché",
            "author": [
                {"family": "Le Goff", "given": "Anne", "ORCID": ORCID},
                {"family": "Clément", "given": "Françoise"},
            ],
            "issued": {"date-parts": [[2019, 6]]},
            "container-title": "RECMA : Revue internationale de l'économie sociale",
            "volume": "98",
            "issue": "352",
            "page": "45-62",
            "DOI": "10.3917/recma.352.0045",
            "URL": "https://www.cairn.info/revue-recma-2019-2-page-45.htm?contenu=resume&ref=50%25",
            "language": "fr",
            "abstract": "Cet article retrace l'histoire d'une coopérative d'habitants de l'Île de Nantes, de la "
            "première réunion au premier loyer.\n\nIl montre comment 50\u00a0% des ménages ont pu rester dans le "
            "quartier.",
            "keyword": "ESS, Se loger, Nantes, habitat participatif",
            "custom": {"file": "files/12/Le Goff et Clément - 2019 - L'habitat participatif à Nantes.pdf"},
        }
        assert record.ignored == ["issn", "shorttitle", "urldate"] and record.problems == []

    def test_latex_accents_ligatures_dashes_and_protecting_braces_are_decoded(self):
        entries = by_label("zotero.bib")
        assert entries["de_la_tour_oeuvre_2017"].item["title"] == (
            "Œuvrer ensemble – les SCOP et SCIC du Grand Ouest face à la crise"
        )
        assert entries["bernard_mobilite_2020"].item["author"][1] == {"family": "Öztürk", "given": "Ayşe"}
        assert entries["moreau_sante_2018"].item["container-title"] == "Actes des XVIIIèmes Rencontres du RIUESS"

    def test_particles_stay_in_the_family_name_and_a_braced_organisation_is_cited_whole(self):
        entries = by_label("zotero.bib")
        assert entries["de_la_tour_oeuvre_2017"].item["author"] == [{"family": "de La Tour", "given": "Marie"}]
        assert entries["moreau_sante_2018"].item["author"][1] == {"family": "van der Berg", "given": "Pieter"}
        assert entries["cress_emploi_2021"].item["author"] == [
            {"literal": "Chambre régionale de l'économie sociale et solidaire des Pays de la Loire"}
        ]

    def test_a_crossref_chapter_takes_its_book_title_publisher_place_and_year(self):
        chapter = by_label("zotero.bib")["bernard_mobilite_2020"]
        assert chapter.item["container-title"] == "L'économie sociale et solidaire en Pays de la Loire"
        assert (chapter.item["publisher"], chapter.item["publisher-place"]) == (
            "Presses universitaires de Rennes",
            "Rennes",
        )
        assert chapter.item["issued"] == {"date-parts": [[2020]]}
        assert "DOI" not in chapter.item  # the book's DOI is not the chapter's
        assert chapter.item["custom"]["file"] == "files/21/Bernard - 2020 - Se déplacer sans voiture.pdf"

    def test_a_crossref_to_an_entry_missing_from_the_file_is_a_problem(self):
        [record] = bibtex("@incollection{c, title = {Chapitre}, author = {Dupont, Jean}, crossref = {absent}}")
        assert [(p.field, p.message) for p in record.problems] == [
            ("crossref", "La référence parente « absent » (crossref) n'est pas dans le fichier.")
        ]

    def test_an_entry_with_an_unclosed_brace_is_refused_at_its_line_and_the_next_ones_are_read(self):
        entries = records("zotero.bib")
        broken = next(record for record in entries if record.problems)
        assert (broken.line, broken.label) == (59, "dupont_scop_2018")
        assert "une accolade ou un guillemet n'est pas refermé" in broken.problems[0].message
        assert [record.label for record in entries if not record.problems][-2:] == [
            "cress_emploi_2021",
            "moreau_sante_2018",
        ]

    def test_an_extra_closing_brace_is_named_rather_than_its_last_fields_dropped(self):
        [record] = bibtex("@article{a,\n  title = {Les SCOP}},\n  year = {2018}\n}\n")
        assert "accolade fermante en trop" in record.problems[0].message

    def test_string_macros_and_month_macros_are_resolved(self):
        entry = by_label("zotero.bib")["cress_emploi_2021"]
        assert entry.item["issued"] == {"date-parts": [[2021, 11]]}
        assert by_label("hal.bib")["durand:halshs-02345678"].item["issued"] == {"date-parts": [[2019, 10]]}

    def test_values_joined_with_hash_from_macros_and_text_are_resolved(self):
        [record] = bibtex(
            '@string{recma = "RECMA"}\n@string{pur = {Presses universitaires de Rennes}}\n'
            '@article{a, title = "Les " # {SCOP} # " en France", journal = recma # " : revue", publisher = pur,'
            " note = {C# et F#}}"
        )
        assert (record.item["title"], record.item["container-title"]) == ("Les SCOP en France", "RECMA : revue")
        assert record.item["publisher"] == "Presses universitaires de Rennes"

    @pytest.mark.parametrize(
        ("fields", "issued"),
        [
            ("date = {2007-13-45}", {"date-parts": [[2007, 13, 45]]}),
            ("date = {2018-10-11/2018-10-12}", {"date-parts": [[2018, 10, 11]]}),
            ("year = {s.d.}", {"raw": "s.d."}),
            ("year = {2019}, month = {juin}", {"date-parts": [[2019, 6]]}),
            ("year = {2019}, month = {printemps}", {"raw": "printemps 2019"}),
            ("year = {2019}, month = {6}, day = {15}", {"date-parts": [[2019, 6, 15]]}),
        ],
    )
    def test_dates_keep_what_the_file_says_for_the_mapping_to_judge(self, fields, issued):
        assert bibtex(f"@article{{a, title = {{T}}, {fields}}}")[0].item["issued"] == issued

    def test_biblatex_date_journaltitle_location_langid_and_a_hal_eprint(self):
        entries = by_label("biblatex.bib")
        article, thesis = entries["guerin_mobilite_2019"].item, entries["martin_tiers-lieux_2022"].item
        assert article["issued"] == {"date-parts": [[2019, 6]]}
        assert article["container-title"] == "Revue française de socio-économie"
        assert article["language"] == "french"
        assert (thesis["type"], thesis["genre"], thesis["publisher-place"]) == ("thesis", "Mémoire", "Nantes")
        assert thesis["custom"]["hal_id"] == "dumas-03801234"
        assert entries["observatoire_entreprendre_2020"].item["number"] == "2020-04"
        assert entries["nguyen_scic_2018"].item["event-title"] == "Colloque « Coopérer pour la transition »"

    def test_orcid_annotations_go_to_the_authors_they_number(self):
        item = by_label("biblatex.bib")["kb-page-42"].item
        assert item["author"] == [
            {"family": "Le Goff", "given": "Anne", "ORCID": ORCID},
            {"literal": "Réseau des CRESS"},
            {"family": "Clément", "given": "Françoise", "ORCID": "https://orcid.org/0000-0001-5109-3700"},
        ]
        assert (item["custom"]["hal_id"], item["language"]) == ("hal-03456789", "fr")

    def test_hal_bibtex_reads_its_upper_case_fields_and_hal_id(self):
        record = by_label("hal.bib")["lefebvre:hal-01234567"]
        assert record.item["title"] == "L'économie sociale et solidaire face aux territoires : le cas nantais"
        assert record.item["container-title"] == "Revue d'Économie Régionale & Urbaine"
        assert record.item["keyword"] == "économie sociale et solidaire, territoire, Nantes"
        assert record.item["custom"] == {"hal_id": "hal-01234567"}
        assert record.ignored == ["pdf", "hal_version"]

    @pytest.mark.parametrize(
        ("entry", "genre"),
        [
            ("@phdthesis{a, title = {T}}", "Thèse de doctorat"),
            ("@mastersthesis{a, title = {T}}", "Mémoire"),
            ("@thesis{a, title = {T}, type = {phdthesis}}", "Thèse de doctorat"),
            ("@thesis{a, title = {T}, type = {mathesis}}", "Mémoire"),
            ("@thesis{a, title = {T}, type = {Mémoire de Master 2}}", "Mémoire"),
        ],
    )
    def test_theses_and_dissertations_are_told_apart(self, entry, genre):
        assert bibtex(entry)[0].item["genre"] == genre

    def test_dropped_fields_are_listed_as_ignored(self):
        assert by_label("zotero.bib")["ess_pays_de_la_loire_2020"].ignored == ["series", "isbn", "editor"]

    @pytest.mark.parametrize(
        ("field", "path"),
        [
            ("{:pdf/guide-habitat.pdf:PDF}", "pdf/guide-habitat.pdf"),
            (r"{:C\:/Users/doc/guide.pdf:pdf}", "C:/Users/doc/guide.pdf"),
            ("{Snapshot:files/3/page.html:text/html}", None),
        ],
    )
    def test_jabref_and_mendeley_file_fields_name_the_pdf(self, field, path):
        item = bibtex(f"@book{{a, title = {{T}}, file = {field}}}")[0].item
        assert item.get("custom", {}).get("file") == path

    def test_two_entries_with_one_key_and_an_entry_with_a_field_twice_are_problems(self):
        first, second, third = bibtex(
            "@book{a, title = {Un}}\n@book{a, title = {Deux}}\n@book{b, title = {T}, title = {T2}}\n"
        )
        assert first.problems == []
        assert "porte déjà la clé « a »" in second.problems[0].message
        assert third.problems[0].field == "title"

    def test_a_reference_without_a_title_is_a_problem(self):
        assert bibtex("@book{a, author = {Dupont, Jean}}")[0].problems[0].field == "title"

    @pytest.mark.slow
    def test_ten_thousand_entries_are_read_without_error(self, settings):
        settings.KB_IMPORT_MAX_FILE_MB = 20
        result = read(generated_bibtex(10000), "catalogue.bib")
        assert len(result.records) == 10000 and not any(record.problems for record in result.records)
        assert result.records[-1].item["author"][2] == {"literal": "Réseau des CRESS"}


class TestLatex:
    @pytest.mark.parametrize(
        "value",
        [
            r"L'habitat participatif {\`a} {Nantes} -- une coop{\'e}rative~d'habitants",
            r"\'Economie sociale \& solidaire : 50\,\% ?",
            r"{\oe}uvre, \OE uvre, c{\oe}ur, Stra\ss e",
            r"\c{c}a \c c \c{C}a, Fran{\c c}oise, \v{s}\u{a}\H{o}\k{e}\r{a}\={o}\.{z}",
            r"\"{o}\"u \^{e}\^i \`{a} {\'E}conomie \'{E}tat",
            r"``citation'' --- fin, 12--34, a\ldots{} b, \ldots suite",
            r"10\% \$ \# \_ \{x\}, x^2 $x^2$",
            r"\emph{Texte} \textit{Homo sapiens}, n\textsuperscript{o} 5, \textit{L{\'e}tat}",
            r"\'{\i}le, \textquoteright s",
            "a\n\nb, {Protected} {SCOP}",
        ],
    )
    def test_the_quick_decoding_agrees_with_pylatexenc(self, value):
        assert to_text(value) == FULL.latex_to_text(value)

    def test_a_bare_percent_is_text_not_a_latex_comment(self):
        assert to_text(r"50 % des coop{\'e}ratives") == "50 % des coopératives"

    def test_french_quotes_keep_their_no_break_spaces(self):
        assert to_text(r"\og Se loger \fg{} en 2020") == "«\u00a0Se loger\u00a0» en 2020"


class TestRIS:
    def test_an_endnote_export_is_read_field_by_field(self):
        record = records("endnote.ris")[0]
        assert (record.line, record.label) == (1, "12")
        assert record.item == {
            "type": "article-journal",
            "title": "Les SCOP en France : un modèle à part ?",
            "author": [{"family": "Dupont", "given": "Jean"}, {"family": "Mercier", "given": "Élodie"}],
            "issued": {"date-parts": [[2018, 3]]},
            "container-title": "Revue française de gestion",
            "volume": "44",
            "issue": "272",
            "page": "101-118",
            "DOI": "10.3917/rfg.272.0101",
            "URL": "https://www.cairn.info/revue-francaise-de-gestion-2018-3-page-101.htm",
            "language": "Français",
            "abstract": "Les sociétés coopératives et participatives (SCOP) forment une œuvre collective : l’article "
            "suit douze d’entre elles, de Nantes à Saint-Nazaire, sur dix ans.",
            "keyword": "coopératives, Créer des emplois",
            "custom": {"file": "0712345678/Dupont-2018-Les SCOP en France.pdf"},
        }
        assert record.ignored == ["AD", "N1", "SN", "ST"]

    def test_each_record_is_at_the_line_of_its_ty(self):
        assert [record.line for record in records("endnote.ris")] == [1, 27, 44, 63]

    def test_endnote_thesis_report_and_chapter(self):
        thesis, report, chapter = records("endnote.ris")[1:]
        assert (thesis.item["genre"], thesis.item["issued"]) == ("Thèse de doctorat", {"date-parts": [[2016, 12, 5]]})
        assert report.item["author"] == [{"literal": "Observatoire régional de l’ESS des Pays de la Loire"}]
        assert (report.item["genre"], report.item["custom"]["file"]) == (
            "Rapport d’étude",
            "C:/Users/documentation/EndNote/PDF/habitat-cooperatif-2020.pdf",
        )
        assert chapter.item["container-title"] == "L’économie sociale et solidaire en Pays de la Loire"
        assert chapter.item["custom"] == {"hal_id": "hal-02876543"}
        assert chapter.ignored == ["A2", "ET", "SN"]

    def test_a_pmb_export_with_its_older_tags(self):
        book, article, chapter = records("pmb.ris")
        assert book.item["author"][1] == {"family": "Glémain", "given": "Pascal"}
        assert (book.item["publisher"], book.item["publisher-place"]) == ("Éditions de l'Atelier", "Ivry-sur-Seine")
        assert book.ignored == ["SN", "N1"]
        assert article.item["title"] == "Les PTCE en Pays de la Loire : une dynamique territoriale"
        assert article.item["author"] == [{"family": "Fraisse", "given": "Laurent"}]
        assert article.item["issued"] == {"date-parts": [[2014, 5, 1]]}
        assert article.item["container-title"] == "Revue internationale de l'économie sociale"
        assert article.item["page"] == "78-92"
        assert (chapter.label, chapter.ignored) == ("1525", ["ED", "M1"])

    def test_the_archives_own_orcid_notes_and_hal_accession_number_read_back(self):
        article, report = records("zotero.ris")
        assert article.item["author"][0] == {"family": "Le Goff", "given": "Anne", "ORCID": ORCID}
        assert "N1" not in article.ignored
        assert report.item["author"][1]["ORCID"] == "https://orcid.org/0000-0002-1694-233X"
        assert report.item["custom"] == {"hal_id": "hal-04012345"}

    def test_a_pdf_address_on_the_web_is_no_file_to_find_in_the_zip(self):
        report = records("zotero.ris")[1]
        assert "file" not in report.item["custom"] and "L1" in report.ignored

    def test_an_accession_number_that_is_no_hal_id_is_ignored(self):
        [record] = ris("TY  - JOUR\nTI  - T\nAN  - 000123456789\nER  - \n")
        assert "hal_id" not in record.item.get("custom", {}) and record.ignored == ["AN"]

    def test_a_doi_old_endnote_versions_put_in_m3_is_the_doi(self):
        [record] = ris("TY  - JOUR\nTI  - T\nM3  - 10.3917/rfg.272.0101\nER  - \n")
        assert record.item["DOI"] == "10.3917/rfg.272.0101" and record.ignored == []

    def test_a_record_cut_before_its_er_line_is_a_problem(self):
        first, cut = ris("TY  - JOUR\nTI  - Un\nER  - \n\nTY  - JOUR\nTI  - Deux\nPY  - 20")
        assert first.problems == [] and cut.item["title"] == "Deux"
        assert (cut.line, cut.problems[0].field) == (5, "ER")

    def test_tags_written_with_one_space_are_read(self):
        assert ris("TY - BOOK\nTI - Un livre\nER -\n")[0].item == {"type": "book", "title": "Un livre"}

    def test_a_repeated_title_continued_on_the_next_line_is_a_problem_not_an_error(self):
        [record] = ris("TY  - JOUR\nTI  - Un\nTI  - Deux\nsuite du titre\nER  - \n")
        assert "figure deux fois" in record.problems[0].message


class TestCSLJSON:
    def test_zotero_items_are_kept_as_they_are_with_numbers_for_dates(self):
        first = records("zotero.json")[0]
        assert (first.line, first.label) == (2, "http://zotero.org/users/4815162/items/QK7ZP3XE")
        assert first.item["issued"] == {"date-parts": [[2019, 6]]}
        assert first.item["author"] == [
            {"family": "Guérin", "given": "Isabelle"},
            {"family": "Lemaître", "given": "Jean-Marc"},
        ]
        assert first.ignored == ["ISSN", "source", "accessed"]

    def test_each_item_is_at_the_line_where_it_opens(self):
        assert [record.line for record in records("zotero.json")] == [2, 44, 75, 100]

    def test_the_archives_own_item_keeps_its_custom_data(self):
        item = by_label("zotero.json")["kb-page-42"].item
        assert item["custom"]["hal_id"] == "hal-03456789"
        assert item["author"][0]["ORCID"] == ORCID

    def test_items_wrapped_in_an_object_are_read_at_their_lines(self):
        text = '{"schema": {"items": 0},\n "items": [\n  {"title": "Un"},\n  {"title": "Deux"}\n]}'
        assert [(r.line, r.item["title"]) for r in read(text.encode(), "x.json").records] == [(3, "Un"), (4, "Deux")]

    def test_json_that_is_not_a_list_of_items_is_refused(self):
        with pytest.raises(UnreadableFile, match="n'est pas une liste de références CSL-JSON"):
            read(b'{"title": "Une seule"}', "x.json")

    def test_broken_json_names_its_line_and_column(self):
        with pytest.raises(UnreadableFile, match=r"pas du JSON valide \(ligne 3, colonne 3\)"):
            read(b'[\n  {"title": "Un"}\n  {"title": "Deux"}\n]', "x.json")

    def test_an_item_that_is_no_object_or_has_no_title_is_a_problem(self):
        first, second, third = read(b'[1, {"author": []}, {"title": "T", "issued": "2019"}]', "x.json").records
        assert [p.field for p in first.problems + second.problems + third.problems] == ["", "title", "issued"]


class TestSpreadsheets:
    def test_a_french_spreadsheet_saved_as_csv_is_read_field_by_field(self):
        result = read(fixture_bytes("tableur.csv"), "tableur.csv")
        assert (result.format, result.encoding) == ("csv", "utf-8")
        record = result.records[0]
        assert (record.line, record.label, record.ignored, record.problems) == (2, "ligne 2", ["Cote"], [])
        assert record.item == {
            "type": "article-journal",
            "title": "Les coopératives d'habitants à Rezé : dix ans après",
            "author": [
                {"family": "Le Goff", "given": "Anne", "ORCID": ORCID, "affiliation": "Nantes Université"},
                {"family": "Clément", "given": "Françoise", "affiliation": "CNRS"},
            ],
            "issued": {"date-parts": [[2020, 9]]},
            "container-title": "Revue d'économie régionale et urbaine",
            "publisher": "Armand Colin",
            "volume": "2020",
            "issue": "4",
            "page": "567-590",
            "DOI": "10.3917/reru.204.0567",
            "URL": "https://www.cairn.info/revue-d-economie-regionale-et-urbaine-2020-4-page-567.htm",
            "language": "fr",
            "abstract": "Dix ans après leur installation, les habitants de deux coopératives de Rezé racontent.\n\n"
            "L'enquête suit aussi leurs voisins.",
            "keyword": "Se loger, habitat participatif, coopératives",
            "custom": {
                "hal_id": "hal-02987654",
                "file": "pdf/cooperatives-reze-2020.pdf",
                "poles": ["Habitat"],
                "themes": ["Se loger"],
                "territories": ["Rezé", "44109"],
            },
        }

    def test_the_type_column_gives_type_and_genre_and_a_french_date_is_read(self):
        rows = records("tableur.csv")
        assert [(r.item.get("type"), r.item.get("genre")) for r in rows] == [
            ("article-journal", None),
            ("thesis", "Mémoire"),
            ("report", "Rapport d'étude"),
            ("article-journal", None),
            ("chapter", None),
            ("paper-conference", "Communication"),
        ]
        assert rows[2].item["issued"] == {"date-parts": [[2022, 6]]}

    def test_the_type_column_follows_the_archives_paper_types(self):
        from resources.models import PAPER_CITATION_TYPES, PaperType

        for paper_type, (csl_type, genre) in PAPER_CITATION_TYPES.items():
            assert PAPER_TYPES[str(PaperType(paper_type).label)] == (csl_type, str(genre))

    def test_a_formula_cell_refuses_its_row_naming_the_column(self):
        row = records("tableur.csv")[3]
        assert [p.field for p in row.problems] == ["Titre"]
        assert row.problems[0].message.startswith("La cellule ressemble à une formule de tableur (=HYPERLINK(")

    def test_the_quote_the_archives_export_puts_before_a_sign_is_dropped(self):
        assert (
            records("tableur.csv")[4].item["title"]
            == "+ de solidarité dans les quartiers : les régies de quartier nantaises"
        )

    def test_orcid_ids_alone_go_to_the_authors_in_order(self):
        assert records("tableur.csv")[5].item["author"][1]["ORCID"] == "https://orcid.org/0000-0001-5109-3700"

    @pytest.mark.parametrize(
        "cell",
        ["=SOMME(A1:A3)", "+A1", "-B2+1", "@SUM(A1)", "=cmd|' /C calc'!A0", '=HYPERLINK("http://x";"y")'],
    )
    def test_a_csv_of_formulas_is_refused_row_by_row(self, cell):
        [row] = csv_rows(f'Titre;Pages\nLes SCOP;"{cell.replace(chr(34), 2 * chr(34))}"\n')
        assert [p.field for p in row.problems] == ["Pages"]

    @pytest.mark.parametrize("cell", ["-12", "- une liste", "+33 2 40 00 00 00", "@cress_pdl"])
    def test_text_opening_with_a_sign_is_no_formula(self, cell):
        assert csv_rows(f"Titre;Résumé\nLes SCOP;{cell}\n")[0].problems == []

    @pytest.mark.parametrize("separator", [",", "\t", ";"])
    def test_the_separator_is_the_one_of_the_heading_row(self, separator):
        text = (
            separator.join(["Title", "Authors", "Year"])
            + "\n"
            + separator.join(['"Les SCOP, 20 ans"', "Dupont, Jean", "2018"])
        )
        text = text.replace("Dupont, Jean", '"Dupont, Jean"')
        [row] = csv_rows(text + "\n")
        assert (row.item["title"], row.item["author"], row.item["issued"]) == (
            "Les SCOP, 20 ans",
            [{"family": "Dupont", "given": "Jean"}],
            {"date-parts": [[2018]]},
        )

    def test_a_sheet_without_a_title_column_is_refused(self):
        with pytest.raises(UnreadableFile, match="Aucune colonne « Titre »"):
            read("Nom;Prénom\nDupont;Jean\n".encode(), "contacts.csv")

    def test_two_columns_with_one_heading_are_refused(self):
        with pytest.raises(UnreadableFile, match="Deux colonnes portent l'intitulé « title »"):
            read(b"Titre;title\nUn;Deux\n", "liste.csv")

    def test_an_unclosed_quote_is_refused_with_its_line(self):
        with pytest.raises(UnreadableFile, match="mal formé ligne 3"):
            read(b'Titre;Auteurs\nUn;Dupont\n"Deux;Martin\n', "liste.csv")

    def test_an_orcid_for_someone_who_is_not_an_author_is_a_problem(self):
        [row] = csv_rows("Titre;Auteurs;ORCID\nT;Dupont, Jean;Martin, Paul : 0000-0002-1825-0097\n")
        assert row.problems[0].field == "ORCID" and "Martin, Paul" in row.problems[0].message

    def test_an_unknown_type_is_a_problem_listing_the_known_ones(self):
        [row] = csv_rows("Titre;Type\nT;Affiche\n")
        assert "Type inconnu : « Affiche ». Types reconnus : Article, Thèse, Mémoire" in row.problems[0].message

    def test_an_excel_workbook_is_read_with_english_headings_numbers_and_dates(self):
        result = read(tableur_xlsx(), "tableur.xlsx")
        assert (result.format, result.encoding) == ("xlsx", "")
        book, article, working_paper, formula = result.records
        assert book.item["issued"] == {"date-parts": [[2017]]}
        assert book.item["author"] == [{"literal": "Collectif Habitat participatif Ouest"}]
        assert article.item == {
            "type": "article-journal",
            "title": "Les épiceries solidaires de Nantes Métropole",
            "author": [{"family": "Guérin", "given": "Isabelle"}, {"family": "Martin", "given": "Léa"}],
            "issued": {"date-parts": [[2021, 5, 17]]},
            "container-title": "Revue française de socio-économie",
            "volume": "12",
            "issue": "3",
            "page": "45-60",
            "DOI": "10.3917/rfse.027.0045",
            "keyword": "épicerie solidaire, alimentation",
            "custom": {"themes": ["Se nourrir"], "territories": ["44109", "Rezé"]},
        }
        assert (working_paper.item["genre"], working_paper.item["custom"]) == (
            "Document de travail",
            {"file": "pdf/scic-2023.pdf"},
        )
        assert [(p.field, formula.line) for p in formula.problems] == [("Pages", 5)]

    def test_a_damaged_workbook_is_refused(self):
        with pytest.raises(UnreadableFile, match="Ce classeur XLSX est illisible"):
            read(tableur_xlsx()[:2000], "tableur.xlsx")

    def test_a_zip_that_is_no_workbook_is_refused(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("article.pdf", b"%PDF-1.4")
        with pytest.raises(UnreadableFile, match="Ce classeur XLSX est illisible"):
            read(buffer.getvalue(), "articles.xlsx")

    def test_a_workbook_that_would_unzip_to_gigabytes_is_refused(self, settings):
        settings.KB_IMPORT_MAX_FILE_MB = 1
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (21 * 1024 * 1024))
        with pytest.raises(UnreadableFile, match="trop volumineux une fois décompressé"):
            read(buffer.getvalue(), "bombe.xlsx")


ARCHIVE_ITEM = {
    "type": "article-journal",
    "title": "L'ESS à Nantes : vingt ans de coopération",
    "author": [{"family": "Le Goff", "given": "Anne", "ORCID": ORCID}, {"literal": "Réseau des CRESS"}],
    "issued": {"date-parts": [[2022, 3]]},
    "container-title": "RECMA",
    "volume": "365",
    "issue": "3",
    "page": "12-29",
    "DOI": "10.3917/recma.365.0012",
    "language": "fr",
    "abstract": "Vingt ans de coopération entre les acteurs nantais de l'ESS.",
    "keyword": "ESS, Nantes, Se loger",
    "custom": {"kind": "research_paper", "hal_id": "hal-03456789"},
}
KEPT = ["type", "title", "author", "issued", "container-title", "volume", "issue", "page", "DOI", "language"]


@pytest.mark.parametrize("name", ["bibtex", "ris", "csljson", "csv"])
def test_what_the_archive_exports_reads_back_with_the_same_fields(name):
    export = EXPORTS[name]
    text = export.render([CitationEntry("kb-page-42", ARCHIVE_ITEM)])
    [record] = read(text.encode("utf-8"), export.filename("x")).records
    assert {key: record.item.get(key) for key in KEPT} == {key: ARCHIVE_ITEM[key] for key in KEPT}
    assert (record.item["abstract"], record.item["keyword"]) == (ARCHIVE_ITEM["abstract"], ARCHIVE_ITEM["keyword"])
    assert record.item["custom"]["hal_id"] == "hal-03456789" and record.problems == []
