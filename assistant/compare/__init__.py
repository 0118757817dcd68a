"""Vendor comparison: terms per vendor -> terms matrix -> requirement checks and scorecard.

Rule-based and offline: every value is read from a workspace's stored page text and keeps a
citation (document, 1-based page, verbatim quote).
"""

from assistant.compare.answer import answer_from_matrix, matrix_answer
from assistant.compare.export import matrix_text, read_csv, read_markdown, xlsx_available
from assistant.compare.extract import Source, TermValue, extract_catalog, extract_terms
from assistant.compare.fields import FIELDS, FieldDef
from assistant.compare.matrix import Cell, Matrix, Row, build_matrix, matrix_from_values
from assistant.compare.pricing import CostEstimate, estimate_costs
from assistant.compare.requirements import Requirements, ServiceTarget, requirements_from_profile
from assistant.compare.scorecard import (
    Check,
    CriterionScore,
    Scorecard,
    VendorScore,
    build_scorecard,
)
from assistant.compare.scoring import field_accuracy
from assistant.reading.statements import Statement, catalog_statements

__all__ = [
    "Cell", "Check", "CostEstimate", "CriterionScore", "FIELDS", "FieldDef", "Matrix",
    "Requirements", "Row", "Scorecard", "Statement", "ServiceTarget", "Source", "TermValue",
    "VendorScore", "answer_from_matrix", "build_matrix", "build_scorecard", "catalog_statements",
    "estimate_costs", "extract_catalog", "extract_terms", "field_accuracy", "matrix_answer",
    "matrix_from_values", "matrix_text", "read_csv", "read_markdown",
    "requirements_from_profile", "xlsx_available",
]  # fmt: skip
