"""The four built-in presets: valid, complete, and carrying every fact of ../shared/seeds/."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jdeditor import _paths
from jdeditor.checks import PLACEHOLDER
from jdeditor.checks.placeholders import check as find_placeholders
from jdeditor.files import read_document
from jdeditor.model import EducationLevel, JobDescription, Level

BUILT_IN = ["Agent", "Team Lead", "Manager", "Operations"]


def load(name: str) -> JobDescription:
    return read_document(_paths.presets_dir() / f"{name}.jd.json")


def text_of(document: JobDescription) -> str:
    """Every word of a preset, lower-case, for fact look-ups."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False).lower()


def test_exactly_the_four_built_ins_ship() -> None:
    names = sorted(p.name.removesuffix(".jd.json") for p in _paths.presets_dir().glob("*.jd.json"))
    assert names == sorted(BUILT_IN)


@pytest.mark.parametrize("name", BUILT_IN)
def test_preset_file_is_canonical_and_valid(name: str) -> None:
    """Each file validates as is: cleaning it changes nothing the model would store."""
    path = _paths.presets_dir() / f"{name}.jd.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    document = JobDescription.model_validate(raw)
    assert json.loads(document.to_json()) == raw


@pytest.mark.parametrize("name", BUILT_IN)
def test_preset_has_placeholders_only_for_what_the_seeds_leave_out(name: str) -> None:
    document = load(name)
    fields = {".".join(map(str, p.path)) for p in find_placeholders(document)}
    assert {"company.name", "company.about", "how_to_apply.instructions"} <= fields
    assert not any(f.startswith(("responsibilities", "skills", "summary", "kpis")) for f in fields)
    assert document.title and not PLACEHOLDER.search(document.title)


