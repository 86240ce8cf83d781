"""From a scan or a SARIF file to the verdict: the one path `scan`, `gate` and `ci github` share.

`scan` runs the scanners (whole tree, staged, diff-aware or a commit), `gate` reads an existing
SARIF; both then apply the baseline, the policy, signed waivers and relaxations and the optional
release sign-off through `gate.pipeline.decide`, and return the annotated result with the verdict,
whose `blocking` lists every finding that blocks with the threshold that applied to it. Nothing
here prints: configuration warnings come back in `Decision.warnings` for the caller to show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from secsdlc.config import Config
from secsdlc.engine import ProgressCallback
from secsdlc.errors import UsageError
from secsdlc.gate.interface import Verdict
from secsdlc.mode import Mode, detect, trust_roots
from secsdlc.model import ScanResult, Severity
from secsdlc.scanners.interface import Scanner


@dataclass(frozen=True, kw_only=True)
class ScanRequest:
    paths: tuple[Path, ...] = ()  # default: the root
    root: Path | None = None  # default: see scan_root
    config: Path | None = None  # default: found from the root
    scanners: str | None = None  # comma-separated; default: the configuration's
    fail_on: str | None = None  # where the policy sets none; default: the configuration's
    vuln_source: str | None = None
    env: bool = False
    staged: bool = False
    diff_base: str | None = None
    diff_head: str | None = None
    shard: str | None = None  # "I/N"
    cache: bool = True
    baseline: Path | None = None
    trust_root: tuple[str, ...] = ()  # default: $SECSDLC_TRUST_ROOT
    require_signoff: bool = False
    enforce: bool = False  # enforce mode even outside CI and without a trust root


@dataclass(frozen=True, kw_only=True)
class GateRequest:
    sarif: Path
    root: Path | None = None  # default: the top of the git work tree around the cwd, else cwd
    config: Path | None = None
    fail_on: str | None = None
    trust_root: tuple[str, ...] = ()  # default: $SECSDLC_TRUST_ROOT
    require_signoff: bool = False
    signoff_file: Path | None = None  # default: the git note on HEAD
    enforce: bool = False


@dataclass(frozen=True, kw_only=True)
class Scanned:
    result: ScanResult
    config: Config
    root: Path
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Decision:
    result: ScanResult  # with waivers applied and the gate's notes as notifications
    verdict: Verdict
    root: Path
    warnings: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        from secsdlc.errors import EXIT_BLOCKING, EXIT_PASS, EXIT_USAGE

        if self.verdict.error:
            return EXIT_USAGE
        return EXIT_PASS if self.verdict.passed else EXIT_BLOCKING


def parse_fail_on(value: str | None) -> Severity | None:
    """--fail-on; None when not given (the configuration's then applies)."""
    if not value:
        return None
    try:
        return Severity.parse(value)
    except ValueError as e:
        raise UsageError(f"--fail-on: {e}") from None


def scan_root(paths: tuple[Path, ...], root: Path | None) -> Path:
    """--root, else the single directory given, else the current directory."""
    if root is not None:
        return root.resolve()
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0].resolve()
    return Path.cwd().resolve()


def parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, count = (int(x) for x in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard {value!r}: expected I/N, e.g. 2/4") from None
    if not 1 <= index <= count:
        raise UsageError(f"--shard {value!r}: I must be between 1 and N")
    return index, count


def load_scanners_and_config(
    config_path: Path | None, root: Path, scanners_arg: str | None, *,
    mode: Mode = Mode.ADVISORY, trust_root: tuple[str, ...] = (),
) -> tuple[dict[str, Scanner], Config, tuple[str, ...]]:
    """The scanners to run, the configuration, and warnings about either; in enforce mode only a
    signed configuration (or the built-in defaults) is read from the repository."""
    from secsdlc import config as config_mod
    from secsdlc import user_config
    from secsdlc.scanners import registry

    user_config.check()
    available, broken = registry.load_all()
    known = {name: {**s.options, "timeout": (int, float)} for name, s in available.items()}
    if mode.enforce:
        from secsdlc import trusted_config

        config = trusted_config.load(root, config_path, trust_root, known_scanner_options=known)
    else:
        path = config_path if config_path is not None else config_mod.find_config_file(root)
        config = config_mod.load(path, known_scanner_options=known)
    warnings = list(config.warnings)
    if scanners_arg is not None:
        wanted: list[str] | None = [s.strip() for s in scanners_arg.split(",") if s.strip()]
        origin = "--scanners"
    else:
        wanted = list(config.scanners) if config.scanners is not None else None
        origin = f"{config.source}: scanners"
    for name, error in broken.items():
        if wanted is not None and name in wanted:
            raise UsageError(str(error))
        warnings.append(f"{error} (not used)")
    if wanted is not None:
        unknown = [n for n in wanted if n not in available]
        if unknown:
            raise UsageError(f"{origin}: unknown scanner(s) {', '.join(unknown)} "
                             f"(registered: {', '.join(available)})")
        if not wanted:
            raise UsageError(f"{origin}: no scanner selected")
        available = {n: s for n, s in available.items() if n in wanted}
    return available, config, tuple(warnings)


def run_scan(request: ScanRequest, progress: ProgressCallback | None = None) -> Scanned:
    """The scan the request describes, before any gate (`baseline create` stops here)."""
    from secsdlc.cache import ResultCache, cache_key
    from secsdlc.engine import ScanPlan, scan

    root = scan_root(request.paths, request.root)
    if not root.is_dir():
        raise UsageError(f"scan root is not a directory: {root}")
    paths = request.paths or (root,)
    trust_root = trust_roots(request.trust_root)
    mode = detect(enforce_flag=request.enforce, trust_root=trust_root)
    scanners, config, warnings = load_scanners_and_config(
        request.config, root, request.scanners, mode=mode, trust_root=trust_root)
    overrides: dict[str, dict[str, object]] = {}
    key = cache_key() if request.cache else None
    if key is not None and key.warning:
        warnings = (*warnings, key.warning)
    if request.vuln_source:
        overrides.setdefault("deps", {})["vuln-source"] = request.vuln_source
    if request.env:
        overrides.setdefault("deps", {})["env"] = True
    plan = ScanPlan(root=root, paths=paths, config=config, scanners=scanners,
                    option_overrides=overrides, shard=parse_shard(request.shard),
                    cache=ResultCache(key=key.key) if key is not None else None,
                    mode=mode)
    if request.staged or request.diff_base or request.diff_head:
        if plan.shard:
            raise UsageError("--shard cannot be combined with --staged, --diff-base or "
                             "--diff-head")
        if request.staged and request.diff_head:
            raise UsageError("--staged and --diff-head name two different contents to scan: "
                             "give one")
        from secsdlc import diffscan

        result = diffscan.run(plan, diffscan.DiffRequest(
            staged=request.staged, diff_base=request.diff_base, diff_head=request.diff_head),
            progress=progress)
        root = Path(result.root)
    else:
        result = scan(plan, progress=progress)
    return Scanned(result=result, config=config, root=root, warnings=warnings)


def scan(request: ScanRequest, progress: ProgressCallback | None = None) -> Decision:
    """Scan, then decide."""
    from secsdlc import baseline

    fail_on = parse_fail_on(request.fail_on)  # a bad value fails before the scan, not after
    entries = baseline.load(request.baseline) if request.baseline else None
    scanned = run_scan(request, progress)
    result = scanned.result
    warnings = scanned.warnings
    if entries is not None and request.baseline is not None \
            and result.mode == Mode.ENFORCE.value:
        why = baseline.untrusted(request.baseline, scan_root(request.paths, request.root),
                                 scanned.config.baseline_digests)
        if why is not None:
            entries, warnings = None, (*warnings, why)
    if entries is not None:
        result = baseline.apply(result, entries)
    # enforce mode: the command line's --fail-on is a floor no configuration may loosen
    floor = fail_on if result.mode == Mode.ENFORCE.value else None
    return _decide(result, scanned.config, scanned.root, fail_on or scanned.config.fail_on,
                   warnings, trust_root=trust_roots(request.trust_root),
                   require_signoff=request.require_signoff, floor=floor)


def gate(request: GateRequest) -> Decision:
    """Decide on an existing SARIF file."""
    from secsdlc.sarif.reader import read_sarif
    from secsdlc.signoff import facade

    root = facade.project_root(request.root)
    trust_root = trust_roots(request.trust_root)
    mode = detect(enforce_flag=request.enforce, trust_root=trust_root)
    _, config, warnings = load_scanners_and_config(request.config, root, None, mode=mode,
                                                   trust_root=trust_root)
    explicit = parse_fail_on(request.fail_on)
    result = replace(read_sarif(request.sarif), mode=mode.value)
    return _decide(result, config, root, explicit or config.fail_on, warnings,
                   trust_root=request.trust_root, require_signoff=request.require_signoff,
                   signoff_file=request.signoff_file,
                   floor=explicit if mode.enforce else None)


def _decide(result: ScanResult, config: Config, root: Path, fail_on: Severity,
            warnings: tuple[str, ...], *, trust_root: tuple[str, ...], require_signoff: bool,
            signoff_file: Path | None = None, floor: Severity | None = None) -> Decision:
    from secsdlc.gate.pipeline import GateOptions, decide
    from secsdlc.signoff import facade

    if trust_root:
        facade.trust_root(trust_root)  # a malformed fingerprint is a usage error
    result, verdict = decide(result, config, root, GateOptions(
        fail_on=fail_on, trust_root=trust_root, require_signoff=require_signoff,
        signoff_file=signoff_file, floor=floor))
    return Decision(result=result, verdict=verdict, root=root, warnings=warnings)
