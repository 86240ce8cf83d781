"""Scanner discovery through entry points, the same path for built-ins and third parties."""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from secsdlc.scanners.interface import ENTRY_POINT_GROUP, Scanner

# The order results are merged in: when two tools report the same problem, the first one's rule
# becomes the finding's rule (the taint analysis carries the path, our semgrep pack the more
# actionable messages of the pattern rules).
PREFERRED_ORDER = ("taint", "semgrep", "bandit", "secrets", "deps")


class RegistryError(Exception):
    pass


def _entry_points() -> list[EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        # The same distribution can be visible twice (editable install + build dir); first wins.
        found.setdefault(ep.name, ep)
    return sorted(found.values(), key=lambda ep: _order_key(ep.name))


def _order_key(name: str) -> tuple[int, str]:
    if name in PREFERRED_ORDER:
        return (PREFERRED_ORDER.index(name), name)
    return (len(PREFERRED_ORDER), name)


def load_all() -> tuple[dict[str, Scanner], dict[str, RegistryError]]:
    """Every registered scanner that loads, and the error of each one that does not."""
    # Entry points are read once: each read walks every installed distribution's metadata, and a
    # commit hook pays it on every commit (benchmarks/bench_hook_startup.py).
    eps = _entry_points()
    loaded: dict[str, Scanner] = {}
    broken: dict[str, RegistryError] = {}
    for ep in eps:
        try:
            loaded[ep.name] = _instantiate(ep)
        except RegistryError as e:
            broken[ep.name] = e
    return loaded, broken


def load(names: list[str] | None = None) -> dict[str, Scanner]:
    """Instantiate the named scanners (all registered ones when `names` is None)."""
    eps = {ep.name: ep for ep in _entry_points()}
    wanted = list(eps) if names is None else names
    unknown = [n for n in wanted if n not in eps]
    if unknown:
        raise RegistryError(
            f"unknown scanner(s): {', '.join(unknown)} (registered: {', '.join(eps) or 'none'})"
        )
    return {name: _instantiate(eps[name]) for name in sorted(wanted, key=_order_key)}


def _instantiate(ep: EntryPoint) -> Scanner:
    try:
        factory = ep.load()
        scanner = factory()
    except Exception as e:
        raise RegistryError(f"scanner {ep.name!r} failed to load: {e}") from e
    if not isinstance(scanner, Scanner):
        raise RegistryError(
            f"scanner {ep.name!r} ({ep.value}) does not implement the Scanner interface"
        )
    return scanner
