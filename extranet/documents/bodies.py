"""The governance's bodies, as the documents see them: a folder may be for the people of one
body (the coordination committee, the plenary assembly…). The governance sits above the
documents (its meetings and proposals cite the library), so it tells the documents about
its bodies here at its `AppConfig.ready()`:

    bodies.register(choices=…, ids_for=…)

- `choices()`: the bodies a folder may be for, as `(id, name)` pairs;
- `ids_for(user)`: the ids of the bodies where an association the user acts for sits today.

Without a source (the governance not installed), no folder can be for a body, and a folder
that was stays closed to all but the coordinators.
"""

_source = {}


def register(choices, ids_for):
    _source["choices"] = choices
    _source["ids_for"] = ids_for


def choices():
    return list(_source["choices"]()) if _source else []


def ids_for(user):
    return set(_source["ids_for"](user)) if _source else set()


def name_of(body_id):
    return dict(choices()).get(body_id)
