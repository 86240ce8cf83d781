"""The interpreter's state and frames, its budget, and what each of its parts needs from the
others."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from secsdlc.flow.models import Models, Sink
from secsdlc.flow.project import FunctionInfo, Module, Project
from secsdlc.flow.values import Step, Value

State = dict[str, Value]
MAX_CALL_DEPTH = 7
# Evaluation steps one root may take, a call answered from the cache counted as if computed
# again: the analysis's guard against a function that would take too long.
DEFAULT_BUDGET = 250_000
REQUEST = "web.request"


class BudgetExceeded(Exception):
    pass


@dataclass(frozen=True)
class Report:
    """A source reaching a sink."""

    kind: str
    sink: Step
    trace: tuple[Step, ...]  # source first, sink last
    # where the finding is: the sink, or the call by which the first function on the path
    # that did not get the data through its parameters (the handler that read the request)
    # hands it to the code that reaches the sink, so each handler has a finding of its own;
    # None while the path only came in through parameters
    entry: Step | None = None

    @property
    def location(self) -> Step:
        return self.entry if self.entry is not None else self.sink


ReportKey = tuple[str, str, int, int, Step, Step | None]


def handed_down(trace: tuple[Step, ...], definitions: Mapping[tuple[str, int], str]) -> bool:
    """Whether a path entered some function through its arguments (or an object made with
    them) on its way: the function that handed the data down has the finding."""
    for s in trace:
        entered = definitions.get((s.path, s.line))
        if entered is not None and s.note.startswith(entered):
            return True
    return False


def entered_through_parameters(trace: tuple[Step, ...], info: FunctionInfo) -> bool:
    """Whether a path came into the function through its parameters (the step the analysis
    notes on entering it with tainted arguments)."""
    entered = f"{info.name}("
    return any(s.line == info.node.lineno and s.path == info.path and
               s.note.startswith(entered) for s in trace)


def report_key(report: Report) -> ReportKey:
    """What makes two paths one finding: one source reaching one sink, handed over at one
    place."""
    sink = report.sink
    return (report.kind, sink.path, sink.line, sink.col, report.trace[0], report.entry)


@dataclass(slots=True)
class Memo:
    """A project call's outcome for given abstract arguments, what computing it read, and the
    steps it took."""

    result: Value
    after: Value | None  # the receiver after the call
    reads: frozenset[str] = frozenset()
    steps: int = 0
    reports: tuple[Report, ...] = ()
    proofs: tuple[tuple[tuple[str, int, str], bool], ...] = ()
    # the project functions the computation tried to enter, and how much deeper than the call
    # its call stack went: under another stack it would be cut short where these meet it
    entered: frozenset[str] = frozenset()
    depth: int = 0


class CallKey:
    """A project call's function and abstract arguments, hashed once: a lookup under the call
    stack and one without it would otherwise hash every argument value again."""

    __slots__ = ("_hash", "parts")

    def __init__(self, parts: tuple[object, ...]) -> None:
        self.parts = parts
        self._hash = hash(parts)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, CallKey) and self._hash == other._hash
                                 and self.parts == other.parts)


@dataclass
class Loop:
    breaks: list[State] = field(default_factory=list)
    continues: list[State] = field(default_factory=list)


@dataclass
class Frame:
    module: Module
    info: FunctionInfo | None
    returns: list[tuple[Value, Step]] = field(default_factory=list)
    yields: list[Value] = field(default_factory=list)
    loops: list[Loop] = field(default_factory=list)
    content_type: Value | None = None
    # when analysed as a check: the truth value asked for, and the states it is returned in
    predicate: bool | None = None
    predicate_states: list[State] = field(default_factory=list)
    wsgi_body: bool = False  # the frame started a WSGI response: what it returns is the body
    origins: dict[str, set[str]] = field(default_factory=dict)
    keyed: set[str] = field(default_factory=set)  # names holding a keyed digest (an HMAC)
    # names parsed from an attribute or an item (`parsed = urlparse(body.url)`): a check of
    # the name is a check of that
    origin_fields: dict[str, ast.expr] = field(default_factory=dict)
    conditions: dict[str, ast.expr] = field(default_factory=dict)
    handler_kinds: tuple[int, ...] = ()

    @property
    def path(self) -> str:
        return self.module.path


class InterpreterBase:
    """What every part of the interpreter shares: the analysis's state, the budget, and the
    methods one part calls in another."""

    def __init__(self, project: Project, models: Models, budget: int = DEFAULT_BUDGET) -> None:
        self.project = project
        self.models = models
        self.budget_per_root = budget
        self.budget = budget
        self.reports: dict[ReportKey, Report] = {}
        # (path, line, kind) -> the dangerous argument was constant or sanitized every time
        self.proofs: dict[tuple[str, int, str], bool] = {}
        self.globals: dict[str, State] = {}
        self._globals_busy: set[str] = set()
        self.stack: list[str] = []
        # The caches below live as long as the interpreter, across roots and files. Each entry
        # keeps the modules its computation read and the steps it cost, and a hit replays both:
        # what a root depends on, and whether it stays within its budget, never depend on which
        # root happened to fill an entry first.
        self.memo: dict[CallKey | tuple[CallKey, tuple[str, ...]], Memo] = {}
        self.cut_calls = 0  # project calls not followed because of the call stack
        self.entered: set[str] = set()  # project functions tried since this was last emptied
        self.deepest = 0  # the longest call stack a call was tried from, likewise
        # the call depth of a call through a table of handlers, if one is being made: what
        # such a call finds belongs to the handler it picked, not to the dispatcher
        self.dispatch_depth: int | None = None
        self._globals_reads: dict[str, frozenset[str]] = {}
        self._globals_failed: set[str] = set()  # modules whose code exceeds the budget
        self._closure_reads: dict[str, frozenset[str]] = {}
        self._class_consts: dict[str, dict[str, Value]] = {}
        # the enclosing function's variables where a nested function is defined (closures)
        self.closures: dict[str, State] = {}

    def _charge(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise BudgetExceeded()

    def _charge_steps(self, steps: int) -> None:
        self.budget -= steps
        if self.budget < 0:
            raise BudgetExceeded()

    def _report(self, report: Report) -> None:
        """One source-to-sink path; of several from one source to one sink, the shortest (the
        first in order among equals, so that the path shown never depends on set order)."""
        key = report_key(report)
        old = self.reports.get(key)
        if old is None or (len(report.trace), report.trace) < (len(old.trace), old.trace):
            self.reports[key] = report

    def _may_follow(self, ref: str) -> bool:
        """Whether a call of the project function `ref` is followed from the current stack
        (not recursion, not too deep); noted either way."""
        self.entered.add(ref)
        self.deepest = max(self.deepest, len(self.stack))
        if ref in self.stack or len(self.stack) >= MAX_CALL_DEPTH:
            self.cut_calls += 1
            return False
        return True

    def _holds_here(self, memo: Memo) -> bool:
        """Whether a computation made without cutting any call would make none from here."""
        return len(self.stack) + memo.depth < MAX_CALL_DEPTH and \
            memo.entered.isdisjoint(self.stack)

    def _take(self, memo: Memo) -> None:
        """What computing a cached entry read and found, as if it were computed again."""
        if memo.reads:
            self.project.consulted |= memo.reads
        if memo.entered:
            self.entered |= memo.entered
        self.deepest = max(self.deepest, len(self.stack) + memo.depth)
        for report in memo.reports:
            self._report(report)
        for key, proven in memo.proofs:
            self.proofs[key] = self.proofs.get(key, True) and proven

    def step(self, frame: Frame, node: ast.AST, note: str) -> Step:
        return Step(frame.path, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1,
                    note)

    if TYPE_CHECKING:
        # provided by the parts combined into the interpreter, each in its own module
        def _attribute(self, node: ast.Attribute, st: State, frame: Frame) -> Value: ...

        def _binop(self, op: ast.operator, left: Value, right: Value) -> Value: ...

        def _class_constants(self, class_ref: str) -> dict[str, Value]: ...

        def _builtin_method(self, node: ast.Call, func: ast.Attribute, name: str, recv: Value,
                            args: list[Value], kwargs: dict[str, Value], st: State,
                            frame: Frame) -> Value | None: ...

        def _check_returns(self, frame: Frame, root: bool = True) -> None: ...

        def _elements(self, elts: list[ast.expr], st: State,
                      frame: Frame) -> tuple[list[Value], Value | None]: ...

        def _start_response(self, node: ast.Call, headers: Value, frame: Frame) -> None: ...

        def _static_ref(self, node: ast.expr, st: State, frame: Frame) -> str | None: ...

        def assign(self, target: ast.expr, value: Value, st: State, frame: Frame,
                   node: ast.AST) -> None: ...

        def built_query(self, node: ast.expr, text: str, value: Value, frame: Frame) -> None: ...

        def check_sink(self, node: ast.Call, sink: Sink, args: list[Value],
                       kwargs: dict[str, Value], frame: Frame, receiver: Value | None) -> None: ...

        def eval(self, node: ast.expr | None, st: State, frame: Frame) -> Value: ...

        def exec_block(self, body: Sequence[ast.stmt], state: State | None,
                       frame: Frame) -> State | None: ...

        def module_globals(self, module: Module) -> State: ...

        def refine(self, test: ast.expr, truth: bool, st: State, frame: Frame) -> State: ...

        def sink_values(self, kind: str, values: Iterable[Value], sink: Step) -> None: ...

        def write_back(self, expr: ast.expr, value: Value, st: State, frame: Frame,
                       node: ast.AST) -> None: ...
