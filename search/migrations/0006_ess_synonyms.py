"""The ESS vocabulary ships with the project: acronyms and their expansions, each with its public source.

The list is frozen here, in plain written forms (a migration must not change when the analysis does):
plural and spelling variants are listed for the Elasticsearch synonyms set, which matches words
before stemming. « AI » (association intermédiaire) is found when written in capitals only: in
lower case « ai » is a form of « avoir » (search.analysis.PROTECTED_ACRONYMS).
"""

import unicodedata

from django.db import migrations, models

LAW_ESS = "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire"

ESS_VOCABULARY = (
    (
        "ess",
        ("ESS", "économie sociale et solidaire"),
        f"{LAW_ESS}, art. 1er (legifrance.gouv.fr) ; ESS France (ess-france.org).",
    ),
    (
        "esus",
        ("ESUS", "entreprise solidaire d'utilité sociale", "entreprises solidaires d'utilité sociale"),
        "Agrément ESUS : code du travail, art. L. 3332-17-1, réécrit par la loi n° 2014-856, art. 11 "
        "(entreprendre.service-public.fr).",
    ),
    (
        "scop",
        (
            "SCOP",
            "Scop",
            "S.C.O.P.",
            "société coopérative et participative",
            "sociétés coopératives et participatives",
            "société coopérative ouvrière de production",
            "sociétés coopératives ouvrières de production",
        ),
        "Loi n° 78-763 du 19 juillet 1978 portant statut des sociétés coopératives ouvrières de production ; "
        "Confédération générale des SCOP (les-scop.coop). « S.C.O.P. » se cherche comme « SCOP ».",
    ),
    (
        "scic",
        ("SCIC", "Scic", "société coopérative d'intérêt collectif", "sociétés coopératives d'intérêt collectif"),
        "Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération, titre II ter, issu de la loi "
        "n° 2001-624 du 17 juillet 2001 (les-scic.coop).",
    ),
    (
        "cae",
        (
            "CAE",
            "coopérative d'activité et d'emploi",
            "coopératives d'activité et d'emploi",
            "coopérative d'activités et d'emplois",
        ),
        "Code du travail, art. L. 7331-1 et suivants (entrepreneurs salariés), issus de la loi n° 2014-856. "
        "Sigle ambigu : aussi « contrat d'accompagnement dans l'emploi », « Conseil d'analyse économique ».",
    ),
    (
        "iae",
        ("IAE", "insertion par l'activité économique"),
        "Code du travail, art. L. 5132-1 (travail-emploi.gouv.fr). Sigle ambigu : aussi « institut "
        "d'administration des entreprises » (écoles universitaires de gestion).",
    ),
    (
        "siae",
        (
            "SIAE",
            "structure d'insertion par l'activité économique",
            "structures d'insertion par l'activité économique",
        ),
        "Code du travail, art. L. 5132-4 : entreprises d'insertion, entreprises de travail temporaire "
        "d'insertion, associations intermédiaires, ateliers et chantiers d'insertion.",
    ),
    (
        "ei",
        ("EI", "entreprise d'insertion", "entreprises d'insertion"),
        "Code du travail, art. L. 5132-5. Sigle ambigu : aussi « entreprise individuelle », que ce groupe "
        "ne relie pas.",
    ),
    (
        "etti",
        ("ETTI", "entreprise de travail temporaire d'insertion", "entreprises de travail temporaire d'insertion"),
        "Code du travail, art. L. 5132-6.",
    ),
    (
        "aci",
        (
            "ACI",
            "atelier et chantier d'insertion",
            "ateliers et chantiers d'insertion",
            "atelier chantier d'insertion",
            "chantier d'insertion",
            "chantiers d'insertion",
        ),
        "Code du travail, art. L. 5132-15. Sigle ambigu : aussi « Alliance coopérative internationale ».",
    ),
    (
        "ai",
        ("AI", "association intermédiaire", "associations intermédiaires"),
        "Code du travail, art. L. 5132-7. « AI » n'est reconnu qu'écrit en capitales : en minuscules, "
        "« ai » est une forme du verbe avoir.",
    ),
    (
        "geiq",
        (
            "GEIQ",
            "groupement d'employeurs pour l'insertion et la qualification",
            "groupements d'employeurs pour l'insertion et la qualification",
        ),
        "Code du travail, art. L. 1253-1, dans sa rédaction issue de la loi n° 2014-288 du 5 mars 2014 ; "
        "Fédération française des GEIQ (lesgeiq.fr).",
    ),
    (
        "ptce",
        ("PTCE", "pôle territorial de coopération économique", "pôles territoriaux de coopération économique"),
        f"{LAW_ESS}, art. 9 ; décret n° 2015-431 du 15 avril 2015.",
    ),
    (
        "amap",
        (
            "AMAP",
            "Amap",
            "association pour le maintien d'une agriculture paysanne",
            "associations pour le maintien d'une agriculture paysanne",
            "association pour le maintien de l'agriculture paysanne",
        ),
        "Charte des AMAP (2014) du Mouvement interrégional des AMAP (miramap.org).",
    ),
    (
        "cress",
        (
            "CRESS",
            "Cress",
            "chambre régionale de l'économie sociale et solidaire",
            "chambres régionales de l'économie sociale et solidaire",
            "chambre régionale de l'ESS",
        ),
        f"{LAW_ESS}, art. 6 ; réseau des CRESS (ess-france.org).",
    ),
    (
        "rtes",
        ("RTES", "réseau des collectivités territoriales pour une économie solidaire"),
        "Réseau des collectivités Territoriales pour une Économie Solidaire (rtes.fr). « RTES » se cherche "
        "comme « RTE » (le gestionnaire du réseau électrique), que le groupe relie donc aussi.",
    ),
    (
        "cigales",
        (
            "CIGALES",
            "Cigales",
            "club d'investisseurs pour une gestion alternative et locale de l'épargne solidaire",
            "clubs d'investisseurs pour une gestion alternative et locale de l'épargne solidaire",
        ),
        "Fédération des CIGALES (cigales.asso.fr). « CIGALES » se cherche comme « cigale(s) », l'insecte.",
    ),
    (
        "ea",
        ("EA", "entreprise adaptée", "entreprises adaptées", "atelier protégé", "ateliers protégés"),
        "Code du travail, art. L. 5213-13 ; « atelier protégé » : nom d'avant la loi n° 2005-102 du 11 février 2005.",
    ),
    (
        "esat",
        (
            "ESAT",
            "établissement et service d'aide par le travail",
            "établissements et services d'aide par le travail",
            "centre d'aide par le travail",
            "centres d'aide par le travail",
        ),
        "Code de l'action sociale et des familles, art. L. 344-2 ; « centre d'aide par le travail » : nom "
        "d'avant la loi n° 2005-102 du 11 février 2005 (son sigle « CAT », ambigu, n'est pas relié).",
    ),
    (
        "sieg",
        ("SIEG", "service d'intérêt économique général", "services d'intérêt économique général"),
        "Traité sur le fonctionnement de l'Union européenne, art. 14 et 106 ; décision 2012/21/UE de la "
        "Commission (eur-lex.europa.eu).",
    ),
    (
        "tiers-lieu",
        ("tiers-lieu", "tiers-lieux", "tiers lieu", "tiers lieux", "third place", "third places"),
        "France Tiers-Lieux (francetierslieux.fr) ; « third place » : R. Oldenburg, The Great Good Place "
        "(1989). Les formes françaises se cherchent toutes comme « tiers lieu ».",
    ),
    (
        "monnaie-locale",
        (
            "monnaie locale",
            "monnaies locales",
            "monnaie locale complémentaire",
            "monnaies locales complémentaires",
            "monnaie locale complémentaire et citoyenne",
            "monnaies locales complémentaires et citoyennes",
            "MLC",
            "MLCC",
        ),
        "Code monétaire et financier, art. L. 311-5 et L. 311-6 (titres de monnaies locales "
        "complémentaires), issus de la loi n° 2014-856, art. 16.",
    ),
    (
        "circuit-court",
        ("circuit court", "circuits courts", "filière courte", "filières courtes"),
        "Ministère de l'Agriculture, plan « circuits courts » (2009) : vente directe ou avec un seul "
        "intermédiaire (agriculture.gouv.fr). « vente directe », plus étroite, n'est pas reliée.",
    ),
)


