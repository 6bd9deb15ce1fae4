"""How the documents cite the texts (DOMAIN.md §7): "Quy định số 366-QĐ/TW, ngày 30/8/2025 của
Bộ Chính trị" and "Hướng dẫn số 43-HD/BTCTW, ngày 31/10/2025 của Ban Tổ chức Trung ương".

Everything comes from the rule set's data (regulation / guidance: kind, code, date, issuer).
What is not confirmed stays in the data ("verified": false, "note"); nothing printed says
"chưa đối chiếu": a clause not confirmed is cited by its regulation (and article where known).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from .ruleset import RuleSet


def citation_date(d: date) -> str:
    """The date in a citation: the day with a leading zero below 10, the month with one only
    for January and February (the rule of Nghị định 30/2020/NĐ-CP, Phụ lục I, which Party
    documents follow for dates): 30/8/2025, 04/10/2023, 05/02/2024."""
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{day}/{month}/{d.year}"


def document_citation(doc: Mapping[str, Any]) -> str:
    """"Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị" from a rule set's regulation
    or guidance section."""
    kind = doc.get("kind") or "Văn bản"
    text = f"{kind} số {doc['code']}"
    if doc.get("date"):
        text += f", ngày {citation_date(date.fromisoformat(doc['date']))}"
    if doc.get("issuer"):
        text += f" của {doc['issuer']}"
    return text


def regulation_citation(rules: RuleSet) -> str:
    return document_citation(rules.data["regulation"])


def guidance_citation(rules: RuleSet) -> str:
    return document_citation(rules.data["guidance"])


def citation_text(rules: RuleSet) -> str:
    """The grounds line of the documents: "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị
    và Hướng dẫn số 43-HD/BTCTW, ngày 31/10/2025 của Ban Tổ chức Trung ương"."""
    return f"{regulation_citation(rules)} và {guidance_citation(rules)}"


def article_citation(rules: RuleSet, article: str) -> str:
    """A rule's article ("Quy định 366-QĐ/TW, Điều 11") in the full citation form
    ("Điều 11 Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị"); other texts
    (Điều lệ Đảng, an older guidance) are returned as the data has them."""
    out = []
    for part in [p.strip() for p in article.split(";")]:
        done = part
        for key in ("regulation", "guidance"):
            doc = rules.data[key]
            short = f"{doc.get('kind', '')} {doc['code']}".strip()
            if part == short:
                done = document_citation(doc)
            elif part.startswith(short + ", "):
                done = f"{part[len(short) + 2:]} {document_citation(doc)}"
        out.append(done)
    return "; ".join(out)


def rule_verification(rules: RuleSet) -> list[dict[str, Any]]:
    """For the window's rule-set view: each rule's id, article, whether it is verified and the note."""
    return [{"id": r["id"], "article": r["article"], "verified": bool(r.get("verified")), "note": r.get("note", "")}
            for r in rules.data.get("rules", [])]
