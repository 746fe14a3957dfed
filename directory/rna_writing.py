"""Writing the parsed rows of the RNA file: associations are upserted by RNA number, in
batches. What an editor or an association changed by hand is never overwritten: each
association keeps the values the last import wrote (`rna_snapshot`); a field whose current
value differs from them was edited, and stays. `RowWriting` is a part of `RnaImporter`
(directory/rna_import.py)."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from directory.models import Association, serialize_value
from directory.rna_report import Problem
from directory.search import name_initial, search_document

# The fields an import writes, by model attribute; everything else is never touched.
RNA_FIELDS = [
    "name", "short_name", "siret", "grouping", "created_on", "dissolved_on",
    "dissolved_on_estimated", "social_object", "rna_object_codes", "address", "postcode",
    "commune_id", "website",
]


class RowWriting:
    """Writes the importer's batches; expects `sectors`, `dry_run`, `now`, `removed` and
    `report`."""

    def write(self, batch):
        """Create the batch's new associations, update the others (but not what was edited
        by hand), and unpublish those the register removed."""
        self.unpublish_removed()
        ids = [rna_id for _line, rna_id, _values, _sectors in batch]
        rows = Association.objects.filter(rna_id__in=ids).prefetch_related("sectors")
        if not self.dry_run:
            rows = rows.select_for_update()  # an edit saved meanwhile waits, and is not lost
        existing = {association.rna_id: association for association in rows}
        to_create, to_update, sector_changes = [], [], {}
        for line, rna_id, values, sector_codes in batch:
            snapshot = {name: serialize_value(values[name]) for name in RNA_FIELDS}
            snapshot["sectors"] = sector_codes
            association = existing.get(rna_id)
            if association is None:
                to_create.append((self.new_association(rna_id, values, snapshot),
                                  sector_codes))
            elif self.update_existing(association, values, snapshot, sector_codes,
                                      sector_changes, line):
                to_update.append(association)
        self.report.created += len(to_create)
        self.avoid_slug_collisions([new for new, _codes in to_create])
        if not self.dry_run:
            self.save_batch(to_create, to_update, sector_changes)

    def new_association(self, rna_id, values, snapshot):
        """An association the directory does not have yet (not saved)."""
        return Association(
            rna_id=rna_id,
            slug=f"{slugify(values['short_name'] or values['name'])[:200]}-"
            f"{rna_id.lower()}".lstrip("-"),
            source=Association.Source.RNA,
            rna_snapshot=snapshot,
            last_synced_at=self.now,
            search_document=search_document(
                values["name"], values["short_name"], values["social_object"]
            ),
            initial=name_initial(values["name"]),
            **values,
        )

    def update_existing(self, association, values, snapshot, sector_codes, sector_changes,
                        line):
        """Merge the row into an association the directory has, and count it; True when it
        must be saved (changed, or its snapshot of the register's values did)."""
        changed = self.merge(association, values, snapshot, sector_codes, sector_changes, line)
        if changed:
            self.report.updated += 1
            association.search_document = association.make_search_document()
            association.initial = name_initial(association.name)
        else:
            self.report.unchanged += 1
        if changed or association.rna_snapshot != snapshot:
            association.rna_snapshot = snapshot
            association.last_synced_at = self.now
            association.updated_at = self.now
            return True
        return False

    def save_batch(self, to_create, to_update, sector_changes):
        """Save the batch: new associations, updated ones, and their sectors."""
        with transaction.atomic():
            created = Association.objects.bulk_create([new for new, _codes in to_create])
            Association.objects.bulk_update(
                to_update,
                [*RNA_FIELDS, "rna_snapshot", "last_synced_at", "updated_at", "search_document",
                 "initial"],
            )
            through = Association.sectors.through
            if sector_changes:
                through.objects.filter(association_id__in=list(sector_changes)).delete()
            links = [
                through(association_id=new.pk, sector_id=self.sectors[code])
                for new, (_unsaved, codes) in zip(created, to_create, strict=True)
                for code in codes
            ] + [
                through(association_id=pk, sector_id=self.sectors[code])
                for pk, codes in sector_changes.items()
                for code in codes
            ]
            through.objects.bulk_create(links)

    def unpublish_removed(self):
        """Associations the register removed (position S) leave the public directory; the
        record stays, as an editor may want it back."""
        removed, self.removed = self.removed, []
        self.report.removed += len(removed)
        if not removed:
            return
        published = Association.objects.filter(rna_id__in=removed, published=True)
        if self.dry_run:
            self.report.unpublished += published.count()
        else:
            self.report.unpublished += published.update(published=False, updated_at=self.now)

    def avoid_slug_collisions(self, associations):
        """A slug ends with the RNA number, but a record made or edited by hand may hold it."""
        taken = set(Association.objects.filter(
            slug__in=[association.slug for association in associations]
        ).values_list("slug", flat=True))
        for association in associations:
            if association.slug in taken:
                base, number = association.slug, 2
                while f"{base}-{number}" in taken or Association.objects.filter(
                    slug=f"{base}-{number}"
                ).exists():
                    number += 1
                association.slug = f"{base}-{number}"
                taken.add(association.slug)

    def merge(self, association, values, snapshot, sector_codes, sector_changes, line=0):
        """Take what the RNA changed, keep what was edited by hand; True if anything changed."""
        previous = association.rna_snapshot or {}
        original = {name: getattr(association, name) for name in RNA_FIELDS}
        for name in RNA_FIELDS:
            current = getattr(association, name)
            new = values[name]
            if serialize_value(current) == snapshot[name]:
                continue
            if name in previous:
                edited_by_hand = serialize_value(current) != previous[name]
            else:  # never imported: what is there was typed by hand; fill only the gaps
                default = Association._meta.get_field(name).get_default()
                edited_by_hand = current not in (None, "", default)
            if not edited_by_hand:
                setattr(association, name, new)
        created_on, dissolved_on = association.created_on, association.dissolved_on
        if created_on and dissolved_on and dissolved_on < created_on:
            # The RNA's date against one typed by hand: keep the record as it was.
            association.dissolved_on = original["dissolved_on"]
            association.created_on = original["created_on"]
            self.report.warnings.append(Problem(
                line, association.rna_id,
                _("dates du RNA incompatibles avec celles saisies à la main : gardées"),
            ))
        changed = any(getattr(association, name) != original[name] for name in RNA_FIELDS)
        if association.dissolved_on and not original["dissolved_on"]:
            self.report.dissolved += 1
        current_sectors = sorted(sector.code for sector in association.sectors.all())
        if current_sectors != sector_codes:
            hand_made = ("sectors" in previous and current_sectors != previous["sectors"]) or (
                "sectors" not in previous and current_sectors
            )
            if not hand_made:
                sector_changes[association.pk] = sector_codes
                changed = True
        return changed
