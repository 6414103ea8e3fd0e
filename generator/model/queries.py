"""A saved competency question: queries/<name>.rq with its title and question in every language."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SavedQuery"]


@dataclass(frozen=True)
class SavedQuery:
    """One question the graph is built to answer, as SPARQL with its title and question per language."""

    name: str
    text: str
    titles: dict
    questions: dict

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles["en"]

    def question(self, lang: str) -> str:
        return self.questions.get(lang) or self.questions["en"]
