"""SQLite as Django ships it, with one change: a stored decimal that does not fit its field is
read as the nearest number instead of raising `decimal.InvalidOperation`.

SQLite keeps decimals as REALs with 15 significant digits. Kurs bounds every value it writes so
that it reads back exactly (`core.bounds`), but a value written before those bounds, or by hand,
can be one that Django's converter cannot quantize to the field's places; it would then take down
every page and API answer that lists the row, and its history keeps it there even after the value
is corrected. Such a value is read as the float SQLite holds, rounded to 15 digits, and logged.
"""

import decimal
import logging

from django.db.backends.sqlite3 import base, operations

logger = logging.getLogger(__name__)


class DatabaseOperations(operations.DatabaseOperations):
    def get_decimalfield_converter(self, expression):
        exact = super().get_decimalfield_converter(expression)
        nearest = decimal.Context(prec=15).create_decimal_from_float

        def converter(value, expression, connection):
            try:
                return exact(value, expression, connection)
            except decimal.InvalidOperation:
                logger.warning(
                    "A stored decimal does not fit its field: %r (%s)", value, expression
                )
                return nearest(value)

        return converter


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
