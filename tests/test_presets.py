"""The eight built-in presets: valid, complete, and carrying every fact of ../shared/seeds/.

Four roles, each in American English and in Simplified Chinese (zh-CN). The Chinese presets are
written as a Chinese recruiter writes a posting, not translated word for word, and carry the same
seed facts and the same structured fields (levels, years, pay, certifications, KPIs).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jdeditor import _paths
from jdeditor.checks import COMPANY_PLACEHOLDER, PLACEHOLDER, prose
from jdeditor.checks.placeholders import check as find_placeholders
from jdeditor.files import read_document
from jdeditor.model import LIST_PATHS, EducationLevel, JobDescription, Level

ENGLISH = ["Agent", "Team Lead", "Manager", "Operations"]
CHINESE_OF = {
    "Agent": "呼叫中心客服专员",
    "Team Lead": "呼叫中心组长",
    "Manager": "呼叫中心经理",
    "Operations": "呼叫中心运营经理",
}
"""Each English preset and its Simplified Chinese counterpart; the name is also the title."""
CHINESE = list(CHINESE_OF.values())
BUILT_IN = ENGLISH + CHINESE


def load(name: str) -> JobDescription:
    return read_document(_paths.presets_dir() / f"{name}.jd.json")


def text_of(document: JobDescription) -> str:
    """Every word of a preset, lower-case, for fact look-ups."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False).lower()


def list_at(document: JobDescription, path: tuple[str, ...]) -> tuple[str, ...]:
    """The bullet list at ``path`` (one of ``LIST_PATHS``)."""
    value: object = document
    for part in path:
        value = getattr(value, part)
    assert isinstance(value, tuple)
    return value


def test_exactly_the_eight_built_ins_ship() -> None:
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
    # The statement names the company through the placeholder every renderer fills in, in the
    # preset's language.
    placeholder = "[公司名称]" if document.language.startswith("zh") else COMPANY_PLACEHOLDER
    assert placeholder in document.equal_opportunity


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


