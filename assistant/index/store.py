"""Dense vectors in Chroma: a PersistentClient inside the workspace folder by default, or one
collection per workspace and kind on a Chroma server (`PROCURE_CHROMA_URL`, for a team)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.models import Chunk
from assistant.settings import quiet_third_parties
from assistant.state.backends import ChromaServer, chroma_server, collection_name, workspace_id

COLLECTION = "chunks"
KINDS = ("chunks", "statements")  # the collections of a workspace (see index/statements.py)
FOLDER = "chroma"
_MAX_BATCH = 4000  # Chroma refuses much more than ~5,400 items per call

_clients: dict[ChromaServer, object] = {}
_clients_lock = threading.Lock()


def open_store(root: Path, kind: str = COLLECTION) -> VectorStore:
    """The vectors of one kind of a workspace folder: on the Chroma server when one is set."""
    server = chroma_server()
    if server is None:
        return VectorStore(Path(root) / FOLDER, kind)
    name = collection_name(workspace_id(root), kind)
    return VectorStore(None, name, client=server_client(server))


def server_client(server: ChromaServer):
    """The process's HttpClient of a Chroma server, its tenant and database made if missing."""
    with _clients_lock:
        if server not in _clients:
            _clients[server] = _connect(server)
        return _clients[server]


def _connect(server: ChromaServer):
    quiet_third_parties()
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    where = {"host": server.host, "port": server.port, "ssl": server.ssl, "settings": settings}
    admin = chromadb.AdminClient(chromadb.Settings(
        chroma_api_impl="chromadb.api.fastapi.FastAPI", chroma_server_host=server.host,
        chroma_server_http_port=server.port, chroma_server_ssl_enabled=server.ssl,
        anonymized_telemetry=False,
    ))
    try:
        admin.get_tenant(server.tenant)
    except Exception:  # noqa: BLE001 - chromadb raises NotFoundError or a ValueError
        admin.create_tenant(server.tenant)
    try:
        admin.get_database(server.database, tenant=server.tenant)
    except Exception:  # noqa: BLE001 - as above
        admin.create_database(server.database, tenant=server.tenant)
    return chromadb.HttpClient(**where, tenant=server.tenant, database=server.database)


def drop_vectors(root: Path) -> None:
    """Delete a workspace's collections on the Chroma server (its folder holds the local ones)."""
    server = chroma_server()
    if server is None:
        return
    client = server_client(server)
    for kind in KINDS:
        try:
            client.delete_collection(collection_name(workspace_id(root), kind))
        except Exception:  # noqa: BLE001 - never made, or already gone
            pass


def copy_vectors(source: Path, target: Path) -> None:
    """Give a workspace another one's vectors, on the Chroma server (folders are copied)."""
    if chroma_server() is None:
        return
    for kind in KINDS:
        open_store(source, kind).copy_to(open_store(target, kind))


class VectorStore:
    """Chunk vectors keyed by chunk id, with document and vendor as metadata."""

    def __init__(self, directory: Path | None, collection: str = COLLECTION, client=None) -> None:
        quiet_third_parties()
        import chromadb

        if client is None:
            directory.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(
                path=str(directory),
                settings=chromadb.Settings(anonymized_telemetry=False, allow_reset=False),
            )
        self._client = client
        # embedding_function=None: we always pass vectors; Chroma's default would download one.
        self._collection = self._client.get_or_create_collection(
            collection, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self._count: int | None = None

    def copy_to(self, target: VectorStore) -> None:
        """Upsert every vector of this collection into another one."""
        found = self._collection.get(include=["embeddings", "metadatas"])
        ids, vectors, metadatas = found["ids"], found["embeddings"], found["metadatas"]
        target._count = None
        for start in range(0, len(ids), _MAX_BATCH):
            end = start + _MAX_BATCH
            target._collection.upsert(
                ids=ids[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end]
            )

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Insert or replace the vectors of these records (chunks or sentences: anything with an
        id, document, vendor and page)."""
        self._count = None
        for start in range(0, len(chunks), _MAX_BATCH):
            batch = chunks[start : start + _MAX_BATCH]
            self._collection.upsert(
                ids=[chunk.id for chunk in batch],
                embeddings=vectors[start : start + _MAX_BATCH],
                metadatas=[
                    {"document": c.document, "vendor": c.vendor, "page": c.page} for c in batch
                ],
            )

    def set_vendor(self, chunks: Sequence[Chunk]) -> None:
        """Record these chunks' (new) vendor in their metadata."""
        for start in range(0, len(chunks), _MAX_BATCH):
            batch = chunks[start : start + _MAX_BATCH]
            self._collection.update(
                ids=[c.id for c in batch],
                metadatas=[{"document": c.document, "vendor": c.vendor, "page": c.page} for c in batch],
            )

    def vectors_of(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these ids (those not stored are left out)."""
        if not ids:
            return {}
        found = self._collection.get(ids=list(ids), include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(found["ids"], found["embeddings"], strict=True)}

    def delete_document(self, document: str) -> None:
        """Drop every vector of one document."""
        self._count = None
        self._collection.delete(where={"document": document})

    def clear(self) -> None:
        """Drop every vector of the collection."""
        self._count = None
        existing = self._collection.get(include=[])["ids"]
        if existing:
            self._collection.delete(ids=existing)

    def query(
        self, vector: np.ndarray, k: int, vendors: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) pairs, best first, optionally within some vendors."""
        count = self.count()
        if count == 0:
            return []
        where = None
        if vendors:
            where = {"vendor": vendors[0]} if len(vendors) == 1 else {"vendor": {"$in": list(vendors)}}
        result = self._collection.query(
            query_embeddings=[vector], n_results=min(k, count), where=where, include=["distances"]
        )
        return [(cid, 1.0 - dist) for cid, dist in zip(result["ids"][0], result["distances"][0])]

    def count(self) -> int:
        """Number of stored vectors (cached between writes)."""
        if self._count is None:
            self._count = self._collection.count()
        return self._count
