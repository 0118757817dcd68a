"""The reading suite: mentions and their assertion status on the annotated corpus.

Each gold mention is matched to the predicted mention of the same kind whose span overlaps it
most. Reported per split (dev is tuned on, test never is) and per kind:
- mention precision / recall (span and kind),
- value accuracy (of matched mentions: the same amount, currency, unit, name…),
- status accuracy (of matched mentions),
- polarity errors: a mention read as affirmed that the text negates, or the reverse.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.resources import read_yaml

CORPUS_DIR = Path(__file__).resolve().parent / "cases" / "reading"
SPLITS = ("dev", "test")


@dataclass
class ReadingScore:
    """Counts over one split; ratios derived."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_right: int = 0
    status_right: int = 0
    polarity_errors: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))  # gold, pred, matched, value
    errors: list = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        """The split's metrics."""
        return {
            "mention_precision": self.matched / self.predicted if self.predicted else 1.0,
            "mention_recall": self.matched / self.gold if self.gold else 1.0,
            "value_accuracy": self.value_right / self.matched if self.matched else 1.0,
            "status_accuracy": self.status_right / self.matched if self.matched else 1.0,
            "polarity_errors": float(self.polarity_errors),
        }


def load_corpus(split: str) -> list[dict]:
    """The annotated sentences of one split."""
    return read_yaml(CORPUS_DIR / f"{split}.yaml")


def score_split(items: list[dict]) -> ReadingScore:
    """Read every sentence and compare with its annotation."""
    from assistant.reading.mentions import read

    score = ReadingScore()
    for item in items:
        text = item["text"]
        predicted = read(text)
        gold = [(m, *_span(text, m["text"])) for m in item.get("mentions") or ()]
        score.gold += len(gold)
        score.predicted += len(predicted)
        used: set[int] = set()
        for mention, start, end in gold:
            kind = mention["kind"]
            score.by_kind[kind][0] += 1
            match = _best(predicted, kind, start, end, used)
            if match is None:
                score.errors.append({"id": item["id"], "missed": mention["text"], "kind": kind})
                continue
            used.add(match)
            found = predicted[match]
            score.matched += 1
            score.by_kind[kind][2] += 1
            if same_value(kind, mention.get("value") or {}, found.value):
                score.value_right += 1
                score.by_kind[kind][3] += 1
            else:
                score.errors.append({"id": item["id"], "value": mention["text"], "gold": mention.get("value"),
                                     "read": found.value})
            if found.status == mention["status"]:
                score.status_right += 1
            else:
                score.errors.append({"id": item["id"], "status": mention["text"], "gold": mention["status"],
                                     "read": found.status})
                if {found.status, mention["status"]} == {"affirmed", "negated"}:
                    score.polarity_errors += 1
        for i, found in enumerate(predicted):
            score.by_kind[found.kind][1] += 1
            if i not in used:
                score.errors.append({"id": item["id"], "extra": found.text, "kind": found.kind})
    return score


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.find(piece)
    return (start, start + len(piece)) if start >= 0 else (0, 0)


def _best(predicted, kind: str, start: int, end: int, used: set[int]) -> int | None:
    best, overlap = None, 0
    for i, found in enumerate(predicted):
        if i in used or found.kind != kind:
            continue
        shared = min(end, found.end) - max(start, found.start)
        if shared > overlap:
            best, overlap = i, shared
    return best


def same_value(kind: str, gold: dict, found: dict) -> bool:
    """Whether a read value says what the annotation says (numbers within rounding)."""
    def number(a, b) -> bool:
        if a is None or b is None:
            return a is b
        return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(a)))

    def name(a, b) -> bool:
        return str(a or "").strip().lower() == str(b or "").strip().lower()

    if kind == "money":
        return number(gold.get("amount"), found.get("amount")) and name(gold.get("currency"), found.get("currency")) \
            and name(gold.get("unit"), found.get("unit"))
    if kind == "percent":
        return number(gold.get("value"), found.get("value"))
    if kind == "duration":
        return number(gold.get("amount"), found.get("amount")) and name(gold.get("unit"), found.get("unit")) \
            and bool(gold.get("business")) == bool(found.get("business"))
    if kind == "count":
        return number(gold.get("value"), found.get("value")) and name(gold.get("per"), found.get("per"))
    if kind == "service_level":
        return number(gold.get("percent"), found.get("percent")) and number(gold.get("seconds"), found.get("seconds"))
    if kind == "hours":
        if gold.get("always") or found.get("always"):
            return bool(gold.get("always")) == bool(found.get("always"))
        return all(name(gold.get(k), found.get(k)) for k in ("days", "start", "end"))
    if kind == "location":
        return name(gold.get("country"), found.get("country")) or name(gold.get("name"), found.get("name"))
    # names as written ('Genesys Cloud CX') against canonical ones ('Genesys'): either holds the other
    written, canonical = str(gold.get("name") or "").lower(), str(found.get("name") or "").lower()
    return bool(written) and (written in canonical or canonical in written)


def run_reading(splits: tuple[str, ...] = SPLITS) -> dict[str, ReadingScore]:
    """Scores per split."""
    return {split: score_split(load_corpus(split)) for split in splits}
