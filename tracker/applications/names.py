"""How a company's name is tidied and compared: one rule for every way in.

The form, the services, the import and the database's unique constraint all go by it, so
"STRASSE" and "Straße", or "Acme  Corp" and "acme corp", are one company everywhere (the
first spelling saved is the one shown). Pure: no ORM.
"""


def company_display_name(name: str) -> str:
    """The name as saved and shown: white space folded, as typed otherwise."""
    return " ".join(name.split())


def company_name_key(name: str) -> str:
    """What two names must share to be one company: Unicode case folding, so that it
    agrees in every language (SQL's LOWER() does not, on SQLite, past ASCII)."""
    return company_display_name(name).casefold()