# The same facts, one for one and in the same order, as the Chinese presets word them.
SEED_FACTS_ZH: dict[str, list[tuple[str, list[str]]]] = {
    "呼叫中心客服专员": [
        ("high volume of inbound and outbound calls", ["大量", "呼入", "外呼"]),
        (
            "resolve issues, answer questions, give product info",
            ["解决客户的问题", "解答客户疑问", "产品和服务"],
        ),
        ("service requests through company channels", ["服务请求", "沟通渠道"]),
        (
            "update customer info, document interactions, data integrity",
            ["及时更新客户账户信息", "准确记录每一次与客户的沟通", "账户数据准确、完整"],
        ),
        ("upsell without compromising the experience", ["追加销售", "不影响客户体验"]),
        ("escalate unresolved issues to higher tiers", ["升级", "更高层级"]),
        ("verbal and written communication", ["口头和书面沟通"]),
        ("learning new software and digital tools", ["上手新软件", "数字化工具"]),
        (
            "prior customer service experience, inquiries and complaints",
            ["有客户服务工作经验", "客户咨询和投诉"],
        ),
        ("patience (FAQ)", ["耐心"]),
        ("resolve complaints promptly (summary)", ["及时、礼貌地解决"]),
    ],
    "呼叫中心组长": [
        ("motivate and coach the team", ["激励并辅导"]),
        ("monitor team metrics with tools and reports", ["团队各项指标", "报表工具"]),
        ("design and implement ongoing training", ["设计并持续开展", "培训与发展计划"]),
        (
            "help agents with complex calls, train others from it",
            ["复杂的客户来电", "全组培训"],
        ),
        ("proven track record leading a team to goals", ["成功经验", "绩效目标"]),
        ("preferably with supervisory responsibilities", ["主管职责"]),
        ("CRM platforms and call center technology", ["crm平台", "呼叫中心技术"]),
        (
            "bridge between agents and upper management",
            ["一线客服专员与公司高层管理者之间的桥梁"],
        ),
        ("team and company goals met (summary)", ["团队目标和公司目标"]),
        (
            "high-quality customer service, coach and motivate (summary)",
            ["高质量的客户服务", "辅导和激励他人"],
        ),
    ],
    "呼叫中心经理": [
        ("systems and processes meet high standards", ["系统和流程达到", "高标准"]),
        ("hiring, mentoring, retaining a well-qualified team", ["招聘、指导和留住", "高素质团队"]),
        ("use data to find trends and improve", ["识别趋势", "提升绩效"]),
        (
            "budgets and resources for financial and operational goals",
            ["预算和资源", "财务及运营目标"],
        ),
        ("daily operations and strategic planning (FAQ)", ["日常运营", "战略规划"]),
        ("advanced from agent to team lead", ["由客服专员逐步晋升至组长"]),
        ("oversee large teams, results through strategy", ["管理大型团队", "策略和领导力"]),
        ("analyze data, actionable improvements", ["分析绩效数据", "切实可行的改进措施"]),
        ("results-driven, big picture (summary)", ["以结果为导向", "全局"]),
        ("pay depends on experience and qualifications", ["视经验和资历而定"]),
        (
            "experience can substitute for education (FAQ)",
            ["领导力和运营能力卓越", "没有本科学历也欢迎申请"],
        ),
    ],
    "呼叫中心运营经理": [
        ("manage and oversee daily operations", ["日常运营"]),
        ("metrics and SLAs", ["服务水平协议"]),
        ("train, mentor, support staff", ["培训、指导和支持"]),
        (
            "develop, implement and enforce policies and procedures",
            ["制定、实施并执行运营政策和流程", "合规"],
        ),
        ("escalated inquiries and complaints", ["升级的客户咨询和投诉"]),
        ("collaborate with other departments", ["其他部门"]),
        ("reports and presentations for management", ["报告和演示材料"]),
        ("inventory: equipment and software", ["物资", "设备和软件"]),
        ("staff schedules for peak coverage", ["员工排班", "高峰时段"]),
        ("monitor call quality", ["通话质量"]),
        ("data reports for strategic planning", ["数据报表", "战略规划"]),
        ("meet and exceed sales targets", ["达成并超越销售目标"]),
        ("regular staff meetings", ["定期召开员工会议"]),
        ("call routing and layouts at peak times", ["来电路由", "布局"]),
        ("customer feedback", ["客户反馈"]),
        ("bridge between management and agents", ["管理层与一线客服专员之间的桥梁"]),
        ("sales and customer support areas", ["销售和客户支持"]),
        ("wait times", ["等待时间"]),
        ("leadership and team management", ["领导力和团队管理"]),
        ("verbal and written communication", ["口头和书面沟通"]),
        ("call center software and CRM", ["呼叫中心管理软件和crm系统"]),
        ("analytical mindset", ["分析型思维"]),
        ("customer focus", ["热衷于提供卓越服务"]),
        ("fast-paced multitasking", ["快节奏的工作环境"]),
        ("problem solving", ["解决客户问题"]),
        ("time management and organization", ["时间管理和组织协调"]),
        ("adaptability", ["适应能力"]),
        ("customer service best practices", ["客户服务最佳实践"]),
        ("conflict resolution", ["冲突化解"]),
        ("associate's degree advantageous", ["大专学历"]),
        ("pathways: entry-level roles or internships", ["初级客户服务岗位或呼叫中心相关实习"]),
        ("project management experience", ["项目管理经验"]),
        ("supervisory roles managing teams", ["担任主管、管理团队"]),
        ("direct client communication", ["直接与客户沟通"]),
        ("specialized training", ["呼叫中心软件", "专业培训"]),
        ("CCCM certification", ["certified call center manager", "cccm"]),
        ("CSR certification", ["customer service representative", "csr"]),
        (
            "state-specific certifications; licenses usually not required",
            ["州级认证", "通常无需执照"],
        ),
        ("continuous professional development", ["职业发展"]),
        ("brand image and customer loyalty (overview)", ["品牌", "长期的客户忠诚度"]),
        ("positive work environment, open communication", ["积极向上", "开放沟通"]),
    ],
}


def test_chinese_fact_tables_mirror_the_english_ones() -> None:
    """Every fact checked in an English preset is checked in its Chinese counterpart too."""
    assert list(SEED_FACTS_ZH) == [CHINESE_OF[name] for name in SEED_FACTS]
    for english, chinese in CHINESE_OF.items():
        assert [fact for fact, _ in SEED_FACTS_ZH[chinese]] == [
            fact for fact, _ in SEED_FACTS[english]
        ]


