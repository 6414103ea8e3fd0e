"""Interface words of the generated pages, in every site language (ontology terms come from the ontology)."""

__all__ = ["UI", "ui"]

UI = {
    "class": {"en": "Class", "nl": "Klasse"},
    "property": {"en": "Property", "nl": "Eigenschap"},
    "value": {"en": "Value", "nl": "Waarde"},
    "relations": {"en": "Relations", "nl": "Relaties"},
    "referenced_by": {"en": "Referenced by", "nl": "Waarnaar verwezen wordt door"},
    "sources": {"en": "Sources", "nl": "Bronnen"},
    "supports": {"en": "supports", "nl": "onderbouwt"},
    "translation": {"en": "translation", "nl": "vertaling"},
    "unverified": {"en": "unverified", "nl": "niet geverifieerd"},
    "all_of_class": {"en": "All entities of this class", "nl": "Alle entiteiten van deze klasse"},
    "entities": {"en": "entities", "nl": "entiteiten"},
    "home": {"en": "Home", "nl": "Start"},
    "none_yet": {"en": "None yet.", "nl": "Nog geen."},
    "data": {"en": "Data", "nl": "Data"},
    "in_other_language": {"en": "Nederlands", "nl": "English"},
}


def ui(key: str, lang: str) -> str:
    return UI[key][lang]
