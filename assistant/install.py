"""What `procure setup` makes once per installation: the ONNX export and the guidance index."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.progress import Progress, no_progress
from assistant.settings import Settings

EXPORTING = "exporting the embedding model to ONNX"


def prepare_installation(
    settings: Settings, progress: Progress = no_progress, force: bool = False
) -> Iterator[str]:
    """Export the embedding model (fp32 and int8), then index the guidance notes with the
    configured model; yields one line per step done.

    Args:
        settings: where the installation's files go (`install_dir`) and which model to use.
        progress: told of each step.
        force: export again even when the export matches the installed weights.
    """
    from assistant.index.embedder import load_embedder, model_name
    from assistant.index.export import export_model
    from assistant.index.guidance import guidance_index
    from assistant.knowledge import load_guidance

    progress(EXPORTING, 0, 1)
    manifest = export_model(settings.install_dir, force=force)
    progress(EXPORTING, 1, 1)
    distances = ", ".join(f"{k} {v:.1e}" for k, v in manifest["distance"].items())
    yield f"ONNX export in {settings.install_dir} (distance to sentence-transformers: {distances})"
    embedder = load_embedder(settings.install_dir, settings.embedding)
    base = load_guidance()
    index, _pages = guidance_index(settings.install_dir, base, embedder, progress)
    folder = settings.install_dir / "guidance"
    yield (f"guidance index: {len(base)} notes, {len(index.statements)} statements, "
           f"{model_name(embedder)}, in {folder}")