@pytest.mark.parametrize(
    ("name", "fact", "phrases"),
    [
        (name, fact, phrases)
        for table in (SEED_FACTS, SEED_FACTS_ZH)
        for name, facts in table.items()
        for fact, phrases in facts
    ],
)
def test_preset_carries_seed_fact(name: str, fact: str, phrases: list[str]) -> None:
    text = text_of(load(name))
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"{name} lacks the seed fact {fact!r}: {missing}"


def test_structured_seed_facts() -> None:
    agent, lead, manager, operations = (load(name) for name in ENGLISH)

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


@pytest.mark.parametrize(("english", "chinese"), CHINESE_OF.items())
def test_chinese_preset_has_the_structured_facts_of_its_english_one(
    english: str, chinese: str
) -> None:
    """Same role, same facts: only the prose is Chinese. The seeds' pay is US-market pay, so it
    stays in US dollars rather than be converted into invented yuan figures."""
    en, zh = load(english), load(chinese)
    assert (zh.language, zh.title) == ("zh-CN", chinese)
    assert (zh.level, zh.employment_type, zh.work_arrangement, zh.location.country) == (
        en.level,
        en.employment_type,
        en.work_arrangement,
        en.location.country,
    )
    # Written as Chinese bullets, one for each English one: nothing added, nothing dropped.
    for list_path in LIST_PATHS:
        assert len(list_at(zh, list_path)) == len(list_at(en, list_path)), list_path

    assert zh.education.minimum_level is en.education.minimum_level
    assert zh.education.preferred_level is en.education.preferred_level
    assert len(zh.education.fields_of_study) == len(en.education.fields_of_study)
    assert (
        zh.education.experience_in_place_of_education
        == en.education.experience_in_place_of_education
    )
    assert zh.experience.minimum_years == en.experience.minimum_years

    if en.salary is None:
        assert zh.salary is None
    else:
        assert zh.salary is not None
        assert zh.salary.model_dump(exclude={"note"}) == en.salary.model_dump(exclude={"note"})
        assert bool(zh.salary.note) == bool(en.salary.note)


def test_chinese_presets_name_the_seed_kpis_and_fields() -> None:
    operations = load("呼叫中心运营经理")
    kpis = " ".join(operations.kpis)
    for kpi in ["平均处理时长", "来电解决率", "客户满意度", "排班遵从率"]:
        assert kpi in kpis
    assert {"工商管理", "传播学", "客户服务"} <= set(operations.education.fields_of_study)
    assert {"管理学", "传播学"} <= set(load("呼叫中心组长").education.fields_of_study)
    assert {"管理学", "商科", "传播学"} <= set(load("呼叫中心经理").education.fields_of_study)


_HAN = r"[\u3400-\u9fff]"
_CHINESE_TYPOGRAPHY = re.compile(
    rf"{_HAN}\s+{_HAN}"  # a space between Chinese characters
    rf"|{_HAN}[,.;:!?()]|[,.;:!?()]{_HAN}"  # half-width punctuation beside Chinese text
)


@pytest.mark.parametrize("name", CHINESE)
def test_chinese_presets_use_chinese_typography(name: str) -> None:
    """Full-width punctuation, no spaces between characters, bullets without a full stop."""
    document = load(name)
    for path, text in prose(document):
        found = _CHINESE_TYPOGRAPHY.search(text)
        assert not found, f"{name}: {'.'.join(map(str, path))}: {found.group()!r}"
    for list_path in LIST_PATHS:
        items = list_at(document, list_path)
        assert not [item for item in items if item.endswith(("。", "."))], list_path


def test_preset_summaries_are_written_not_pasted() -> None:
    """The seeds' summary examples are paraphrased, not copied sentence for sentence."""
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    source = " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")).lower()
    sentences = [
        sentence.strip()
        for name in ENGLISH
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


@pytest.mark.parametrize("name", ENGLISH)
def test_en_us_presets_use_american_spelling(name: str) -> None:
    text = (_paths.presets_dir() / f"{name}.jd.json").read_text(encoding="utf-8")
    assert json.loads(text)["language"] == "en-US"
    found = {m.group(0) for m in _BRITISH.finditer(text)} - _NOT_BRITISH
    found = {word for word in found if word.lower() not in _NOT_BRITISH}
    assert not found, f"British spellings in {name}: {sorted(found)}"
