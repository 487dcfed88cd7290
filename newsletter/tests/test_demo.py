"""The demo's newsletter: the list the documents name, open for sign-up, counting its goal."""

from contacts.models import MailingList
from newsletter.models import Subscriber
from strategy.models import Goal


def test_demo_has_the_jobcentre_newsletter_counting_its_goal(demo):
    mailing_list = MailingList.objects.get(municipality__code="165", slug="jobcenter")
    goal = Goal.objects.get(
        title="Nyhedsbrev på de relevante samarbejdsområder med 500 abonnenter inden 2017."
    )

    assert (mailing_list.name, mailing_list.public_signup) == ("Jobcentrets nyhedsbrev", True)
    assert mailing_list.consent_texts.count() == 1
    assert goal.platform_source == "newsletter.subscribers"
    assert not Subscriber.objects.exists()
