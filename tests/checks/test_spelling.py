"""Spelling: unknown words with a suggestion; the trade's words, names and the user's own
dictionary are not mistakes."""

from __future__ import annotations

import random
import string
import time
from pathlib import Path
from typing import Any

import pytest

from jdeditor.checks import Context, apply_suggestion
from jdeditor.checks.spelling import FOREIGN_MIN_WORDS, check, suggestion
from jdeditor.files import DocumentError
from jdeditor.model import Company, JobDescription, Location
from jdeditor.user_dictionary import add_word, dictionary_path, read_words


def _posting(text: str, **changes: object) -> JobDescription:
    base = JobDescription(title="Agent", responsibilities=("Answer calls",))
    return base.model_copy(update={"summary": text, **changes})


def _found(text: str, words: frozenset[str] = frozenset(), **changes: Any) -> list[str]:
    return [f.found[0] for f in check(_posting(text, **changes), Context(words=words))]


def test_a_misspelling_is_spanned_with_a_suggestion_that_applies() -> None:
    text = "You will recieve calls."
    (finding,) = check(_posting(text), Context())
    assert finding.code == "spelling.unknown-word"
    assert finding.span is not None and text[slice(*finding.span)] == "recieve"
    assert finding.suggestion == "receive"
    assert apply_suggestion(text, finding) == "You will receive calls."


def test_the_suggestion_keeps_a_capital() -> None:
    (finding,) = check(_posting("Recieve calls."), Context())
    assert finding.suggestion == "Receive"


@pytest.mark.parametrize(
    "text",
    [
        "Track CSAT, AHT, SLA and KPI results in the CRM.",
        "Use omnichannel tools, upsell and handle escalations in onboarding.",
        "Log every csat score and each kpi.",
        "Work with HubSpot and Zendesk.",
        "Apply at jobs@acme-callcentre.example or https://acme.example/jobz/recieve.",
        "Replace [Benefitz, e.g. somthing] before posting.",
        "Our team in Tallahassee answers calls.",  # a capitalised name inside a sentence
    ],
)
def test_trade_words_acronyms_names_addresses_and_placeholders_are_not_mistakes(
    text: str,
) -> None:
    assert _found(text) == []


def test_the_company_name_city_and_region_are_names_everywhere() -> None:
    document = _posting(
        "Northwind opened its Makati office in 2019. Call Northwind Traders in Calabarzon.",
        company=Company(name="Northwind Traders", about="Northwind serves banks."),
        location=Location(locality="Makati", region="Calabarzon", country="PH"),
        responsibilities=("Makati callers first",),
    )
    assert check(document, Context()) == []


def test_a_suggestion_is_one_edit_away() -> None:
    assert suggestion("en", "langauge") == "language"  # two letters swapped: one edit
    assert suggestion("en", "recieve") == "receive"
    assert suggestion("en", "xqzvbntk") is None


def test_a_posting_in_another_language_gets_one_finding_not_one_per_word() -> None:
    spanish = (
        "Buscamos un agente de atención al cliente para nuestro centro de llamadas. Atenderás "
        "llamadas entrantes, resolverás consultas de facturación y registrarás cada "
        "interacción en el sistema."
    )
    (finding,) = check(_posting(spanish, language="en-US"), Context())
    assert finding.code == "spelling.wrong-language"
    assert finding.path == ("language",) and finding.span is None
    assert finding.message == "Most words are not English: is the posting's language set right?"
    assert int(finding.params["unknown"]) > 0.3 * int(finding.params["words"])


def test_a_short_text_or_a_few_typos_keep_their_own_findings() -> None:
    assert _found("Recieve calls con demora.") == ["Recieve", "demora"]  # under 20 words
    text = "You will recieve calls from customers and help them with their accounts kindly. " * 3
    assert len(text.split()) > FOREIGN_MIN_WORDS
    assert _found(text) == ["recieve"] * 3


def test_many_unknown_words_are_checked_quickly() -> None:
    rng = random.Random(7)
    gibberish = ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(100)]
    duties = tuple(f"Answer calls from customers and log {word} kindly" for word in gibberish)
    document = _posting("Answer calls.", responsibilities=duties)
    started = time.perf_counter()
    found = check(document, Context())
    # Two edits away took about 0.4 s a word (40 s here); one edit away takes about 1 ms.
    assert time.perf_counter() - started < 5
    assert [f.found[0] for f in found] == gibberish


def test_the_users_words_are_accepted_in_any_case() -> None:
    assert _found("Ask about our flexirota.") == ["flexirota"]
    assert _found("Ask about our flexirota.", frozenset({"Flexirota"})) == []


def test_a_posting_in_a_language_without_a_dictionary_gets_no_spelling_advice() -> None:
    assert _found("负责接听客户来电 recieve", language="zh-CN") == []


def test_only_english_is_checked_for_now() -> None:
    spanish: dict[str, Any] = {
        "language": "es",
        "title": "Agente",
        "responsibilities": ("Atender llamadas",),
    }
    assert _found("Atender llamadas de clientez.", **spanish) == []


def test_british_spellings_are_variants_not_mistakes() -> None:
    text = "Organise the colour-coded rota, analyse trends at the centre and prioritise calls."
    assert _found(text, language="en-GB") == []
    assert _found("Organiese the rota.", language="en-GB") == ["Organiese"]


def test_the_dictionary_file_takes_one_word_per_line(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    assert read_words(path) == frozenset()
    assert add_word("Flexirota", path) == {"Flexirota"}
    assert add_word("Flexirota", path) == {"Flexirota"}  # once
    assert add_word("CallHub", path) == {"Flexirota", "CallHub"}
    assert path.read_text(encoding="utf-8") == "Flexirota\nCallHub\n"


def test_the_dictionary_lives_in_the_user_data_dir(isolated_dirs: Path) -> None:
    assert dictionary_path().is_relative_to(isolated_dirs)
    add_word("Flexirota")
    assert read_words() == {"Flexirota"}


def test_a_dictionary_that_is_not_text_is_never_written_over(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_bytes(b"ok\n\xff\xfe broken")
    with pytest.raises(DocumentError, match="UTF-8") as raised:
        add_word("Flexirota", path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == b"ok\n\xff\xfe broken"


def test_a_word_with_spaces_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="one word"):
        add_word("two words", tmp_path / "dictionary.txt")
    assert not (tmp_path / "dictionary.txt").exists()


def test_a_dictionary_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    path = tmp_path / "dictionary.txt"
    os.mkfifo(path)
    with pytest.raises(DocumentError):
        read_words(path)


def test_a_bom_and_a_case_variant_do_not_make_a_second_word(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_bytes("\ufeffFlexirota\n".encode())
    assert read_words(path) == {"Flexirota"}
    assert add_word("flexirota", path) == {"Flexirota"}
    assert path.read_bytes() == "\ufeffFlexirota\n".encode()


def test_a_dictionary_folder_that_cannot_be_made_is_a_document_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(DocumentError, match="cannot be created"):
        add_word("Flexirota", tmp_path / "data" / "dictionary.txt")
