"""Postings written by hand in the styles recruiters use, each imported with its expectations.

The text formats are files in ``postings/``; the Word files are built here with python-docx,
the way Word, LibreOffice and Google Docs write them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from jdeditor.importer import UNPLACED_MARK, ImportResult, import_posting

POSTINGS = Path(__file__).parent / "postings"


def imported(name: str) -> tuple[ImportResult, dict[str, Any]]:
    result = import_posting(POSTINGS / name)
    assert result.document is not None, result.messages()
    return result, result.document.model_dump(mode="json")


def messages(result: ImportResult) -> str:
    return "\n".join(guess.message for guess in result.guesses)


def test_indeed_style_plain_text() -> None:
    result, job = imported("indeed_customer_service.txt")
    assert job["title"] == "Customer Service Representative"
    assert job["company"]["name"] == "Sunrise Home Insurance"
    assert job["location"] == {"locality": "Tampa", "region": "FL", "country": "US"}
    assert job["salary"] == {
        "minimum": 16,
        "maximum": 19,
        "open_ended": False,
        "currency": "USD",
        "period": "hour",
        "note": "",
    }
    assert job["employment_type"] == "full-time"
    assert job["work_arrangement"] == "on-site"  # "Work Location: In person"
    assert len(job["responsibilities"]) == 4
    assert job["required_qualifications"][0] == "High school diploma or GED required"
    assert job["education"]["minimum_level"] == "high-school"
    assert job["experience"]["minimum_years"] == 1
    assert job["benefits"] == [
        "Health insurance",
        "Dental insurance",
        "401(k) matching",
        "Paid time off",
    ]
    assert job["how_to_apply"]["email"] == "careers@sunrisehome-ins.com"
    assert job["how_to_apply"]["instructions"].startswith("To apply")
    assert job["language"] == "en"
    assert result.unplaced == []
    assert "Pay: '$16 - $19 an hour' read as 16–19 USD per hour" in messages(result)


def test_linkedin_style_markdown() -> None:
    result, job = imported("linkedin_support_specialist.md")
    assert job["title"] == "Technical Support Specialist"
    assert job["company"]["name"] == "Cobalt Networks"
    assert job["location"] == {"locality": "Denver", "region": "CO", "country": "US"}
    assert job["work_arrangement"] == "on-site"
    assert job["level"] == "entry"  # "Seniority level: Entry level"
    assert job["employment_type"] == "full-time"
    assert job["summary"].startswith("Cobalt Networks provides")  # under bold "About the job"
    assert len(job["responsibilities"]) == 4
    assert job["education"]["minimum_level"] == "associate"
    assert job["education"]["fields_of_study"] == ["IT"]
    assert job["education"]["experience_in_place_of_education"] is True
    assert job["experience"]["minimum_years"] == 1  # "1-2 years"
    assert job["salary"]["minimum"] == 48000
    assert job["salary"]["maximum"] == 56000
    assert job["salary"]["period"] == "year"
    assert result.unplaced == []


def test_html_careers_page_with_json_ld() -> None:
    result, job = imported("careers_page.html")
    assert job["title"] == "Bilingual Call Centre Agent"
    assert job["language"] == "en-CA"
    assert job["location"] == {"locality": "Moncton", "region": "NB", "country": "CA"}
    assert job["salary"]["currency"] == "CAD"  # '$' in a Canadian posting
    assert (job["salary"]["minimum"], job["salary"]["maximum"]) == (20, 23.5)
    assert job["salary"]["period"] == "hour"
    assert job["date_posted"] == "2026-01-20"
    assert job["valid_through"] == "2026-02-28"
    assert job["company"] == {
        "name": "Maple Telecom",
        "about": "",
        "website": "https://mapletelecom.ca",
    }
    assert job["how_to_apply"]["url"] == "https://mapletelecom.ca/careers/apply/4471"
    assert job["responsibilities"][0] == "Answer calls and chats in English and French"
    assert job["benefits"] == ["Group insurance from day one", "Free home internet"]
    everything = str(job)
    assert "tracker" not in everything and "cookie" not in everything  # scripts are skipped
    assert "Home" not in job["summary"] and "©" not in everything  # navigation and footer
    assert "from the page's JSON-LD" in messages(result)


def test_html_page_with_bold_headings_and_no_json_ld() -> None:
    result, job = imported("plain_careers.html")
    assert job["title"] == "Collections Specialist"
    assert job["location"] == {"locality": "Phoenix", "region": "AZ", "country": "US"}
    assert job["salary"]["note"] == "depending on experience"
    assert job["benefits"] == ["Monthly incentive plan", "Tuition reimbursement"]
    assert job["how_to_apply"]["email"] == "recruiting@desertcredit.com"
    assert job["experience"]["minimum_years"] == 2
    assert result.unplaced == []


def test_what_you_will_do_bring_nice_to_have_perks() -> None:
    result, job = imported("startup_cx.md")
    assert job["company"]["name"] == "Orbit Labs"
    assert job["work_arrangement"] == "hybrid"
    assert job["responsibilities"][0] == "Own a queue of customer tickets by email, chat and phone"
    assert job["required_qualifications"][0] == "2+ years in a customer-facing SaaS role"
    assert job["preferred_qualifications"] == ["Experience with Intercom or Zendesk", "Spanish"]
    assert job["benefits"][0] == "Four-day work week in summer"
    assert job["kpis"] == [
        "Customer satisfaction (CSAT) above 95%",
        "First response time under two hours",
    ]
    assert job["salary"] == {
        "minimum": 60000,
        "maximum": 75000,
        "open_ended": False,
        "currency": "USD",
        "period": "year",
        "note": "depending on experience",
    }
    assert job["education"]["minimum_level"] == "bachelor"
    assert job["education"]["fields_of_study"] == ["Communications", "Business", "a related field"]
    assert job["how_to_apply"]["email"] == "jobs@orbitlabs.io"
    assert job["how_to_apply"]["url"] == "https://orbitlabs.io/careers/cx-specialist"
    text = messages(result)
    for heading, field in [
        ("What you'll do", "Responsibilities"),
        ("What you'll bring", "Required qualifications"),
        ("Nice to have", "Preferred qualifications"),
        ("Perks", "Benefits"),
    ]:
        assert f"Section '{heading}' read as {field}" in text
    assert result.unplaced == []


def test_hourly_pay_and_remote_us() -> None:
    result, job = imported("remote_chat_agent.txt")
    assert job["title"] == "Remote Chat Support Agent (Part-Time)"
    assert job["work_arrangement"] == "remote"
    assert job["location"]["country"] == "US"
    assert job["employment_type"] == "part-time"
    assert job["salary"]["minimum"] == 18
    assert job["salary"]["maximum"] == 22
    assert job["salary"]["period"] == "hour"
    assert job["level"] == "entry"  # "This is an entry-level role"
    assert job["experience"]["minimum_years"] == 0.5  # "At least 6 months"
    assert job["how_to_apply"]["url"] == "https://careers.brightlinepets.com/chat-agent"
    assert job["valid_through"] == "2026-03-15"
    assert job["benefits"][0] == "Work from home, with a $300 home-office stipend"
    assert result.unplaced == []


def test_underlined_headings_and_pounds() -> None:
    result, job = imported("uk_team_leader.txt")
    assert job["title"] == "Contact Centre Team Leader"
    assert job["level"] == "mid"
    assert job["location"] == {"locality": "Leeds", "region": "", "country": "GB"}
    assert job["salary"]["currency"] == "GBP"
    assert (job["salary"]["minimum"], job["salary"]["maximum"]) == (30000, 35000)
    assert job["salary"]["note"] == "plus quarterly bonus"
    assert job["employment_type"] == "full-time"
    assert job["responsibilities"][0] == "Coach and develop a team of 12 customer advisors"
    assert job["company"]["name"] == "Northway Energy"
    assert job["company"]["about"].startswith("Northway Energy supplies")
    assert job["equal_opportunity"].startswith("Northway Energy is an equal")
    assert job["experience"]["minimum_years"] == 2
    assert result.unplaced == []


def test_chinese_plain_text() -> None:
    result, job = imported("kefu_zhuanyuan.txt")
    assert job["title"] == "客服专员"
    assert job["language"] == "zh-CN"
    assert job["location"] == {"locality": "上海", "region": "", "country": "CN"}
    assert job["employment_type"] == "full-time"
    assert job["salary"] == {
        "minimum": 6000,
        "maximum": 8000,
        "open_ended": False,
        "currency": "CNY",
        "period": "month",
        "note": "",
    }
    assert job["responsibilities"][0] == "负责接听客户来电，解答客户关于产品和订单的咨询"
    assert len(job["responsibilities"]) == 4
    assert job["required_qualifications"][0] == "大专及以上学历"
    assert job["education"]["minimum_level"] == "associate"
    assert job["experience"]["minimum_years"] == 1
    assert job["benefits"] == ["五险一金", "带薪年假", "节日福利"]
    assert job["company"]["name"] == "上海明远科技有限公司"
    assert job["how_to_apply"]["email"] == "hr@mingyuan-tech.cn"
    assert result.unplaced == []


def test_chinese_markdown_with_yearly_pay_in_wan() -> None:
    result, job = imported("zh_team_lead.md")
    assert job["language"] == "zh-CN"
    assert job["level"] == "mid"  # 主管
    assert job["work_arrangement"] == "remote"  # （远程） in the title
    assert job["salary"]["minimum"] == 150000
    assert job["salary"]["maximum"] == 200000
    assert job["salary"]["period"] == "year"
    assert job["summary"].startswith("负责带领")  # 职位描述
    assert job["education"]["minimum_level"] == "bachelor"
    assert job["education"]["fields_of_study"] == ["市场营销", "管理"]
    assert job["experience"]["minimum_years"] == 3
    assert job["preferred_qualifications"] == ["有电商客服经验"]
    assert result.unplaced == []


def test_json_ld_file_in_german() -> None:
    result, job = imported("eu_posting.jsonld")
    assert job["title"] == "Kundenberater (m/w/d)"
    assert job["language"] == "de-DE"
    assert job["employment_type"] == "part-time"
    assert job["location"] == {"locality": "Köln", "region": "", "country": "DE"}
    assert job["salary"]["currency"] == "EUR"
    assert (job["salary"]["minimum"], job["salary"]["maximum"]) == (2500, 3000)
    assert job["salary"]["period"] == "month"
    assert job["company"]["name"] == "Rhein Service GmbH"
    assert result.unplaced == []


# --- Word files, built the way each program writes them ------------------------------------------
def test_word_file_with_heading_2_and_list_bullet(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Inbound Sales Agent", style="Title")
    word.add_paragraph("Location: Columbus, OH")
    word.add_paragraph("Pay: $17.50 per hour plus commission")
    word.add_paragraph("Employment type: Full-time")
    word.add_heading("Key responsibilities", level=2)
    for duty in (
        "Take inbound sales calls",
        "Quote and sell home warranty plans",
        "Meet weekly sales targets",
    ):
        word.add_paragraph(duty, style="List Bullet")
    word.add_heading("Required qualifications", level=2)
    word.add_paragraph("1 year of sales or call center experience", style="List Bullet")
    word.add_paragraph("High school diploma or equivalent", style="List Bullet")
    word.add_heading("Benefits", level=2)
    word.add_paragraph("Uncapped commission", style="List Number")
    word.add_heading("About Homeguard", level=2)
    word.add_paragraph("Homeguard protects 2 million homes across the Midwest.")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Schedule"
    table.cell(0, 1).text = "Monday to Friday, 9 to 5"
    word.core_properties.language = "en-US"
    path = tmp_path / "word.docx"
    word.save(str(path))
    result = import_posting(path)
    job = result.document
    assert job is not None, result.messages()
    assert job.title == "Inbound Sales Agent"
    assert job.language == "en-US"
    assert (job.location.locality, job.location.region, job.location.country) == (
        "Columbus",
        "OH",
        "US",
    )
    assert job.salary is not None
    assert job.salary.minimum == Decimal("17.5")
    assert job.salary.maximum is None
    assert job.salary.period == "hour"
    assert job.salary.note == "plus commission"
    assert job.responsibilities == (
        "Take inbound sales calls",
        "Quote and sell home warranty plans",
        "Meet weekly sales targets",
    )
    assert job.education.minimum_level == "high-school"
    assert job.experience.minimum_years == 1
    assert job.benefits == ("Uncapped commission",)
    assert job.company.name == "Homeguard"
    # Table cells are read as paragraphs: in the company section, they join its text.
    assert "Monday to Friday, 9 to 5" in job.company.about


def test_google_docs_like_word_file(tmp_path: Path) -> None:
    """Google Docs: no heading styles, bold lines as headings, bullets typed as '•'."""
    word = docx.Document()
    title = word.add_paragraph().add_run("Bilingual Customer Care Rep")
    title.bold = True
    word.add_paragraph("Miami, FL · Full-time · $19 - $21 per hour")

    def heading(text: str) -> None:
        word.add_paragraph().add_run(text).bold = True

    heading("What you'll do")
    for line in ("• Help customers in English and Spanish", "• Process orders and returns"):
        word.add_paragraph(line)
    heading("Who you are")
    word.add_paragraph("•\tFluent in English and Spanish")
    word.add_paragraph("- 2+ years of customer service experience")
    heading("How to apply")
    paragraph = word.add_paragraph("Email your resume to ")
    paragraph.add_run("talent@sunbelt-care.com")
    path = tmp_path / "google.docx"
    word.save(str(path))
    result = import_posting(path)
    job = result.document
    assert job is not None, result.messages()
    assert job.title == "Bilingual Customer Care Rep"
    assert job.responsibilities == (
        "Help customers in English and Spanish",
        "Process orders and returns",
    )
    assert job.required_qualifications == (
        "Fluent in English and Spanish",
        "2+ years of customer service experience",
    )
    assert job.experience.minimum_years == 2
    assert job.location.locality == "Miami"
    assert job.salary is not None and job.salary.minimum == 19
    assert job.how_to_apply.email == "talent@sunbelt-care.com"
    assert job.language == "en"


def test_chinese_word_file(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("电话销售专员", level=1)
    word.add_paragraph("工作地点：广东省深圳市")
    word.add_paragraph("薪资：底薪4000+提成")
    word.add_paragraph("【岗位职责】")
    word.add_paragraph("1、负责公司产品的电话销售；")
    word.add_paragraph("2、维护老客户，开发新客户；")
    word.add_paragraph("【任职要求】")
    word.add_paragraph("1、高中及以上学历；")
    word.add_paragraph("2、有销售经验者优先。")
    path = tmp_path / "zh.docx"
    word.save(str(path))
    result = import_posting(path)
    job = result.document
    assert job is not None, result.messages()
    assert job.title == "电话销售专员"
    assert job.language == "zh-CN"
    assert (job.location.region, job.location.locality, job.location.country) == (
        "广东省",
        "深圳市",
        "CN",
    )
    assert job.salary is not None
    assert job.salary.minimum == 4000
    assert job.salary.open_ended is True
    assert job.salary.currency == "CNY"
    assert job.responsibilities == ("负责公司产品的电话销售", "维护老客户，开发新客户")
    assert job.education.minimum_level == "high-school"


def test_word_styles_unknown_to_the_reader_still_read(tmp_path: Path) -> None:
    """A custom paragraph style that numbers its paragraphs (numPr in the style) is a list."""
    word = docx.Document()
    style = word.styles.add_style("Duty", WD_STYLE_TYPE.PARAGRAPH)
    base = word.styles["List Bullet"]
    style.base_style = base
    word.add_paragraph("Night Shift Agent", style="Title")
    word.add_heading("Responsibilities", level=1)
    word.add_paragraph("Answer calls overnight", style="Duty")
    word.add_paragraph("Log every call", style="List Bullet")
    path = tmp_path / "custom.docx"
    word.save(str(path))
    result = import_posting(path)
    assert result.document is not None, result.messages()
    assert result.document.responsibilities == ("Answer calls overnight", "Log every call")
    assert result.unplaced == []


@pytest.mark.parametrize(
    "name", sorted(path.name for path in POSTINGS.iterdir() if not path.name.startswith("."))
)
def test_every_posting_validates_and_reports(name: str) -> None:
    result = import_posting(POSTINGS / name)
    assert result.check().errors == []
    assert result.guesses, "every import says what it recognised"
    assert all(line.startswith(str(POSTINGS / name)) for line in result.messages())
    assert UNPLACED_MARK not in result.draft["summary"] or result.unplaced
