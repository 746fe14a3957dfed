"""Django's JSON serialisation, with times to the microsecond (`manage.py backup`): Django's
own encoder cuts them to the millisecond, which would change what the decision register's
hash chain sealed. Registered as the format "backupjson" (settings SERIALIZATION_MODULES)."""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = Encoder


Deserializer = django_json.Deserializer
