"""The library at volume, made once in bulk: the associations, groups and bodies, one member,
folders of every rule (nested), documents with their tags, versions and text, and Wagtail's
search index for them."""

import datetime
import random
import time

PREFIX = "Banc d'essai"
BIG_FOLDER_DOCUMENTS = 1000

# Words of the documents, the most common first (their frequency falls as 1/rank).
VOCABULARY = """association assemblée générale collectif réunion membres bureau conseil
administration projet budget subvention commune département région bénévoles salariés
adhésion cotisation rapport activité compte rendu ordre jour vote décision proposition
commission groupe travail logement santé éducation jeunesse culture sport solidarité
insertion emploi formation accompagnement accueil familles enfants quartier habitants
partenaires financement convention charte statuts règlement intérieur trésorerie bilan
exercice comptable dépenses recettes excédent déficit prévisionnel dossier demande appel
candidatures calendrier planning atelier permanence événement fête festival rencontre
débat conférence publication lettre information communication site réseau sociaux presse
mairie préfecture caisse allocations fondation mécénat dons legs bénévolat engagement
citoyenneté démocratie participation transparence gouvernance coordination animation
territoire ville village rural urbain transport mobilité environnement climat énergie
alimentation jardin partagé épicerie sociale vêtements recyclerie ressourcerie numérique
inclusion accès droits juridique permanence écrivain public alphabétisation français langue
migrants réfugiés hébergement urgence sans-abri précarité pauvreté exclusion handicap
accessibilité personnes âgées isolement aidants soins prévention addictions écoute parole
femmes égalité discriminations violences protection enfance parentalité scolarité soutien
devoirs périscolaire loisirs vacances séjours colonies centre social maison quartier
locaux salle matériel véhicule assurance responsabilité sécurité hygiène contrat embauche
poste fiche mission recrutement volontaire service civique stage tutorat évaluation
indicateurs objectifs résultats impact questionnaire enquête diagnostic besoins priorités
orientations stratégie plan pluriannuel feuille route échéances suivi comité pilotage
technique référent correspondant délégation mandat représentant procuration quorum
majorité unanimité abstention amendement motion résolution procès-verbal signature
tampon courrier mail téléphone adresse siège social déclaration journal officiel
"""
WORDS = VOCABULARY.split()
# A word of few documents (one in 400), to search for.
RARE_WORDS = [f"rarissime{n}" for n in range(40)]
TAGS = [
    "statuts", "assemblée générale", "compte rendu", "budget", "subventions", "charte",
    "logement", "santé", "jeunesse", "culture", "sport", "emploi", "formation", "juridique",
    "communication", "bénévolat", "gouvernance", "numérique", "environnement", "solidarité",
    "modèles", "méthodes", "outils", "fiches pratiques", "rapports", "conventions", "presse",
    "partenaires", "trésorerie", "élections",
]
KINDS = ["Compte rendu", "Rapport d'activité", "Budget prévisionnel", "Fiche pratique",
         "Convention", "Note", "Procès-verbal", "Modèle", "Guide", "Dossier de subvention"]


def weighted_words(rng, count):
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]
    words = rng.choices(WORDS, weights=weights, k=count)
    if rng.random() < 0.1:
        words[rng.randrange(count)] = rng.choice(RARE_WORDS)
    return words


def make_people():
    """Associations, working groups, bodies and the member: in 2 of the 8 groups, acting for
    one member association (plain member, no coordination)."""
    from django.contrib.auth import get_user_model

    from directory.models import Association
    from extranet.accounts.models import Membership, Role
    from extranet.governance.models import Body, BodyKind
    from extranet.groups.models import GroupMember, WorkingGroup

    Association.objects.bulk_create(
        Association(name=f"{PREFIX} {n:03d}", slug=f"banc-d-essai-documents-{n:03d}",
                    is_member=True)
        for n in range(200))
    associations = list(Association.objects.filter(name__startswith=PREFIX).order_by("pk"))
    groups = [WorkingGroup.objects.create(name=f"{PREFIX} groupe {n}",
                                          lead_association=associations[n])
              for n in range(8)]
    plenary = Body.objects.filter(kind=BodyKind.PLENARY).first() or Body.objects.create(
        name="Assemblée plénière", kind=BodyKind.PLENARY)
    committee = Body.objects.create(name=f"{PREFIX} comité", kind=BodyKind.COMMITTEE)
    member = get_user_model().objects.create(
        username="banc-documents", email="banc-documents@example.org",
        first_name="Camille", last_name=PREFIX)
    Membership.objects.create(person=member, association=associations[0], role=Role.MEMBER,
                              starts_on=datetime.date.today() - datetime.timedelta(days=400))
    for group in groups[:2]:
        GroupMember.objects.create(group=group, person=member)
    return associations, groups, [plenary, committee], member


