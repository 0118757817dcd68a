"""Tests for the guidance knowledge base and its loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.knowledge import (
    RFP_SECTIONS,
    TOPICS,
    GuidanceBase,
    GuidanceItem,
    KnowledgeError,
    load_guidance,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE_DIR = REPO_ROOT / "knowledge"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SELECTION_PREFIX = "sel-"
RUN_LENGTH = 12

KEY_SUBJECTS = [
    "PCI DSS",
    "HIPAA",
    "GDPR",
    "ISO 27001",
    "SOC 2",
    "CSAT",
    "NPS",
    "FCR",
    "AHT",
    "ASA",
    "occupancy",
    "shrinkage",
    "BAA",
    "RTO",
    "pilot",
    "termination",
    "hidden charges",
    "per-hour",
    "per-FTE",
    "per-transaction",
    "outcome-based",
]

VALID_ITEM = """\
- id: test-item
  title: A test item
  topic: pricing
  why: Because tests need one valid item.
  ask_vendors:
    - Is this a question?
  rfp_section: pricing
"""


@pytest.fixture(scope="module")
def guidance() -> GuidanceBase:
    """The real knowledge base."""
    return load_guidance()


def _searchable(item: GuidanceItem) -> str:
    """Title and keywords, lower-cased, for subject checks."""
    return " ".join([item.title, *item.keywords]).lower()


def _words(text: str) -> list[str]:
    """Lower-case word tokens, ignoring punctuation and whitespace differences."""
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower())


def test_loads_real_knowledge_base(guidance: GuidanceBase) -> None:
    assert 120 <= len(guidance) <= 220
    assert all(isinstance(item, GuidanceItem) for item in guidance)


def test_ids_unique_and_well_formed(guidance: GuidanceBase) -> None:
    ids = guidance.ids()
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item_id) for item_id in ids)


def _ids_in_file(path: Path) -> list[str]:
    """Ids declared in one YAML file, read from the raw text."""
    return re.findall(r"^- id: (\S+)", path.read_text(encoding="utf-8"), flags=re.M)


def test_ids_prefixed_by_file_short_name(guidance: GuidanceBase) -> None:
    owners: dict[str, str] = {}
    for path in sorted((KNOWLEDGE_DIR / "guidance").glob("*.yaml")):
        prefixes = {item_id.split("-")[0] for item_id in _ids_in_file(path)}
        assert len(prefixes) == 1, f"{path.name} mixes id prefixes {prefixes}"
        prefix = prefixes.pop()
        assert prefix not in owners, f"{path.name} reuses prefix of {owners.get(prefix)}"
        owners[prefix] = path.name
    assert sum(len(_ids_in_file(p)) for p in (KNOWLEDGE_DIR / "guidance").glob("*.yaml")) == len(
        guidance
    )


def test_every_topic_has_two_items(guidance: GuidanceBase) -> None:
    for topic in TOPICS:
        assert len(guidance.by_topic(topic)) >= 2, topic


def test_rfp_sections_covered(guidance: GuidanceBase) -> None:
    for section in RFP_SECTIONS:
        if section in {"introduction", "submission"}:
            continue
        assert guidance.by_rfp_section(section), section


def test_fifty_selection_items(guidance: GuidanceBase) -> None:
    selection = [item for item in guidance if item.id.startswith(SELECTION_PREFIX)]
    assert len(selection) == 50
    numbers = sorted(int(item.id.split("-")[1]) for item in selection)
    assert numbers == list(range(1, 51))


@pytest.mark.parametrize("subject", KEY_SUBJECTS)
def test_key_subject_present(guidance: GuidanceBase, subject: str) -> None:
    needle = subject.lower()
    assert any(needle in _searchable(item) for item in guidance), subject


def test_lookup_and_citation(guidance: GuidanceBase) -> None:
    item = guidance["sla-voice-service-level"]
    assert item.citation_id == "guidance:sla-voice-service-level"
    assert guidance.get("guidance:sla-voice-service-level") is item
    assert "sla-voice-service-level" in guidance
    assert guidance.get("no-such-item") is None
    with pytest.raises(KeyError):
        guidance["no-such-item"]


def test_as_text_contains_parts(guidance: GuidanceBase) -> None:
    item = guidance["sec-pci-dss"]
    text = item.as_text()
    assert item.title in text and item.why in text
    assert all(question in text for question in item.ask_vendors)
    assert item.details and item.details in text


def test_by_topic_rejects_unknown(guidance: GuidanceBase) -> None:
    with pytest.raises(ValueError):
        guidance.by_topic("not-a-topic")
    with pytest.raises(ValueError):
        guidance.by_rfp_section("not_a_section")


def test_default_load_is_cached() -> None:
    assert load_guidance() is load_guidance()


def test_items_are_frozen(guidance: GuidanceBase) -> None:
    item = guidance["sla-voice-service-level"]
    with pytest.raises(ValidationError):
        item.title = "changed"  # type: ignore[misc]


def test_cross_references_in_text_exist(guidance: GuidanceBase) -> None:
    pattern = re.compile(r"\b((?:sel|sla|sec|contract|price|met|qa|bc)-[a-z0-9-]+[a-z0-9])\b")
    for item in guidance:
        for ref in pattern.findall(item.details or ""):
            assert ref in guidance, f"{item.id} refers to unknown id {ref}"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    """Write one YAML file into a temporary guidance directory."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_valid_tmp_directory(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", VALID_ITEM)
    base = load_guidance(tmp_path)
    assert base.ids() == ["test-item"]


