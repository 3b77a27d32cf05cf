"""Section headings, English and Chinese, as the fields they introduce.

Matching ignores case, punctuation, numbering ('1.', '一、'), brackets ('【岗位职责】') and a
trailing colon; an exact variant wins, then a keyword ('Key duties and responsibilities').
"""

from __future__ import annotations

import re
from functools import cache

import jdeditor.importer._printed as printed
from jdeditor.i18n import N_

LIST_SECTIONS = (
    "responsibilities",
    "required_qualifications",
    "preferred_qualifications",
    "skills",
    "certifications",
    "kpis",
    "benefits",
)
LABELS = {  # marked: the import's guesses name the sections
    "summary": N_("Summary"),
    "responsibilities": N_("Responsibilities"),
    "required_qualifications": N_("Required qualifications"),
    "preferred_qualifications": N_("Preferred qualifications"),
    "skills": N_("Skills"),
    "education": N_("Education"),
    "experience": N_("Experience"),
    "education_experience": N_("Education and experience"),
    "certifications": N_("Certifications"),
    "kpis": N_("How success is measured"),
    "benefits": N_("Benefits"),
    "company": N_("About the company"),
    "how_to_apply": N_("How to apply"),
    "equal_opportunity": N_("Equal-opportunity statement"),
    "pay": N_("Pay"),
    "location": N_("Location"),
    "details": N_("Job details"),
}

_EXACT: dict[str, tuple[str, ...]] = {
    "summary": (
        "about the role", "about the job", "about this role", "about the position",
        "about this position", "about this job", "about the opportunity", "overview",
        "job overview", "role overview", "position overview", "job summary", "summary",
        "position summary", "role summary", "the opportunity", "job purpose", "purpose",
        "introduction", "the position", "about the team", "职位描述", "岗位概述", "职位概述",
        "岗位描述", "职位简介", "岗位简介", "职位概要", "工作概述",
    ),
    "responsibilities": (
        "responsibilities", "what you ll do", "what you will do", "duties", "key responsibilities",
        "the role", "your day to day", "day to day", "job responsibilities", "main duties",
        "duties and responsibilities", "responsibilities and duties", "your responsibilities",
        "what you ll be doing", "what you will be doing", "your role", "in this role you will",
        "key duties", "job duties", "essential duties", "essential functions",
        "essential duties and responsibilities", "岗位职责", "工作职责", "职责", "工作内容",
        "职位职责", "主要职责", "岗位内容",
    ),
    "required_qualifications": (
        "requirements", "qualifications", "required qualifications", "what you ll need",
        "what you will need", "must have", "must haves", "who you are", "what you ll bring",
        "what you will bring", "what we re looking for", "what we are looking for",
        "minimum qualifications", "basic qualifications", "about you", "you have",
        "job requirements", "requirements and qualifications", "what you need",
        "required skills and qualifications", "your profile", "your background",
        "skills and qualifications", "任职要求", "任职资格", "岗位要求", "职位要求", "任职条件",
    ),
    "preferred_qualifications": (
        "nice to have", "nice to haves", "preferred qualifications", "bonus points",
        "desirable", "preferred", "bonus", "pluses", "plus", "preferred skills",
        "it s a plus if", "even better", "additional qualifications", "加分项", "优先条件",
        "优先考虑", "加分条件",
    ),
    "skills": ("skills", "key skills", "technical skills", "core skills", "技能", "技能要求"),
    "education": ("education", "education requirements", "学历要求", "教育背景", "学历"),
    "experience": ("experience", "experience requirements", "工作经验", "经验要求"),
    "education_experience": (
        "education and experience", "experience and education", "education experience",
    ),
    "certifications": (
        "certifications", "certification", "licenses and certifications", "licenses",
        "certificates", "证书", "资格证书",
    ),
    "kpis": (
        "how success is measured", "kpis", "kpi", "key performance indicators",
        "success metrics", "how we measure success", "what success looks like", "考核指标",
        "绩效考核",
    ),
    "benefits": (
        "benefits", "perks", "what we offer", "compensation and benefits", "benefits and perks",
        "perks and benefits", "why join us", "why work with us", "what s in it for you",
        "we offer", "our benefits", "福利待遇", "福利", "薪资福利", "薪酬福利", "我们提供",
    ),
    "company": (
        "about us", "about the company", "who we are", "company overview", "our company",
        "the company", "company", "公司简介", "关于我们", "公司介绍",
    ),
    "how_to_apply": (
        "how to apply", "to apply", "application process", "apply", "apply now",
        "how to apply for this job", "next steps", "如何申请", "申请方式", "应聘方式",
        "投递方式", "联系方式",
    ),
    "equal_opportunity": (
        "equal opportunity", "eeo statement", "equal opportunity employer",
        "equal opportunity statement", "equal employment opportunity", "eeo",
        "diversity and inclusion", "diversity equity and inclusion", "平等就业",
        "平等就业机会",
    ),
    "pay": (
        "salary", "pay", "compensation", "pay range", "salary range", "wage", "pay rate",
        "薪资", "薪资待遇", "薪酬", "工资待遇", "待遇",
    ),
    "location": ("location", "work location", "job location", "工作地点", "工作地址"),
    "details": (
        "job details", "full job description", "job description", "details", "key facts",
        "at a glance", "职位信息", "基本信息",
    ),
}  # fmt: skip
_KEYWORDS: list[tuple[str, str]] = [
    ("equal_opportunity", r"equal (?:employment )?opportunit|\beeo\b|平等"),
    ("preferred_qualifications", r"nice to have|preferred|bonus|desirabl|加分|优先"),
    ("how_to_apply", r"\bhow to apply\b|\bapplication\b|申请|应聘|投递"),
    ("kpis", r"\bkpis?\b|success|考核|绩效"),
    ("benefits", r"benefit|perks|we offer|福利"),
    ("responsibilities", r"responsibilit|dut(?:y|ies)|what you ll do|职责|工作内容"),
    ("required_qualifications", r"requirement|qualification|must have|要求|资格"),
    ("skills", r"\bskills?\b|技能"),
    ("certifications", r"certif|licen[cs]e|证书"),
    ("education_experience", r"education.*experience|experience.*education"),
    ("education", r"education|学历"),
    ("experience", r"^experience|经验"),
    ("company", r"^about (?:us|the company)|公司"),
    ("summary", r"overview|summary|概述|描述"),
    ("pay", r"^(?:salary|pay|compensation)\b|薪"),
]
_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[.、．)]|[(（][一二三四五六七八九十\d]+[)）])\s*"
)
NOT_COMPANY = frozenset(
    [
        "the role",
        "the job",
        "this role",
        "the position",
        "this position",
        "this job",
        "the opportunity",
        "you",
        "the team",
        "us",
        "the company",
        "our company",
        "our team",
        "this opportunity",
    ]
)


