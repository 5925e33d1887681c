"""Local stand-ins for an Elasticsearch cluster: a closed port, a socket that never answers, and a
tiny in-memory cluster that answers the index-management and bulk APIs as the reference documents them.

The in-memory cluster does not search: it stores documents, versions and the alias, and records
every request, so that tests can check what the engine sent and in which order.
"""

import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def closed_port():
    """A local port nothing listens on: bound, read, closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentServer:
    """Accepts connections and never answers, like a cluster stuck in a long garbage collection."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def _accept(self):
        self.socket.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                connection, _address = self.socket.accept()
            except OSError:
                continue
            self.connections.append(connection)  # held open, never read, never answered

    def close(self):
        self.stopped.set()
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.socket.close()


class MemoryCluster:
    """Documents by index, one alias, and the log of requests: [(method, path, params, body)]."""

    def __init__(self, port=0):
        self.port = port
        self.indices = {}
        self.aliases = {}
        self.synonyms = {}
        self.refused = set()  # ids whose documents the cluster refuses for good (a mapping error)
        self.health = {"status": "green", "number_of_nodes": 1, "unassigned_shards": 0}
        self.requests = []
        self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        cluster = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                params = {key: values[0] for key, values in parse_qs(parts.query).items()}
                status, body = cluster.answer(self.command, parts.path, params, raw)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def create_version(self, index, alias):
        """An empty index behind the alias, as the engine leaves it after its first write."""
        self.indices[index] = {}
        self.aliases[alias] = index

    # What the cluster answers

    def bulk_actions(self):
        """(action, id, index) of every bulk line the cluster received, in order."""
        actions = []
        for _method, _path, _params, raw in self.calls(path=r".*_bulk"):
            for line in raw.splitlines():
                entry = json.loads(line) if line.strip() else {}
                if len(entry) == 1 and next(iter(entry)) in ("index", "delete", "create"):
                    ((op, meta),) = entry.items()
                    actions.append((op, meta["_id"], meta["_index"]))
        return actions

    def calls(self, method=None, path=None):
        return [
            (m, p, params, body)
            for m, p, params, body in self.requests
            if (method is None or m == method) and (path is None or re.fullmatch(path, p))
        ]

    def documents(self, index=None):
        index = index or self.resolve(next(iter(self.aliases)))
        return self.indices.get(index, {})

    def resolve(self, name):
        return self.aliases.get(name, name)

    def answer(self, method, path, params, raw):
        body = raw
        if raw and not path.endswith("/_bulk"):
            body = json.loads(raw)
        self.requests.append((method, path, params, body))
        segments = [s for s in path.split("/") if s]
        if segments[:2] == ["_cluster", "health"]:
            return 200, {"cluster_name": "memory", "timed_out": False, "active_shards": 1, **self.health}
        if segments[:1] == ["_alias"]:
            return self._get_alias(segments[1])
        if segments == ["_bulk"] or segments[-1:] == ["_bulk"]:
            return self._bulk(raw, params)
        if segments[:1] == ["_synonyms"]:
            self.synonyms[segments[1]] = body["synonyms_set"]
            return 200, {"result": "updated", "reload_analyzers_details": {"_shards": _shards(), "reload_details": []}}
        if segments[:2] == ["_search", "scroll"]:
            return self._scroll(method)
        if segments[-1:] == ["_search"]:
            return self._search(segments[0], params, body or {})
        if segments == ["_aliases"]:
            return self._update_aliases(body["actions"])
        if segments[-1:] == ["_refresh"]:
            return 200, {"_shards": _shards()}
        if segments[-1:] == ["_settings"]:
            return 200, {"acknowledged": True}
        if segments[-1:] == ["_delete_by_query"]:
            documents = self.indices.get(self.resolve(segments[0]), {})
            deleted = len(documents)
            documents.clear()
            return 200, {"took": 1, "timed_out": False, "total": deleted, "deleted": deleted, "failures": []}
        if len(segments) == 1 and method == "PUT":
            return self._create(segments[0], body)
        if len(segments) == 1 and method == "DELETE":
            self.indices.pop(segments[0], None)
            return 200, {"acknowledged": True}
        return 404, _error("resource_not_found_exception", f"no route for {method} {path}", 404)

    def _search(self, name, params, body):
        """Every document matches (no query is evaluated); the access-keys aggregation is counted."""
        index = self.resolve(name)
        if index not in self.indices:
            return 404, _error("index_not_found_exception", f"no such index [{name}]", 404)
        documents = self.indices[index]
        answer = {
            "took": 1,
            "timed_out": False,
            "_shards": {**_shards(), "skipped": 0},
            "hits": {
                "total": {"value": len(documents), "relation": "eq"},
                "max_score": 1.0,
                "hits": [
                    {"_index": index, "_id": doc_id, "_score": 1.0, "_source": source}
                    for doc_id, source in documents.items()
                ],
            },
        }
        if "scroll" in params:
            answer["_scroll_id"] = "scroll-1"
        if "access" in body.get("aggs", {}):
            counts = {}
            for source in documents.values():
                counts[source["access"]] = counts.get(source["access"], 0) + 1
            buckets = [{"key": key, "doc_count": count} for key, count in sorted(counts.items())]
            answer["aggregations"] = {
                "access": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": buckets}
            }
        return 200, answer

    def _scroll(self, method):
        if method == "DELETE":
            return 200, {"succeeded": True, "num_freed": 1}
        empty = {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []}
        return 200, {"_scroll_id": "scroll-1", "took": 1, "timed_out": False, "_shards": _shards(), "hits": empty}

    def _get_alias(self, alias):
        if alias not in self.aliases:
            return 404, {"error": f"alias [{alias}] missing", "status": 404}
        return 200, {self.aliases[alias]: {"aliases": {alias: {}}}}

    def _create(self, name, body):
        self.indices[name] = {}
        for alias in (body or {}).get("aliases", {}):
            self.aliases[alias] = name
        return 200, {"acknowledged": True, "shards_acknowledged": True, "index": name}

    def _update_aliases(self, actions):
        for action in actions:
            ((kind, target),) = action.items()
            if kind == "remove":
                self.aliases.pop(target["alias"], None)
            else:
                self.aliases[target["alias"]] = target["index"]
        return 200, {"acknowledged": True}

    def _bulk(self, raw, params):
        lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
        items, errors, i = [], False, 0
        while i < len(lines):
            ((op, meta),) = lines[i].items()
            index = meta["_index"]
            if params.get("require_alias") == "true" and index not in self.aliases:
                items.append({op: {"_index": index, "_id": meta["_id"], "status": 404, "error": {"type": "x"}}})
                errors, i = True, i + (2 if op == "index" else 1)
                continue
            documents = self.indices.setdefault(self.resolve(index), {})
            if op == "index" and meta["_id"] in self.refused:
                error = {"type": "document_parsing_exception", "reason": "failed to parse field [date]"}
                items.append({op: {"_index": index, "_id": meta["_id"], "status": 400, "error": error}})
                errors, i = True, i + 2
                continue
            if op == "index":
                documents[meta["_id"]] = lines[i + 1]
                items.append({op: _item(index, meta["_id"], 201, "created")})
                i += 2
            else:
                found = documents.pop(meta["_id"], None) is not None
                items.append(
                    {op: _item(index, meta["_id"], 200 if found else 404, "deleted" if found else "not_found")}
                )
                i += 1
        return 200, {"took": 3, "errors": errors, "items": items}


def _shards():
    return {"total": 1, "successful": 1, "failed": 0}


def _item(index, doc_id, status, result):
    return {
        "_index": index,
        "_id": doc_id,
        "_version": 1,
        "result": result,
        "_shards": _shards(),
        "status": status,
        "_seq_no": 0,
        "_primary_term": 1,
    }


def _error(kind, reason, status):
    return {
        "error": {"root_cause": [{"type": kind, "reason": reason}], "type": kind, "reason": reason},
        "status": status,
    }


def wait_until(condition, timeout=5.0):
    ends = time.monotonic() + timeout
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(0.02)
    return False