# Each seed fact as (what the seed says, phrases that must all appear in the preset).
SEED_FACTS: dict[str, list[tuple[str, list[str]]]] = {
    "Agent": [
        ("high volume of inbound and outbound calls", ["high volume", "inbound", "outbound"]),
        (
            "resolve issues, answer questions, give product info",
            ["resolv", "answer questions", "products and services"],
        ),
        ("service requests through company channels", ["service requests", "channels"]),
        (
            "update customer info, document interactions, data integrity",
            ["up to date", "record every interaction", "account data stays correct"],
        ),
        ("upsell without compromising the experience", ["upsell", "without compromising"]),
        ("escalate unresolved issues to higher tiers", ["escalate", "higher tier"]),
        ("verbal and written communication", ["verbal and written communication"]),
        ("learning new software and digital tools", ["learning new software", "digital tools"]),
        (
            "prior customer service experience, inquiries and complaints",
            ["previous customer service experience", "inquiries and complaints"],
        ),
        ("patience (FAQ)", ["patience"]),
        ("resolve complaints promptly (summary)", ["promptly"]),
    ],
    "Team Lead": [
        ("motivate and coach the team", ["motivating and coaching"]),
        ("monitor team metrics with tools and reports", ["team metrics", "reporting tools"]),
        ("design and implement ongoing training", ["design and run ongoing training"]),
        (
            "help agents with complex calls, train others from it",
            ["complex customer calls", "training for the whole team"],
        ),
        (
            "proven track record leading a team to goals",
            ["proven track record", "performance goals"],
        ),
        ("preferably with supervisory responsibilities", ["supervisory responsibilities"]),
        ("CRM platforms and call center technology", ["crm platforms", "call center technology"]),
        (
            "bridge between agents and upper management",
            ["bridge between our agents and upper management"],
        ),
        ("team and company goals met (summary)", ["team and company goals"]),
        (
            "high-quality customer service, coach and motivate (summary)",
            ["high-quality customer service", "coach and motivate"],
        ),
    ],
    "Manager": [
        (
            "systems and processes meet high standards",
            ["systems and processes meet the high standards"],
        ),
        (
            "hiring, mentoring, retaining a well-qualified team",
            ["hire, mentor and retain", "well-qualified team"],
        ),
        ("use data to find trends and improve", ["identify trends", "improve performance"]),
        (
            "budgets and resources for financial and operational goals",
            ["budgets and resources", "financial and operational goals"],
        ),
        (
            "daily operations and strategic planning (FAQ)",
            ["daily operations", "strategic planning"],
        ),
        ("advanced from agent to team lead", ["from agent to team lead"]),
        (
            "oversee large teams, results through strategy",
            ["oversee large teams", "strategy and leadership"],
        ),
        (
            "analyze data, actionable improvements",
            ["analyze performance data", "practical improvements"],
        ),
        ("results-driven, big picture (summary)", ["driven by results", "big picture"]),
        (
            "pay depends on experience and qualifications",
            ["depending on experience and qualifications"],
        ),
        (
            "experience can substitute for education (FAQ)",
            ["exceptional leadership and operational skills"],
        ),
    ],
    "Operations": [
        ("manage and oversee daily operations", ["daily operations"]),
        ("metrics and SLAs", ["service level agreements"]),
        ("train, mentor, support staff", ["train, mentor and support"]),
        (
            "develop, implement and enforce policies and procedures",
            ["develop, implement and enforce operational policies and procedures", "compliance"],
        ),
        ("escalated inquiries and complaints", ["escalated customer inquiries and complaints"]),
        ("collaborate with other departments", ["other departments"]),
        ("reports and presentations for management", ["reports and presentations"]),
        ("inventory: equipment and software", ["inventory", "equipment and software"]),
        ("staff schedules for peak coverage", ["staff schedules", "peak hours"]),
        ("monitor call quality", ["call quality"]),
        ("data reports for strategic planning", ["data reports", "strategic planning"]),
        ("meet and exceed sales targets", ["meet and exceed sales targets"]),
        ("regular staff meetings", ["regular staff meetings"]),
        ("call routing and layouts at peak times", ["call routing", "layouts"]),
        ("customer feedback", ["customer feedback"]),
        ("bridge between management and agents", ["bridge between management and agents"]),
        ("sales and customer support areas", ["sales and customer support"]),
        ("wait times", ["wait times"]),
        ("leadership and team management", ["leadership and team management"]),
        ("verbal and written communication", ["verbal and written communication"]),
        ("call center software and CRM", ["call center management software and crm systems"]),
        ("analytical mindset", ["analytical mindset"]),
        ("customer focus", ["passion for delivering exceptional service"]),
        ("fast-paced multitasking", ["fast-paced environment"]),
        ("problem solving", ["problem solving"]),
        ("time management and organization", ["time management and organization"]),
        ("adaptability", ["adaptability"]),
        ("customer service best practices", ["customer service best practices"]),
        ("conflict resolution", ["conflict resolution"]),
        ("associate's degree advantageous", ["associate's degree"]),
        (
            "pathways: entry-level roles or internships",
            ["entry-level customer service roles or internships"],
        ),
        ("project management experience", ["project management experience"]),
        ("supervisory roles managing teams", ["supervisory roles managing teams"]),
        ("direct client communication", ["direct client communication"]),
        ("specialized training", ["specialized training in call center software"]),
        ("CCCM certification", ["certified call center manager (cccm)"]),
        ("CSR certification", ["customer service representative (csr) certification"]),
        (
            "state-specific certifications; licenses usually not required",
            ["state-specific certifications", "licenses are usually not required"],
        ),
        ("continuous professional development", ["professional development"]),
        ("brand image and customer loyalty (overview)", ["brand", "long-term customer loyalty"]),
        (
            "positive work environment, open communication",
            ["positive workplace", "open communication"],
        ),
    ],
}


@pytest.mark.parametrize(
    ("name", "fact", "phrases"),
    [(name, fact, phrases) for name, facts in SEED_FACTS.items() for fact, phrases in facts],
)
def test_preset_carries_seed_fact(name: str, fact: str, phrases: list[str]) -> None:
    text = text_of(load(name))
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"{name} lacks the seed fact {fact!r}: {missing}"