def make_folders(rng, count, groups, bodies):
    """`count` folders, every rule, nested up to four levels; the first is the big one."""
    from extranet.documents.models import MAX_DEPTH, Audience, Folder

    def folder(name, parent, audience, **rule):
        return Folder.objects.create(name=name, parent=parent, audience=audience,
                                     description=f"Les documents « {name.lower()} ».", **rule)

    roots = [folder(f"{PREFIX} grand dossier", None, Audience.MEMBERS)]
    rules = ([(Audience.MEMBERS, {})] * 20 + [(Audience.PUBLIC, {})] * 4
             + [(Audience.COORDINATORS, {})] * 4
             + [(Audience.GROUP, {"group": group}) for group in groups[:5]]
             + [(Audience.BODY, {"body_id": body.pk}) for body in bodies])
    for number, (audience, rule) in enumerate(rules[:count - 1]):
        roots.append(folder(f"{PREFIX} {number:03d}", None, audience, **rule))
    folders, depth = list(roots), {f.pk: 1 for f in roots}
    while len(folders) < count:
        parent = rng.choice([f for f in folders[1:] if depth[f.pk] < MAX_DEPTH])
        if parent.audience == Audience.PUBLIC:
            audience, rule = rng.choice([(Audience.PUBLIC, {}), (Audience.MEMBERS, {})])
        else:
            audience, rule = rng.choice(
                [(Audience.MEMBERS, {})] * 6 + [(Audience.COORDINATORS, {})]
                + [(Audience.GROUP, {"group": rng.choice(groups)})])
        child = folder(f"Sous-dossier {len(folders):03d}", parent, audience, **rule)
        depth[child.pk] = depth[parent.pk] + 1
        folders.append(child)
    return folders


def make_documents(rng, count, folders, associations, member):
    """`count` documents in bulk: the first BIG_FOLDER_DOCUMENTS (at most half of them) in
    the big folder, the others spread over the other folders; each with its tags, its
    versions (one to three) and its text."""
    from django.utils import timezone
    from taggit.models import Tag

    from extranet.documents.models import Document, DocumentTag, DocumentVersion

    now = timezone.now()
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": f"banc-{n}"})[0]
            for n, name in enumerate(TAGS)]
    extensions = ["pdf"] * 7 + ["odt", "docx", "xlsx"]
    big = min(BIG_FOLDER_DOCUMENTS, count // 2)
    made = 0
    while made < count:
        batch = []
        for number in range(made, min(made + 1000, count)):
            folder = folders[0] if number < big else rng.choice(folders[1:])
            updated_at = now - datetime.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
            title_words = " ".join(weighted_words(rng, 3))
            batch.append(Document(
                folder=folder, owner_association=rng.choice(associations),
                title=f"{rng.choice(KINDS)} : {title_words} {updated_at.year}",
                description=" ".join(weighted_words(rng, rng.randrange(10, 40))).capitalize(),
                text=" ".join(weighted_words(rng, rng.randrange(200, 600))),
                created_by=member, created_at=updated_at, updated_at=updated_at,
                extension=rng.choice(extensions),
            ))
        documents = Document.objects.bulk_create(batch)
        DocumentTag.objects.bulk_create(
            DocumentTag(content_object=document, tag=tag)
            for document in documents for tag in rng.sample(tags, rng.randrange(0, 5)))
        DocumentVersion.objects.bulk_create(
            DocumentVersion(document=document, number=number, filename=f"document-{number}."
                            f"{document.extension}", file=f"documents/banc-{document.pk}-"
                            f"{number}.{document.extension}", content_type="application/pdf",
                            size=rng.randrange(20_000, 2_000_000), sha256="0" * 64,
                            uploaded_by=member, uploaded_at=document.updated_at)
            for document in documents for number in range(1, rng.choice([2, 2, 2, 3, 4])))
        made += len(documents)
    return made


def build_index():
    """Wagtail's search index for the documents, through the backend's `add_bulk` (as
    `update_index` does), by 500."""
    from wagtail.search.backends import get_search_backend

    from extranet.documents.models import Document

    backend = get_search_backend()
    pks = list(Document.objects.values_list("pk", flat=True).order_by("pk"))
    for start in range(0, len(pks), 500):
        backend.add_bulk(Document, list(
            Document.get_indexed_objects().filter(pk__in=pks[start:start + 500])))


def make_library(arguments):
    """What the benchmark reads, made once: (the member, the big folder, a small folder)."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.db.models import Count

    from extranet.documents.models import Document, Folder
    from extranet.documents.permissions import readable_folder_ids

    big = Folder.objects.filter(name=f"{PREFIX} grand dossier").first()
    if big is None:
        rng = random.Random(2026)  # noqa: S311 - the same library at each run
        started = time.perf_counter()
        with transaction.atomic():
            associations, groups, bodies, member = make_people()
            folders = make_folders(rng, arguments.folders, groups, bodies)
            made = make_documents(rng, arguments.documents, folders, associations, member)
        print(f"{len(folders)} folders and {made:,} documents made in "
              f"{time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        build_index()
        print(f"search index built (add_bulk) in {time.perf_counter() - started:.0f} s")
        if connection.vendor == "postgresql":  # as autovacuum would, some time after
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        big = folders[0]
    member = get_user_model().objects.get(username="banc-documents")
    readable = readable_folder_ids(member)
    counts = dict(Document.objects.live().filter(folder_id__in=readable).values(
        "folder_id").annotate(n=Count("pk")).values_list("folder_id", "n"))
    small = Folder.objects.get(pk=min((pk for pk in counts if counts[pk] <= 60),
                                      key=lambda pk: (counts[pk] < 3, counts[pk])))
    return member, big, small, len(readable)
