"""Clean text: boilerplate removal, glued sentences, headline/standfirst, HTML, language check."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from eventwire.text import (
    article_id,
    clean_plain_text,
    extract_html,
    looks_english,
    normalise_for_id,
    repair_mojibake,
    signals,
    split_glued,
    split_sentences,
)

DATA = Path(__file__).parent / "data" / "ingest"
SHARED = Path(os.environ.get("EVENTWIRE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SEED = SHARED / "seed" / "000_bdb1c6aea4578a68.txt"


def _shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set EVENTWIRE_SHARED)")
    return path


# --- the seed article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> object:
    return clean_plain_text(_shared(SEED).read_text(encoding="utf-8"))


def test_seed_headline_and_standfirst(seed) -> None:
    assert seed.title == "Isis releases new video threatening attacks in Russia ‘very soon’"
    assert seed.summary == (
        "The militant group reportedly suffered significant losses on the battlefield on Thursday")
    assert seed.title not in seed.body and seed.summary not in seed.body


def test_seed_body_starts_with_the_news_after_the_glued_appeal(seed) -> None:
    assert seed.body.startswith(
        "The Isis militant group has released a new video threatening to launch attacks in Russia")


@pytest.mark.parametrize("gone", [
    "Your support", "The Independent is trusted", "critical moment", "reproductive rights",
    "paywalls", "makes all the difference", "commenting forum", "thought-provoking", "Comments",
    "donation",
])
def test_seed_boilerplate_is_gone(seed, gone: str) -> None:
    assert gone not in seed.body


@pytest.mark.parametrize("kept", [
    "al-Hayat Media Centre", "Nov. 12, when peshmerga units", "around 7,500 Kurdish and Yazidi",
    "“The kafir throats will tremble from the knives. The Kremlin will be ours,” it said.",
    "provided air support", "Highway 47",
])
def test_seed_news_is_kept_intact(seed, kept: str) -> None:
    assert kept in seed.body


def test_seed_keeps_one_line_per_paragraph(seed) -> None:
    lines = seed.body.split("\n")
    assert len(lines) == 12
    assert lines[-1].startswith("“The peshmerga will continue operations")


# --- self-written scraped examples -----------------------------------------------------------------


def _clean(name: str):
    return clean_plain_text((DATA / name).read_text(encoding="utf-8"))


def test_membership_appeal_furniture_and_comment_section_removed() -> None:
    out = _clean("membership_appeal.txt")
    assert out.title == "Floods cut off two villages in northern Valdoria as rivers burst their banks"
    assert out.summary and out.summary.startswith("Rescue teams used boats")
    for gone in ("Marta Quillen", "Share this", "Advertisement", "morning briefing", "newsroom",
                 "billionaire", "contribution", "Read more", "newsletter", "cookies", "Comments",
                 "thank you", "My cousin"):
        assert gone not in out.body, gone
    assert "Belkin. Emergency workers said at least 40 homes were flooded." in out.body
    assert "three trucks of drinking water to the area." in out.body
    assert "worst since 1998" in out.body
    assert len(out.body.split("\n")) == 4


def test_donation_block_before_glued_first_sentence() -> None:
    out = _clean("donation_glued.txt")
    assert out.body.startswith("Riot police fired tear gas at thousands of opposition supporters")
    for gone in ("Thank you for reading", "donation", "generosity", "conversation", "Commenting"):
        assert gone not in out.body
    assert "Dr. Anselm Roy, called for a general strike on Monday." in out.body


def test_wire_story_keeps_quotes_abbreviations_and_drops_copyright() -> None:
    out = _clean("wire_copyright.txt")
    assert out.title is None and out.summary is None  # every line is a full sentence
    assert out.body.startswith("KORVALA (Wire) — Gunmen attacked a police checkpoint")
    assert '"We will find those responsible," the ministry spokesman told reporters.' in out.body
    assert "The U.S. embassy condemned the attack. In Nov. 2022" in out.body
    assert "4.5 tonnes" in out.body
    assert "Copyright" not in out.body and "redistributed" not in out.body


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    raw = ("THE ARMY REPORTED THAT THREE SOLDIERS WERE WOUNDED DURING A CLASH\n"
           "NEAR THE BRIDGE ON THE LEMPA RIVER YESTERDAY AFTERNOON, WHEN REBELS\n"
           "OPENED FIRE FROM THE HILLS.\n\n"
           "A SPOKESMAN SAID THE REBELS FLED NORTH AFTER THE ATTACK AND THAT\n"
           "TROOPS WERE SEARCHING THE AREA.\n")
    out = clean_plain_text(raw)
    assert out.body.split("\n") == [
        "THE ARMY REPORTED THAT THREE SOLDIERS WERE WOUNDED DURING A CLASH NEAR THE BRIDGE ON THE "
        "LEMPA RIVER YESTERDAY AFTERNOON, WHEN REBELS OPENED FIRE FROM THE HILLS.",
        "A SPOKESMAN SAID THE REBELS FLED NORTH AFTER THE ATTACK AND THAT TROOPS WERE SEARCHING "
        "THE AREA.",
    ]


def test_dateline_notice_is_not_taken_for_a_headline() -> None:
    raw = ("This story is from March 10, 2002\n\n"
           "ahmedabad: police opened fire on a mob in the old city on sunday, killing two people, "
           "officials said.")
    out = clean_plain_text(raw)
    assert out.title is None
    assert out.body.startswith("ahmedabad: police opened fire")


# --- sentence tools ----------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, expected", [
    ("all the difference.The Isis group", "all the difference. The Isis group"),
    ("it was over!Click here", "it was over! Click here"),
    ("he said.“The attack", "he said. “The attack"),
    ("in 2015.Officials said", "in 2015. Officials said"),
])
def test_split_glued_inserts_missing_space(raw: str, expected: str) -> None:
    assert split_glued(raw) == expected


@pytest.mark.parametrize("raw", [
    "the U.S.Army said", "on Nov. 12 at 4.5 km", "visit independent.co.uk or www.Example.com",
    "J.K.Rowling wrote", "the al-Hayat Media Centre", "mail press@Example.org now",
    "the Gen.Staff met",
])
def test_split_glued_leaves_abbreviations_urls_and_decimals(raw: str) -> None:
    assert split_glued(raw) == raw


def test_split_sentences_respects_abbreviations() -> None:
    text = "Mr. Smith met Dr. Jones on Nov. 12 in the U.S. capital. They talked. J. Doe left."
    assert split_sentences(text) == [
        "Mr. Smith met Dr. Jones on Nov. 12 in the U.S. capital.", "They talked.", "J. Doe left."]


@pytest.mark.parametrize("sentence", [
    "On Wednesday night, US-led coalition fighter jets provided air support to 7,500 fighters.",
    "He made a donation of $1m to the hospital, officials said.",
    "Netflix said it gained 5 million subscribers in the quarter.",
    '"We will not let them take our city," the mayor told reporters.',
    "If you subscribe to the streaming service, you get 100 games for $5.",
    "Like many others, she fled the fighting.",
    "Share prices fell 3% after the attack.",
    "By Monday, the death toll had risen to 40.",
    "Facebook changed its privacy policy after the ruling, regulators said.",
    "Local reporting by the station's journalists exposed the abuse in 2019.",
    "Photographs of the blast were shared online within minutes.",
])
def test_news_sentences_are_not_boilerplate(sentence: str) -> None:
    assert not signals(sentence).boilerplate


@pytest.mark.parametrize("sentence", [
    "Your support makes all the difference.",
    "Subscribe now for unlimited digital access.",
    "Sign up for our newsletter.",
    "We believe quality journalism should be available to everyone.",
    "Join thought-provoking conversations, follow other readers and see their replies",
    "Advertisement",
    "Share this article",
    "By Jane Doe",
    "Updated: 12 Nov 2015 14:03",
    "Follow us on Twitter",
    "Copyright 2024 Example News. All rights reserved.",
    "We use cookies to improve your experience.",
    "Reporting by Jane Doe in Kabul; Editing by John Smith",
    "Photograph: Ahmed Saad/Reuters",
    "This article is more than 5 years old",
    "First published on Thu 12 Nov 2015 10.00 GMT",
])
def test_boilerplate_sentences_are_recognised(sentence: str) -> None:
    assert signals(sentence).boilerplate


def test_long_lowercase_paragraph_with_appeal_words_is_kept() -> None:
    para = ("ayodhya: the nyas president said he would donate the carved stone to the temple trust "
            "and told us that the ceremony would go ahead. " * 5).strip()
    out = clean_plain_text(para)
    assert out.body == para


# --- ids and repair -------------------------------------------------------------------------------


def test_article_id_ignores_case_width_and_whitespace() -> None:
    a = "Gunmen killed 3 people in Korvala.\nPolice said so."
    b = "  GUNMEN killed 3 people in  Korvala.   Police said so.  "
    assert article_id(a) == article_id(b)
    assert article_id(a) != article_id("Gunmen killed 4 people in Korvala. Police said so.")
    assert normalise_for_id("Ｆｕｌｌ　width") == "full width"


def test_repair_mojibake_fixes_common_punctuation() -> None:
    assert repair_mojibake("â€œwe demand a banâ€\x9d, he said") == "“we demand a ban”, he said"
    assert repair_mojibake("plain text") == "plain text"


# --- HTML --------------------------------------------------------------------------------------------


def test_extract_html_metadata_and_main_text() -> None:
    out = extract_html((DATA / "article.html").read_text(encoding="utf-8"),
                       url="https://courier.example/ceasefire")
    assert out.title == "Ceasefire holds in Darrow Valley for third day"
    assert out.source == "The Valley Courier"
    assert out.published == dt.date(2024, 5, 6)
    assert out.summary == "Both sides report no shelling since Friday."
    assert out.body.startswith("A ceasefire between government troops and the Northern Front")
    assert "eleven trucks carrying food and medicine" in out.body
    for gone in ("Home", "Sign up", "daily briefing", "Copyright", "Subscribe"):
        assert gone not in out.body
    assert len(out.body.split("\n")) == 3


def test_extract_html_without_main_text_gives_empty_body() -> None:
    out = extract_html("<html><head><script>var x = 1;</script></head><body></body></html>")
    assert out.body == ""


# --- language ----------------------------------------------------------------------------------------

FOREIGN = {
    "fr": "Les forces de sécurité ont arrêté trois hommes dans la nuit de dimanche à lundi près de "
          "la frontière. Selon le ministère, ils préparaient une attaque contre une caserne de la "
          "région et ont été transférés dans la capitale pour y être interrogés.",
    "es": "Las fuerzas de seguridad detuvieron a tres hombres en la noche del domingo cerca de la "
          "frontera. Según el ministerio, los detenidos preparaban un ataque contra un cuartel de "
          "la región y fueron trasladados a la capital para ser interrogados.",
    "de": "Die Sicherheitskräfte haben in der Nacht zum Montag drei Männer in der Nähe der Grenze "
          "festgenommen. Nach Angaben des Ministeriums planten sie einen Anschlag auf eine Kaserne "
          "in der Region und wurden zur Vernehmung in die Hauptstadt gebracht.",
    "ru": "Силы безопасности в ночь на понедельник задержали трёх мужчин недалеко от границы. По "
          "данным министерства, они готовили нападение на казарму в регионе и были доставлены в "
          "столицу для допроса.",
    "ar": "اعتقلت قوات الأمن ثلاثة رجال ليلة الأحد قرب الحدود. وقالت الوزارة إنهم كانوا يخططون "
          "لهجوم على ثكنة في المنطقة وتم نقلهم إلى العاصمة للتحقيق معهم.",
    "it": "Le forze di sicurezza hanno arrestato tre uomini nella notte tra domenica e lunedì "
          "vicino al confine. Secondo il ministero, stavano preparando un attacco contro una "
          "caserma della regione e sono stati trasferiti nella capitale per essere interrogati.",
    "pt": "As forças de segurança prenderam três homens na noite de domingo perto da fronteira. "
          "Segundo o ministério, eles preparavam um ataque contra um quartel da região e foram "
          "levados para a capital para serem interrogados.",
    "id": "Pasukan keamanan menangkap tiga pria pada malam Minggu di dekat perbatasan. Menurut "
          "kementerian, mereka sedang merencanakan serangan terhadap sebuah barak di wilayah itu "
          "dan sudah dibawa ke ibu kota untuk diperiksa.",
}


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_foreign_texts_are_not_english(lang: str) -> None:
    assert not looks_english(FOREIGN[lang])


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police checkpoint on Sunday, killing three officers, the ministry said.",
    "GUNMEN ATTACKED A POLICE CHECKPOINT ON SUNDAY, KILLING THREE OFFICERS, THE MINISTRY SAID.",
    "ahmedabad: police opened fire on a mob in the old city on sunday, killing two people.",
    "Pre-Workout Meal\nEat 60–90 minutes before your workout\nAsparagus and eggs, 1 cup sweet "
    "potato, 1 tsp. olive oil\nPortion containers: 1 Green, 1 Red, 1 Yellow\nDrink during "
    "your workout\nPost-Workout Meal: chicken zoodles, 1 cup zucchini noodles with ginger",
])
def test_english_in_any_case_is_english(text: str) -> None:
    assert looks_english(text)


def test_shared_corpora_count_as_english() -> None:
    voa = _shared(SHARED / "datasets" / "voa" / "voa_stories.jsonl")
    texts = [json.loads(line)["text"] for line in voa.read_text(encoding="utf-8").splitlines()]
    assert all(looks_english(t) for t in texts)
    police = _shared(SHARED / "datasets" / "india_police_events" / "metadata.jsonl")
    with police.open(encoding="utf-8") as handle:
        sample = [json.loads(next(handle))["full_text"] for _ in range(100)]
    assert all(looks_english(t) for t in sample)
    muc = _shared(SHARED / "datasets" / "muc4" / "CORPORA" / "dev" / "dev-muc3-0001-0100")
    assert looks_english(muc.read_text(encoding="latin-1")[:5000])
    assert looks_english(_shared(SEED).read_text(encoding="utf-8"))