def test_unknown_field_names_file(tmp_path: Path) -> None:
    _write(tmp_path, "bad.yaml", VALID_ITEM + "  colour: blue\n")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml.*colour"):
        load_guidance(tmp_path)


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", VALID_ITEM)
    _write(tmp_path, "b.yaml", VALID_ITEM)
    with pytest.raises(KnowledgeError, match=r"b\.yaml.*duplicate.*test-item"):
        load_guidance(tmp_path)


def test_bad_topic(tmp_path: Path) -> None:
    _write(tmp_path, "topic.yaml", VALID_ITEM.replace("topic: pricing", "topic: costs"))
    with pytest.raises(KnowledgeError, match=r"topic\.yaml.*topic"):
        load_guidance(tmp_path)


def test_bad_id(tmp_path: Path) -> None:
    _write(tmp_path, "id.yaml", VALID_ITEM.replace("id: test-item", "id: Test_Item"))
    with pytest.raises(KnowledgeError, match=r"id\.yaml.*id"):
        load_guidance(tmp_path)


def test_invalid_yaml(tmp_path: Path) -> None:
    _write(tmp_path, "broken.yaml", "- id: [unclosed\n")
    with pytest.raises(KnowledgeError, match=r"broken\.yaml.*invalid YAML"):
        load_guidance(tmp_path)


def test_not_a_list(tmp_path: Path) -> None:
    _write(tmp_path, "mapping.yaml", "id: test-item\n")
    with pytest.raises(KnowledgeError, match=r"mapping\.yaml.*list"):
        load_guidance(tmp_path)


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not found"):
        load_guidance(tmp_path / "absent")


def _runs(words: list[str], length: int) -> set[tuple[str, ...]]:
    """All consecutive word runs of the given length."""
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def test_no_verbatim_runs_from_seeds() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR}")
    seed_runs: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        seed_runs |= _runs(_words(seed.read_text(encoding="utf-8")), RUN_LENGTH)
    for path in sorted(KNOWLEDGE_DIR.rglob("*")):
        if path.suffix not in {".yaml", ".yml", ".md"}:
            continue
        copied = _runs(_words(path.read_text(encoding="utf-8")), RUN_LENGTH) & seed_runs
        assert not copied, f"{path} copies seed text: {' '.join(sorted(copied)[0])}"
