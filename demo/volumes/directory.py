"""Believable fake RNA data, for `seed_benchmark` and the benchmarks in benchmarks/.

Writes files in the exact Waldec format that `import_rna` reads, so that volumes go through
the same path as real data. Deterministic for a given seed.
"""

import csv
import datetime
import random

from directory.models import Commune
from directory.rna_file import WALDEC_COLUMNS

KINDS = [  # name pattern, RNA social object code, social object pattern
    (
        "Comité des fêtes de {commune}", "009030",
        "Organiser les fêtes, brocantes et animations de {commune}.",
    ),
    (
        "Association sportive de {commune}", "011005",
        "Pratique du sport pour tous les âges à {commune}.",
    ),
    (
        "Football club de {commune}", "011075",
        "Pratique et promotion du football, école de foot.",
    ),
    (
        "Amicale des locataires {street}", "032520",
        "Défendre les intérêts des locataires de la résidence.",
    ),
    (
        "Les jardins partagés de {commune}", "024045",
        "Cultiver ensemble, transmettre les savoirs du jardin.",
    ),
    (
        "Chorale {adjective} de {commune}", "006030",
        "Chant choral, concerts et rencontres musicales.",
    ),
    (
        "Théâtre {adjective}", "006070",
        "Création et diffusion de spectacles vivants amateurs.",
    ),
    (
        "Parents d'élèves de l'école {street}", "015005",
        "Représenter les parents et soutenir la vie de l'école.",
    ),
    (
        "Secours solidaire de {commune}", "020010",
        "Distribution alimentaire et accompagnement des familles.",
    ),
    (
        "Club de randonnée {adjective}", "011115",
        "Randonnées pédestres dans le département et au-delà.",
    ),
    (
        "Aide aux devoirs {street}", "019014",
        "Accompagnement scolaire et lutte contre l'illettrisme.",
    ),
    (
        "Association des commerçants de {commune}", "022535",
        "Animer le commerce de proximité.",
    ),
    (
        "Maison des jeunes de {commune}", "009005",
        "Accueil et activités pour les jeunes du quartier.",
    ),
    (
        "Entraide seniors de {commune}", "021015",
        "Rompre l'isolement des personnes âgées.",
    ),
    (
        "Collectif pour le climat de {commune}", "024040",
        "Sensibiliser à la transition écologique.",
    ),
    (
        "Accueil des réfugiés {adjective}", "019025",
        "Accueil, hébergement et accompagnement des exilés.",
    ),
]
ADJECTIVES = ["solidaire", "populaire", "du Val", "des bords de Marne", "de la Brie", "du Pays",
              "nouvelle", "du Gâtinais", "de l'Europe", "des Deux Rives", "des Tilleuls"]
STREETS = ["Jean Jaurès", "Victor Hugo", "des Lilas", "de la Gare", "Pasteur", "du Moulin",
           "Jules Ferry", "de la République", "des Écoles", "du Marché", "Louise Michel"]
STREET_TYPES = ["RUE", "AV", "BD", "PL", "CHE", "ALL", "IMP"]


def communes_of(department):
    """(code, postcode, name, population) of the department's current communes."""
    return [
        (code, (postcodes or "00000").split()[0], name, population or 1)
        for code, postcodes, name, population in Commune.objects.filter(
            department=department, kind=Commune.Kind.COMMUNE
        ).values_list("code", "postcodes", "name", "population")
    ]


def fake_rows(count, department="77", seed=2017, first_number=1):
    """Rows of a Waldec file: dicts keyed by the published column names."""
    rng = random.Random(seed)  # noqa: S311 - fake data, not secrets
    communes = communes_of(department)
    weights = [population for _code, _postcode, _name, population in communes]
    for number in range(first_number, first_number + count):
        code, postcode, commune, _population = rng.choices(communes, weights)[0]
        name_pattern, object_code, object_pattern = rng.choice(KINDS)
        street = rng.choice(STREETS)
        name = name_pattern.format(
            commune=commune, street=street, adjective=rng.choice(ADJECTIVES)
        ).upper()
        created = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(27_000))
        dissolved = None
        if rng.random() < 0.12:
            dissolved = created + datetime.timedelta(days=rng.randrange(1, 9000))
            if dissolved > datetime.date(2026, 6, 1):
                dissolved = None
        row = dict.fromkeys(WALDEC_COLUMNS, "")
        row.update({
            "id": f"W{department[:2]}{number:07d}",
            "gestion": f"{department}1P",
            "date_creat": created.isoformat(),
            "date_decla": created.isoformat(),
            "date_publi": (created + datetime.timedelta(days=20)).isoformat(),
            "date_disso": dissolved.isoformat() if dissolved else "0001-01-01",
            "nature": "D",
            "groupement": rng.choices("SUF", [96, 2, 2])[0],
            "titre": f"{name} {number}" if rng.random() < 0.3 else name,
            "titre_court": "",
            "objet": object_pattern.format(commune=commune) + (
                "\nAssemblée générale chaque année; adhésion libre." if rng.random() < 0.05
                else ""
            ),
            "objet_social1": object_code,
            "objet_social2": rng.choice(["", "", "019040", "009025"]),
            "adrs_numvoie": str(rng.randrange(1, 200)),
            "adrs_typevoie": rng.choice(STREET_TYPES),
            "adrs_libvoie": street,
            "adrs_codeinsee": code,
            "adrs_codepostal": postcode,
            "adrs_libcommune": commune,
            "adrg_pays": "FRANCE",
            "dir_civilite": rng.choice(["PM", "PF"]),
            "publiweb": "1",
            "position": "D" if dissolved else "A",
            "maj_time": "2026-01-15 08:00:00",
        })
        yield row


def write_waldec_file(path, count, department="77", seed=2017, encoding="utf-8"):
    """Write `count` fake associations to `path`, exactly as the State publishes the RNA."""
    with open(path, "w", encoding=encoding, newline="") as file:
        writer = csv.DictWriter(file, WALDEC_COLUMNS, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(fake_rows(count, department=department, seed=seed))
    return path
