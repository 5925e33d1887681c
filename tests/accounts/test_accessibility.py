"""The ways in pass axe-core (WCAG 2.1 AA) at 1280 and 390 px: sign-in (with its refusal), registration, « Mon espace »
of a DU student who keeps searches and lists, and of staff with the security panel and the two-factor enrolment.

Screenshots land in var/screenshots/ (compte-*).
"""

from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from django.urls import reverse

from readinglists.models import ReadingList
from tests.alerts.support import saved_search
from tests.browser.conftest import audit, browser, sign_in, site_server  # noqa: F401 - fixtures
from tests.people import documentalists, person


def test_sign_in_and_registration_pass_axe(browser, du):  # noqa: F811
    problems = audit(browser, f"{reverse('accounts:login')}?next={du.course.url}", "compte-connexion")
    problems += audit(browser, reverse("accounts:register"), "compte-inscription")
    problems += audit(browser, reverse("accounts:password_reset"), "compte-mot-de-passe-oublie")

    browser.get(browser.site + reverse("accounts:login"))
    browser.find_element("name", "username").send_keys("etudiante")
    browser.find_element("name", "password").send_keys("pas le bon mot de passe")
    browser.find_element("css selector", "main form [type=submit]").click()
    # The click returns before the refused form comes back: wait for it (a loaded CI machine takes seconds).
    refusal = (
        WebDriverWait(browser, 20)
        .until(expected_conditions.presence_of_element_located(("css selector", "[role=alert]")))
        .text
    )
    problems += audit(browser, None, "compte-connexion-refusee")

    assert refusal, "the refused sign-in announces why"
    assert not problems, "\n".join(problems)


def test_mon_espace_of_a_student_and_of_staff_pass_axe(browser, du):  # noqa: F811
    student = du.student
    student.first_name, student.last_name = "Camille", "Martin"
    student.save()
    saved_search(student, "q=gouvernance", name="Gouvernance coopérative", frequency="weekly")
    ReadingList.objects.create(owner=student, name="Mémoire de fin d’année").items.create(position=0, page=du.course)
    sign_in(browser, student)
    problems = audit(browser, reverse("accounts:home"), "compte-mon-espace-etudiante")

    documentalist = person("documentaliste", documentalists())
    documentalist.is_staff = True
    documentalist.save()
    sign_in(browser, documentalist)
    problems += audit(browser, reverse("accounts:home"), "compte-mon-espace-documentaliste")
    problems += audit(browser, reverse("accounts:two_factor_enable"), "compte-double-authentification")

    assert not problems, "\n".join(problems)
