"""Interface words of the generated pages, in every site language (ontology terms come from the ontology)."""

__all__ = ["UI", "ui", "MONTHS", "DURATION_UNITS", "UNITS", "LANGUAGE_NAMES"]

UI = {
    "class": {"en": "Class", "nl": "Klasse"},
    "property": {"en": "Property", "nl": "Eigenschap"},
    "value": {"en": "Value", "nl": "Waarde"},
    "relations": {"en": "Relations", "nl": "Relaties"},
    "links_out": {"en": "Links from this page", "nl": "Verwijzingen vanaf deze pagina"},
    "referenced_by": {"en": "Referenced by", "nl": "Waarnaar verwezen wordt door"},
    "cited_by": {"en": "Cited as a source by", "nl": "Als bron aangehaald door"},
    "sources": {"en": "Sources", "nl": "Bronnen"},
    "supports": {"en": "supports", "nl": "onderbouwt"},
    "whole_entity": {"en": "the entry as a whole", "nl": "de vermelding als geheel"},
    "translation": {"en": "translation", "nl": "vertaling"},
    "unverified": {"en": "unverified", "nl": "niet geverifieerd"},
    "unverified_title": {"en": "Not confirmed by a source", "nl": "Niet door een bron bevestigd"},
    "unverified_text": {"en": "No source read for this graph confirms these statements:",
                        "nl": "Geen voor deze graaf gelezen bron bevestigt deze uitspraken:"},
    "all_of_class": {"en": "All entities of this class", "nl": "Alle entiteiten van deze klasse"},
    "entities": {"en": "entities", "nl": "entiteiten"},
    "home": {"en": "Home", "nl": "Start"},
    "none_yet": {"en": "None yet.", "nl": "Nog geen."},
    "data": {"en": "Data", "nl": "Data"},
    "in_other_language": {"en": "Nederlands", "nl": "English"},
    "identifiers": {"en": "Identifiers", "nl": "Identificaties"},
    "more": {"en": "and {n} more", "nl": "en nog {n}"},
    "page_of": {"en": "Page {n} of {total}", "nl": "Pagina {n} van {total}"},
    "years": {"en": "Years", "nl": "Jaren"},
    "most_cited": {"en": "The {n} most-cited sources; every source is listed under {link}.",
                   "nl": "De {n} meest geciteerde bronnen; alle bronnen staan onder {link}."},
    "cited_times": {"en": "cited by {n}", "nl": "geciteerd door {n}"},
    "neighbourhood": {"en": "Neighbourhood", "nl": "Omgeving"},
    "diagram_text": {"en": "The diagram shows the relations listed above; each box links to its page.",
                     "nl": "Het diagram toont de relaties hierboven; elk vak verwijst naar zijn pagina."},
    "diagram_capped": {"en": "Only the first {n} neighbours are drawn.", "nl": "Alleen de eerste {n} buren zijn getekend."},
    "outcomes": {"en": "Outcomes", "nl": "Uitkomsten"},
    "outcome": {"en": "Outcome", "nl": "Uitkomst"},
    "cohort": {"en": "Cohort", "nl": "Cohort"},
    "time_point": {"en": "Time point", "nl": "Tijdstip"},
    "estimate": {"en": "Estimate", "nl": "Schatting"},
    "ci95": {"en": "95% CI", "nl": "95%-BI"},
    "comparator": {"en": "Compared with", "nl": "Vergeleken met"},
    "chart_title": {"en": "{what}: estimates with 95% confidence intervals",
                    "nl": "{what}: schattingen met 95%-betrouwbaarheidsintervallen"},
    "chart_desc": {"en": "Each row is one outcome; the mark is the estimate and the line its 95% confidence interval. "
                         "Squares are the cohort itself, circles the comparison group. The numbers are also in the table.",
                   "nl": "Elke rij is één uitkomst; de markering is de schatting en de lijn het 95%-betrouwbaarheidsinterval. "
                         "Vierkantjes zijn het cohort zelf, rondjes de vergelijkingsgroep. De getallen staan ook in de tabel."},
    "figure": {"en": "This figure", "nl": "Dit getal"},
    "derived_from": {"en": "The figure it comes from", "nl": "Het getal waar het van komt"},
    "restated_as": {"en": "Restated elsewhere", "nl": "Elders herhaald"},
    "how_derived": {"en": "How derived", "nl": "Hoe afgeleid"},
    "source": {"en": "Source", "nl": "Bron"},
    "quote": {"en": "Quote", "nl": "Citaat"},
    "discrepancy": {"en": "Figures side by side", "nl": "Getallen naast elkaar"},
    "cohorts": {"en": "Cohorts", "nl": "Cohorten"},
    "role": {"en": "Role", "nl": "Rol"},
    "patients": {"en": "Patients", "nl": "Patiënten"},
    "protocol": {"en": "Protocol", "nl": "Protocol"},
    "used_in": {"en": "Protocols and trials using it", "nl": "Protocollen en studies die het gebruiken"},
    "treatments": {"en": "Treatments and trials", "nl": "Behandelingen en studies"},
    "defining": {"en": "Defining alterations", "nl": "Bepalende afwijkingen"},
    "citations": {"en": "What cites it", "nl": "Wat ernaar verwijst"},
    "entity": {"en": "Entry", "nl": "Vermelding"},
    "where": {"en": "Where in the source", "nl": "Waar in de bron"},
    "edit": {"en": "Edit this page", "nl": "Deze pagina bewerken"},
    "report": {"en": "Report a problem", "nl": "Een probleem melden"},
    "report_title": {"en": "Problem on {id}", "nl": "Probleem op {id}"},
    "report_body": {"en": "Page: {page}\nFile: {file}\n\nWhat is wrong, and which source says otherwise:\n",
                    "nl": "Pagina: {page}\nBestand: {file}\n\nWat klopt er niet, en welke bron zegt iets anders:\n"},
    "overview": {"en": "Overview", "nl": "Overzicht"},
    "overview_intro": {"en": "What the knowledge graph holds, class by class, and how the classes link.",
                       "nl": "Wat de kennisgraaf bevat, per klasse, en hoe de klassen samenhangen."},
    "count": {"en": "Count", "nl": "Aantal"},
    "definition": {"en": "Definition", "nl": "Definitie"},
    "class_diagram": {"en": "How the classes link", "nl": "Hoe de klassen samenhangen"},
    "class_diagram_text": {"en": "The diagram shows which class links to which, by the relations of the table below.",
                           "nl": "Het diagram toont welke klasse naar welke verwijst, volgens de relaties in de tabel hieronder."},
    "from_class": {"en": "From", "nl": "Van"},
    "to_class": {"en": "To", "nl": "Naar"},
    "timeline": {"en": "Timeline", "nl": "Tijdlijn"},
    "timeline_intro": {"en": "Every date and year in the knowledge graph, in order.",
                       "nl": "Elke datum en elk jaar in de kennisgraaf, op volgorde."},
    "date": {"en": "Date", "nl": "Datum"},
    "what": {"en": "What", "nl": "Wat"},
    "sources_intro": {"en": "Every source publication, with the entries and statements that rest on it.",
                      "nl": "Elke bronpublicatie, met de vermeldingen en uitspraken die erop berusten."},
    "explore": {"en": "Explore the graph", "nl": "De graaf verkennen"},
    "downloads": {"en": "This entry as data", "nl": "Deze vermelding als data"},
    "language_switch": {"en": "Language", "nl": "Taal"},
}

LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
}

# ISO 8601 duration letter -> (singular, plural) per language
DURATION_UNITS = {
    "Y": {"en": ("year", "years"), "nl": ("jaar", "jaar")},
    "M": {"en": ("month", "months"), "nl": ("maand", "maanden")},
    "W": {"en": ("week", "weeks"), "nl": ("week", "weken")},
    "D": {"en": ("day", "days"), "nl": ("dag", "dagen")},
}

# cle:unit values -> how they are written after a number
UNITS = {
    "percent": {"en": "%", "nl": "%"},
    "events": {"en": " events", "nl": " gebeurtenissen"},
    "patients": {"en": " patients", "nl": " patiënten"},
    "months": {"en": " months", "nl": " maanden"},
    "years": {"en": " years", "nl": " jaar"},
}


def ui(key: str, lang: str, **values) -> str:
    """The interface text for key in lang, with {placeholders} filled in."""
    text = UI[key][lang]
    return text.format(**values) if values else text