def written_form(expression):
    """An expression as a documentalist would recognise it typed again: case, accents and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", expression.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def install_ess_vocabulary(apps, schema_editor):
    """Create each shipped group whose key is absent, unless a group already lists one of its expressions.

    Existing groups are never changed: a documentalist's edit, or a group typed by hand before this
    list shipped, stays as it is.
    """
    Synonym = apps.get_model("search", "Synonym")
    existing_keys = set(Synonym.objects.exclude(key=None).values_list("key", flat=True))
    known = {
        written_form(line)
        for expressions in Synonym.objects.values_list("expressions", flat=True)
        for line in expressions.replace(",", "\n").splitlines()
        if line.strip()
    }
    for key, expressions, note in ESS_VOCABULARY:
        if key in existing_keys or known.intersection(written_form(e) for e in expressions):
            continue
        Synonym.objects.create(key=key, expressions="\n".join(expressions), note=note)


def remove_untouched_ess_vocabulary(apps, schema_editor):
    """Delete the shipped groups exactly as shipped; a group a documentalist edited stays."""
    Synonym = apps.get_model("search", "Synonym")
    for key, expressions, note in ESS_VOCABULARY:
        Synonym.objects.filter(key=key, expressions="\n".join(expressions), note=note).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_record_lengths"),
    ]

    operations = [
        migrations.AddField(
            model_name="synonym",
            name="key",
            field=models.SlugField(
                blank=True,
                editable=False,
                help_text="Nom du groupe livré avec le projet ; vide pour un groupe créé dans l'administration.",
                max_length=40,
                null=True,
                unique=True,
                verbose_name="groupe livré",
            ),
        ),
        migrations.RunPython(install_ess_vocabulary, remove_untouched_ess_vocabulary),
    ]