def test_structured_seed_facts() -> None:
    agent, lead, manager, operations = (load(name) for name in BUILT_IN)

    assert agent.level is Level.ENTRY and lead.level is Level.MID
    assert manager.level is Level.SENIOR and operations.level is Level.SENIOR

    # Education: minimum and preferred levels and fields exactly as the seeds give them.
    assert agent.education.minimum_level is EducationLevel.HIGH_SCHOOL
    assert lead.education.minimum_level is EducationLevel.HIGH_SCHOOL
    assert lead.education.preferred_level is EducationLevel.BACHELOR
    assert {"Management", "Communication"} <= set(lead.education.fields_of_study)
    assert manager.education.minimum_level is EducationLevel.BACHELOR
    assert {"Management", "Business", "Communication"} <= set(manager.education.fields_of_study)
    assert manager.education.experience_in_place_of_education
    assert operations.education.minimum_level is EducationLevel.HIGH_SCHOOL
    assert operations.education.preferred_level is EducationLevel.BACHELOR
    assert {"Business administration", "Communications", "Customer service"} <= set(
        operations.education.fields_of_study
    )

    # Experience in years.
    assert lead.experience.minimum_years == 1
    assert operations.experience.minimum_years == 3

    # Pay, in USD per year; the Manager's open top stated faithfully; Operations has none.
    expected_pay = {"Agent": (32000, 35000, False), "Team Lead": (38000, 44000, False)}
    expected_pay["Manager"] = (63000, 100000, True)
    for name, (low, high, open_top) in expected_pay.items():
        salary = load(name).salary
        assert salary is not None
        assert (salary.minimum, salary.maximum, salary.open_ended) == (
            Decimal(low),
            Decimal(high),
            open_top,
        )
        assert (salary.currency, salary.period) == ("USD", "year")
    assert operations.salary is None

    # KPIs named by the Operations seed.
    kpis = " ".join(operations.kpis).lower()
    for kpi in ["average handling time", "call resolution rate", "customer satisfaction"]:
        assert kpi in kpis
    assert "adherence to schedule" in kpis
    assert len(operations.certifications) == 3


def test_preset_summaries_are_written_not_pasted() -> None:
    """The seeds' summary examples are paraphrased, not copied sentence for sentence."""
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    source = " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")).lower()
    sentences = [
        sentence.strip()
        for name in BUILT_IN
        for sentence in re.split(r"(?<=[.!?])\s+", load(name).summary.lower())
        if len(sentence.split()) > 8
    ]
    copied = [sentence for sentence in sentences if sentence in source]
    assert not copied


# British forms an American recruiter would not write; en-US presets use the American ones.
_BRITISH = re.compile(
    r"(?i)\b(\w+(?:is(?:e|ed|es|ing|ation|ations)|ys(?:e|ed|es|ing))|colour\w*|behaviour\w*"
    r"|favour\w*|honour\w*|labour\w*|centre\w*|licence|programme|travell\w*|cancell\w*"
    r"|modell\w*|judgement|whilst|amongst|enrol|fulfil)\b"
)
_NOT_BRITISH = {
    "advertise",
    "comprise",
    "compromise",
    "compromising",
    "enterprise",
    "exercise",
    "expertise",
    "otherwise",
    "premise",
    "premises",
    "promise",
    "raise",
    "rise",
    "supervise",
    "supervising",
    "surprise",
    "franchise",
    "merchandise",
    "analysis",
    "emphasis",
    "paralysis",
    "revise",
}


@pytest.mark.parametrize("name", BUILT_IN)
def test_en_us_presets_use_american_spelling(name: str) -> None:
    text = (_paths.presets_dir() / f"{name}.jd.json").read_text(encoding="utf-8")
    assert json.loads(text)["language"] == "en-US"
    found = {m.group(0) for m in _BRITISH.finditer(text)} - _NOT_BRITISH
    found = {word for word in found if word.lower() not in _NOT_BRITISH}
    assert not found, f"British spellings in {name}: {sorted(found)}"