def normalise(heading: str) -> str:
    """'1. What You’ll Do:' → 'what you ll do'; '【岗位职责】' → '岗位职责'."""
    text = _NUMBERING.sub("", heading)
    text = text.replace("’", "'").replace("&", " and ").casefold()
    text = re.sub(r"[^\w\u3400-\u9fff]+", " ", text)
    return " ".join(text.replace("_", " ").split())


_LOOKUP = {normalise(variant): key for key, variants in _EXACT.items() for variant in variants}


@cache
def _printed_lookup() -> dict[str, str]:
    """The headings jdeditor's exports print, in every posting language ('学历与经验')."""
    return {
        normalise(wording): key
        for key, msgid in printed.HEADINGS.items()
        for _, wording in printed.translations(msgid)
    }


def section_of(heading: str, *, keywords: bool = True) -> tuple[str, str] | None:
    """(field key, company name or '') for a heading; None when it names no known section.

    'About Acme' gives ('company', 'Acme'); with ``keywords`` off only exact variants count.
    """
    key = normalise(heading) if len(heading) <= 80 else ""
    if key in _LOOKUP:
        return _LOOKUP[key], ""
    if key in _printed_lookup():
        return _printed_lookup()[key], ""
    about = re.match(r"(?i)^\s*(?:about|关于)\s*(.+?)\s*[:：]?\s*$", _NUMBERING.sub("", heading))
    if key and about and normalise(about.group(1)) not in NOT_COMPANY:
        return ("company", about.group(1).strip()) if len(about.group(1)) <= 60 else None
    if not key or not keywords or len(key.split()) > 8:
        return None
    return next(((name, "") for name, pattern in _KEYWORDS if re.search(pattern, key)), None)


def split_heading_line(text: str) -> tuple[str, str, str] | None:
    """'Responsibilities: answer calls' → (key, heading, rest); only for known exact headings."""
    match = re.match(
        r"^\s*([\w\u3400-\u9fff【][^:：\n\[\]]{1,39}?)\s*[:：]\s*(.*)$", text, re.DOTALL
    )
    if match is None:
        return None
    found = section_of(match.group(1), keywords=False)
    if found is None or found[0] in ("pay", "location"):
        return None
    return found[0], match.group(1), match.group(2).strip()
