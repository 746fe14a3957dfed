"""Who hears about an association's dues: the people acting today for it (a current
membership, whatever their role), with an active account and an address."""

from collections import defaultdict

from extranet.accounts.models import Membership


def people_of(association_ids):
    """{association id: [its people, by id]} for the given associations (one query); an
    association without anybody to write to is left out."""
    memberships = (Membership.objects.current()
                   .filter(association_id__in=list(association_ids), person__is_active=True)
                   .exclude(person__email="").select_related("person")
                   .order_by("association_id", "person_id"))
    people = defaultdict(list)
    for membership in memberships:
        if membership.person not in people[membership.association_id]:
            people[membership.association_id].append(membership.person)
    return dict(people)
